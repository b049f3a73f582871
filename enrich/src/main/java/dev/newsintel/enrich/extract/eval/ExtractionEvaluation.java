package dev.newsintel.enrich.extract.eval;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.enrich.extract.Extraction;
import dev.newsintel.enrich.extract.HtmlText;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;

/**
 * Measures main-text extraction on the three public page sets with ground truth, each with its own published
 * metric, next to the figures other extractors published for the same pages:
 *
 * <ul>
 *   <li>{@code article-extraction-benchmark/}: human-annotated article bodies; the benchmark's bag-of-4-gram-shingles
 *       precision/recall/F1 ({@link ShingleMetric}). The other extractors' figures are computed with the same code
 *       from the benchmark's own output files of those extractors, on the same pages.</li>
 *   <li>{@code trafilatura-eval-en/}: segments that must / must not appear in the text; trafilatura's own scoring
 *       (micro-averaged over segments). Published figures: the corpus README (whole multilingual corpus).</li>
 *   <li>{@code readability-test-pages-en/}: Readability.js's reviewed output as reference, compared with the
 *       shingle metric.</li>
 * </ul>
 *
 * Every page also belongs to a fixed <em>tune</em> (2/3) or <em>check</em> (1/3) part, by a hash of its key, so a
 * change tuned on the first can be checked on pages it was not tuned on.
 */
public final class ExtractionEvaluation {
    public static final String ARTICLE_BENCHMARK = "article-extraction-benchmark";
    public static final String TRAFILATURA = "trafilatura-eval-en";
    public static final String READABILITY = "readability-test-pages-en";

    /** One page's scores. */
    public record PageScore(String key, boolean check, double precision, double recall, double f1) {
    }

    /** Another extractor's figures. */
    public record Baseline(String extractor, double precision, double recall, double f1, String source) {
    }

    /** Metadata found right, per field: pages with a ground truth value and how many we matched. */
    public record FieldAccuracy(String field, int expected, int correct) {
        public double accuracy() {
            return expected == 0 ? 0 : (double) correct / expected;
        }
    }

    /** The outcome on one dataset. */
    public record DatasetResult(String dataset, String metric, int pages, int failures, double precision,
                                double recall, double f1, double tuneF1, double checkF1, List<Baseline> baselines,
                                List<FieldAccuracy> metadata, List<PageScore> scores) {
    }

    private final DocumentExtractor extractor;

    public ExtractionEvaluation(DocumentExtractor extractor) {
        this.extractor = extractor;
    }

    /** Every dataset present under {@code testdata}; missing ones are left out. */
    public List<DatasetResult> all(Path testdata) throws IOException {
        List<DatasetResult> results = new ArrayList<>();
        if (Files.isDirectory(testdata.resolve(ARTICLE_BENCHMARK))) {
            results.add(articleBenchmark(testdata.resolve(ARTICLE_BENCHMARK)));
        }
        if (Files.isDirectory(testdata.resolve(TRAFILATURA))) {
            results.add(trafilatura(testdata.resolve(TRAFILATURA)));
        }
        if (Files.isDirectory(testdata.resolve(READABILITY))) {
            results.add(readability(testdata.resolve(READABILITY)));
        }
        return results;
    }

    // ------------------------------------------------------------------------------ article-extraction-benchmark

