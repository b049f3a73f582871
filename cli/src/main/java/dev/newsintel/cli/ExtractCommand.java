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

import dev.newsintel.enrich.DocumentEnricher;
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
 * {@code newsintel extract}: enrichment without Kafka. Prints one JSON object per document per line (JSONL).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Enriches documents without Kafka and prints one JSON object per document per line.",
                "FILE may be - for standard input; .gz files are read transparently."})
final class ExtractCommand implements Callable<Integer> {
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
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file),
                            StandardCharsets.UTF_8))) {
                        String line;
                        int number = 0;
                        while ((line = reader.readLine()) != null) {
                            number++;
                            if (line.isBlank()) {
                                continue;
                            }
                            Map<String, Object> result = extract(enricher, file, line.getBytes(StandardCharsets.UTF_8),
                                    "text/plain");
                            result.put("line", number);
                            out.println(Json.toString(result));
                        }
                    }
                } else {
                    byte[] bytes;
                    try (InputStream in = open(file)) {
                        bytes = in.readAllBytes();
                    }
                    out.println(Json.toString(extract(enricher, file, bytes, contentType(file, bytes))));
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("file", file);
                error.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
                out.println(Json.toString(error));
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private Map<String, Object> extract(DocumentEnricher enricher, String file, byte[] bytes, String contentType) {
        RawDocument raw = RawDocument.of(Ids.forContent(bytes), DocumentKind.NEWS, "extract", url, contentType,
                Instant.now(), null, Map.of("file", file), bytes);
        EnrichedDocument document = enricher.enrich(raw);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file);
        result.put("title", document.title());
        result.put("text", document.text());
        result.put("publishedAt", document.publishedAt());
        result.put("language", document.language());
        result.put("author", document.author());
        result.put("site", document.site());
        result.put("entities", document.entities());
        result.put("quantities", document.quantities());
        result.put("announcements", document.announcements());
        return result;
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
