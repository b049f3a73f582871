package dev.newsintel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsintel.enrich.DocumentEnricher;
import dev.newsintel.enrich.extract.ExtractionLimits;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Ids;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel extract}: enrichment without Kafka. Prints one JSON object per document per line (JSONL):
 * {@code file}, {@code title}, {@code text}, {@code publishedAt}, {@code language}, {@code author}, {@code site},
 * {@code filing} (SEC structure, when the file is a filing), {@code entities}, {@code quantities},
 * {@code announcements}; with {@code --lines} also {@code line}. A file that cannot be read or enriched prints
 * {@code {"file", "error"}} and the command exits 1 after the other files.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Enriches documents without Kafka and prints one JSON object per document per line.",
                "FILE may be - for standard input; .gz files are read transparently."})
final class ExtractCommand implements Callable<Integer> {
    /** Read at most this much of a file: extraction parses 8 MiB, the rest only counts toward the length. */
    private static final int MAX_READ_BYTES = ExtractionLimits.DEFAULT.maxInputBytes();
    /** Every field is printed, null or not: consumers rely on the keys being there. */
    private static final ObjectMapper JSON = Json.MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                    JsonInclude.Include.ALWAYS));

    @Spec
    CommandSpec spec;

    @Option(names = "--lines", description = "Every input line is one plain-text document.")
    boolean lines;

    @Option(names = "--url", paramLabel = "URL", description = "The URL the documents were fetched from.")
    String url;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to enrich, or - for standard input.")
    List<String> files;

    @Override
    public Integer call() throws IOException {
        DocumentEnricher enricher = new DocumentEnricher(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (String file : files) {
            try {
                if (lines) {
                    failures += extractLines(enricher, file, out);
                } else {
                    Body body = read(file);
                    out.println(json(extract(enricher, file, body, contentType(file, body.bytes))));
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                out.println(json(error(file, null, e)));
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private int extractLines(DocumentEnricher enricher, String file, PrintWriter out) throws IOException {
        int failures = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                try {
                    Map<String, Object> result = extract(enricher, file,
                            new Body(bytes, false, bytes.length), "text/plain");
                    result.put("line", number);
                    out.println(json(result));
                } catch (RuntimeException e) {
                    failures++;
                    out.println(json(error(file, number, e)));
                }
            }
        }
        return failures;
    }

    private Map<String, Object> extract(DocumentEnricher enricher, String file, Body body, String contentType) {
        RawDocument raw = new RawDocument(RawDocument.SCHEMA_VERSION, Ids.forContent(body.bytes), DocumentKind.NEWS,
                "extract", url, contentType, null, Instant.now(), null, Map.of("file", file), body.bytes,
                body.truncated, body.length);
        EnrichedDocument document = enricher.enrich(raw);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file);
        result.put("title", document.title());
        result.put("text", document.text());
        result.put("publishedAt", document.publishedAt());
        result.put("language", document.language());
        result.put("author", document.author());
        result.put("site", document.site());
        if (document.filing() != null) {
            result.put("filing", document.filing());
        }
        if ("true".equals(document.metadata().get("extract.truncated"))) {
            result.put("truncated", true);
        }
        result.put("entities", document.entities());
        result.put("quantities", document.quantities());
        result.put("announcements", document.announcements());
        return result;
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the result as JSON", e);
        }
    }

    private static Map<String, Object> error(String file, Integer line, Exception e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("file", file);
        if (line != null) {
            error.put("line", line);
        }
        error.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        return error;
    }

    /** A file's first bytes, bounded, and how long it really was. */
    private record Body(byte[] bytes, boolean truncated, long length) {
    }

    private static Body read(String file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes(MAX_READ_BYTES);
            long rest = bytes.length < MAX_READ_BYTES ? 0 : in.transferTo(java.io.OutputStream.nullOutputStream());
            return new Body(bytes, rest > 0, bytes.length + rest);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
        return file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static String contentType(String file, byte[] bytes) {
        String name = file.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return "text/html";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") ? "text/html" : "text/plain";
    }
}