    public DatasetResult articleBenchmark(Path dir) throws IOException {
        JsonNode truth = Json.MAPPER.readTree(dir.resolve("ground-truth.json").toFile());
        List<ShingleMetric.Counts> all = new ArrayList<>();
        List<ShingleMetric.Counts> tune = new ArrayList<>();
        List<ShingleMetric.Counts> check = new ArrayList<>();
        List<PageScore> scores = new ArrayList<>();
        int failures = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            String id = item.getKey();
            String url = item.getValue().path("url").asText(null);
            byte[] html = gunzip(dir.resolve("html").resolve(id + ".html.gz"));
            String predicted;
            try {
                predicted = extract(html, url).text();
            } catch (RuntimeException e) {
                predicted = "";
                failures++;
            }
            ShingleMetric.Counts counts = ShingleMetric.match(item.getValue().path("articleBody").asText(""),
                    predicted);
            boolean isCheck = isCheck(id);
            all.add(counts);
            (isCheck ? check : tune).add(counts);
            scores.add(new PageScore(id, isCheck, counts.precision(), counts.recall(), counts.f1()));
        }
        ShingleMetric.Summary summary = ShingleMetric.summarize(all);
        List<Baseline> baselines = new ArrayList<>();
        Path outputs = dir.resolve("baseline-outputs");
        if (Files.isDirectory(outputs)) {
            try (Stream<Path> files = Files.list(outputs)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    baselines.add(baseline(file, truth));
                }
            }
        }
        baselines.sort((a, b) -> Double.compare(b.f1(), a.f1()));
        return new DatasetResult(ARTICLE_BENCHMARK, "bag of 4-gram token shingles, macro-averaged (evaluate.py)",
                all.size(), failures, summary.precision(), summary.recall(), summary.f1(),
                ShingleMetric.summarize(tune).f1(), ShingleMetric.summarize(check).f1(), baselines, List.of(),
                scores);
    }

    private static Baseline baseline(Path file, JsonNode truth) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String version = root.path("version").asText("");
        JsonNode output = root.has("output") ? root.get("output") : root;
        List<ShingleMetric.Counts> counts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            counts.add(ShingleMetric.match(item.getValue().path("articleBody").asText(""),
                    output.path(item.getKey()).path("articleBody").asText("")));
        }
        ShingleMetric.Summary s = ShingleMetric.summarize(counts);
        return new Baseline(version.isEmpty() ? name : name + " " + version, s.precision(), s.recall(), s.f1(),
                "benchmark output file, scored here on the same pages");
    }

    // ------------------------------------------------------------------------------------------ trafilatura-eval

    public DatasetResult trafilatura(Path dir) throws IOException {
        JsonNode data = Json.MAPPER.readTree(dir.resolve("evaldata.json").toFile());
        int[] all = new int[4];
        int[] tune = new int[4];
        int[] check = new int[4];
        List<PageScore> scores = new ArrayList<>();
        Fields fields = new Fields();
        int failures = 0;
        int pages = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            JsonNode record = item.getValue();
            Path file = dir.resolve("html").resolve(record.path("file").asText() + ".gz");
            if (!Files.exists(file)) {
                continue;
            }
            pages++;
            String url = item.getKey().startsWith("http") ? item.getKey() : null;
            Extraction extraction = null;
            try {
                extraction = extract(gunzip(file), url);
            } catch (RuntimeException e) {
                failures++;
            }
            String text = normalise(extraction == null ? "" : extraction.text());
            int[] page = new int[4]; // tp, fn, fp, tn
            for (JsonNode with : record.path("with")) {
                page[text.contains(normalise(with.asText())) ? 0 : 1]++;
            }
            for (JsonNode without : record.path("without")) {
                page[text.contains(normalise(without.asText())) ? 2 : 3]++;
            }
            boolean isCheck = isCheck(item.getKey());
            for (int i = 0; i < 4; i++) {
                all[i] += page[i];
                (isCheck ? check : tune)[i] += page[i];
            }
            double p = page[0] + page[2] == 0 ? 1 : (double) page[0] / (page[0] + page[2]);
            double r = page[0] + page[1] == 0 ? 1 : (double) page[0] / (page[0] + page[1]);
            scores.add(new PageScore(item.getKey(), isCheck, p, r, segmentF1(page)));
            if (extraction != null) {
                fields.title(record.path("title").asText(""), extraction.title());
                fields.author(record.path("author").asText(""), extraction.author());
                fields.date(record.path("date").asText(""), extraction.publishedAt());
            }
        }
        List<Baseline> published = publishedTrafilatura(dir.resolve("README.md"));
        double precision = all[0] + all[2] == 0 ? 0 : (double) all[0] / (all[0] + all[2]);
        double recall = all[0] + all[1] == 0 ? 0 : (double) all[0] / (all[0] + all[1]);
        return new DatasetResult(TRAFILATURA, "must-include / must-exclude segments, micro-averaged (trafilatura)",
                pages, failures, precision, recall, segmentF1(all), segmentF1(tune), segmentF1(check), published,
                fields.results(), scores);
    }

    private static double segmentF1(int[] c) {
        int denominator = 2 * c[0] + c[2] + c[1];
        return denominator == 0 ? 0 : 2.0 * c[0] / denominator;
    }

    private static final Pattern PUBLISHED_ROW = Pattern.compile(
            "^(\\S.*?)\\s+(\\d\\.\\d+)\\s+(\\d\\.\\d+)\\s+(\\d\\.\\d+)\\s+(\\d\\.\\d+)\\s*$");

    /** The published table in the dataset's README (precision, recall, accuracy, F-score per package). */
    private static List<Baseline> publishedTrafilatura(Path readme) throws IOException {
        List<Baseline> rows = new ArrayList<>();
        if (!Files.exists(readme)) {
            return rows;
        }
        boolean inTable = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("### Published results")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("###")) {
                break;
            }
            Matcher m = PUBLISHED_ROW.matcher(line);
            if (inTable && m.matches()) {
                rows.add(new Baseline(m.group(1).strip(), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(5)),
                        "published, whole multilingual corpus (dataset README)"));
            }
        }
        rows.sort((a, b) -> Double.compare(b.f1(), a.f1()));
        return rows;
    }

    // ------------------------------------------------------------------------------------- readability test pages

    public DatasetResult readability(Path dir) throws IOException {
        List<ShingleMetric.Counts> all = new ArrayList<>();
        List<ShingleMetric.Counts> tune = new ArrayList<>();
        List<ShingleMetric.Counts> check = new ArrayList<>();
        List<PageScore> scores = new ArrayList<>();
        Fields fields = new Fields();
        int failures = 0;
        List<Path> pages;
        try (Stream<Path> list = Files.list(dir.resolve("pages"))) {
            pages = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path page : pages) {
            String name = page.getFileName().toString();
            Path source = page.resolve("source.html.gz");
            Path expected = page.resolve("expected.html.gz");
            if (!Files.exists(source) || !Files.exists(expected)) {
                continue;
            }
            String truth = HtmlText.text(Jsoup.parse(new String(gunzip(expected), StandardCharsets.UTF_8)).body());
            Extraction extraction = null;
            try {
                extraction = extract(gunzip(source), null);
            } catch (RuntimeException e) {
                failures++;
            }
            ShingleMetric.Counts counts = ShingleMetric.match(truth, extraction == null ? "" : extraction.text());
            boolean isCheck = isCheck(name);
            all.add(counts);
            (isCheck ? check : tune).add(counts);
            scores.add(new PageScore(name, isCheck, counts.precision(), counts.recall(), counts.f1()));
            Path metaFile = page.resolve("expected-metadata.json");
            if (extraction != null && Files.exists(metaFile)) {
                JsonNode meta = Json.MAPPER.readTree(metaFile.toFile());
                fields.title(meta.path("title").asText(""), extraction.title());
                fields.author(meta.path("byline").asText(""), extraction.author());
                String published = meta.path("publishedTime").asText("");
                fields.date(published.length() >= 10 ? published.substring(0, 10) : "", extraction.publishedAt());
            }
        }
        ShingleMetric.Summary summary = ShingleMetric.summarize(all);
        return new DatasetResult(READABILITY, "bag of 4-gram token shingles against Readability.js's reviewed output",
                all.size(), failures, summary.precision(), summary.recall(), summary.f1(),
                ShingleMetric.summarize(tune).f1(), ShingleMetric.summarize(check).f1(),
                List.of(new Baseline("readability.js (the reference itself)", 1, 1, 1,
                        "the expected output is Readability.js's")),
                fields.results(), scores);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Extraction extract(byte[] html, String url) {
        RawDocument raw = RawDocument.of("eval", DocumentKind.NEWS, "eval", url, "text/html", Instant.EPOCH, null,
                Map.of(), html);
        return extractor.extract(raw);
    }

    /** The fixed tune/check split: a page is in the check part iff sha256("check:" + key) mod 3 == 0. */
    public static boolean isCheck(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("check:" + key).getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).mod(BigInteger.valueOf(3)).intValue() == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Counts metadata matches: titles and authors compared loosely (case, spacing, punctuation), dates by day. */
    private static final class Fields {
        private final Map<String, int[]> counts = new LinkedHashMap<>();

        void title(String expected, String actual) {
            compare("title", expected, actual);
        }

        void author(String expected, String actual) {
            compare("author", expected, actual);
        }

        void date(String expected, Instant actual) {
            if (expected.isBlank()) {
                return;
            }
            int[] c = counts.computeIfAbsent("date", k -> new int[2]);
            c[0]++;
            try {
                if (actual != null && LocalDate.parse(expected.strip()).equals(LocalDate.ofInstant(actual,
                        ZoneOffset.UTC))) {
                    c[1]++;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // unreadable expectation: counted as expected, never as matched
            }
        }

        private void compare(String field, String expected, String actual) {
            if (expected.isBlank()) {
                return;
            }
            int[] c = counts.computeIfAbsent(field, k -> new int[2]);
            c[0]++;
            if (actual != null && loose(expected).equals(loose(actual))) {
                c[1]++;
            }
        }

        private static String loose(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }

        List<FieldAccuracy> results() {
            List<FieldAccuracy> out = new ArrayList<>();
            counts.forEach((field, c) -> out.add(new FieldAccuracy(field, c[0], c[1])));
            return out;
        }
    }
}
