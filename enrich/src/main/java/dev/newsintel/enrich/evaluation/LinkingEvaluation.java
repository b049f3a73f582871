package dev.newsintel.enrich.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.enrich.entities.Company;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Json;

/**
 * Company linking on the EDGAR fixtures: in every filing document whose filer is known (the SEC header of its
 * filing, or the filer's own {@code dei:EntityCentralIndexKey} inline-XBRL fact), does a mention in the text link to
 * the filer's CIK, and is the filer the company linked most often?
 */
public final class LinkingEvaluation {
    private static final int MAX_CHARS = 300_000;

    private LinkingEvaluation() {
    }

    public static EvaluationReport run(Path testdata, EntityRecognizer recognizer) throws IOException {
        Path edgar = testdata.resolve("sec-edgar");
        EvaluationReport report = new EvaluationReport("linking", "Company linking on EDGAR filings");
        if (!Files.isDirectory(edgar)) {
            report.note("sec-edgar/ is missing: skipped.");
            return report;
        }
        Map<Path, String> expected = new LinkedHashMap<>();
        JsonNode headers = Json.MAPPER.readTree(edgar.resolve("expected/filings-header.json").toFile());
        for (JsonNode h : headers) {
            Path dir = edgar.resolve("filings").resolve(h.path("accession").asText());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if ((name.endsWith(".htm") || name.endsWith(".html")) && !name.endsWith("-index.html")) {
                        expected.put(f, Company.padCik(h.path("cik").asText()));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(edgar.resolve("periodic"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".html.gz")) {
                    continue;
                }
                Path facts = f.resolveSibling(name.substring(0, name.length() - 3) + ".ixfacts.json");
                String cik = deiCik(facts);
                if (cik != null) {
                    expected.put(f, cik);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int linked = 0;
        int top = 0;
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            String text = text(e.getKey());
            List<Entity> entities = recognizer.recognize(TextProcessor.shared().analyze(text));
            Map<String, Integer> counts = new HashMap<>();
            int filerMentions = 0;
            for (Entity x : entities) {
                if (x.type() == EntityType.ORG && x.canonical() != null && x.canonical().cik() != null) {
                    counts.merge(x.canonical().cik(), 1, Integer::sum);
                    if (x.canonical().cik().equals(e.getValue())) {
                        filerMentions++;
                    }
                }
            }
            String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            boolean isLinked = filerMentions > 0;
            boolean isTop = e.getValue().equals(most);
            linked += isLinked ? 1 : 0;
            top += isTop ? 1 : 0;
            rows.add(List.of(edgar.relativize(e.getKey()).toString(), e.getValue(), Integer.toString(filerMentions),
                    isLinked ? "yes" : "**no**", isTop ? "yes" : "no (" + most + ")"));
        }
        report.note("Documents: the primary documents and EX-99 exhibits of the shared EDGAR filings (filer from the "
                + "SEC header) and the shared 10-K/10-Q documents (filer from their `dei:EntityCentralIndexKey` fact); "
                + "text is the HTML's visible text (first " + MAX_CHARS + " characters), linked against the bundled "
                + "company list.");
        report.table("Filer linked per document", List.of("document", "filer CIK", "filer mentions linked",
                "filer linked", "filer is the most linked company"), rows);
        report.metric("documents", expected.size());
        report.metric("filerLinked", EvaluationReport.ratio(linked, expected.size()));
        report.metric("filerMostLinked", EvaluationReport.ratio(top, expected.size()));
        report.table("Summary", List.of("documents", "filer linked", "filer most linked"), List.of(List.of(
                Integer.toString(expected.size()), EvaluationReport.pct(EvaluationReport.ratio(linked,
                        expected.size())), EvaluationReport.pct(EvaluationReport.ratio(top, expected.size())))));
        return report;
    }

    private static String deiCik(Path facts) throws IOException {
        if (!Files.isRegularFile(facts)) {
            return null;
        }
        JsonNode root = Json.MAPPER.readTree(facts.toFile());
        JsonNode list = root.isArray() ? root : root.path("facts");
        for (JsonNode f : list) {
            if ("dei:EntityCentralIndexKey".equals(f.path("name").asText())) {
                String v = f.path("text").asText(f.path("value").asText(""));
                return v.isBlank() ? null : Company.padCik(v.strip());
            }
        }
        return null;
    }

    private static String text(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        String html = new String(bytes, StandardCharsets.UTF_8);
        var doc = Jsoup.parse(html);
        doc.select("ix|header, [style*=display:none]").remove();
        String text = doc.body() == null ? doc.text() : doc.body().wholeText().replaceAll("[ \\t\\u00a0]+", " ")
                .replaceAll("\\s*\\n\\s*", "\n");
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
