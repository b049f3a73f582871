package dev.newsintel.enrich.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.enrich.analysis.Analysis;
import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.enrich.announcements.DocumentContext;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.Json;

/**
 * Scores announcements against the project's gold set ({@code enrich/src/test/resources/gold/announcements/}):
 * a predicted announcement is correct when a gold one of the same document has its type and company (same ticker
 * when the gold has one, else the same name). Precision, recall and field accuracy are reported for the development
 * half (the one looked at while writing rules) and the test half (never looked at) separately, split by a hash of
 * the file name.
 */
public final class AnnouncementEvaluation {
    private AnnouncementEvaluation() {
    }

    /** The half a gold document belongs to: "dev" or "test", by the SHA-256 of its file name. */
    public static String half(String file) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, d).mod(BigInteger.TWO).intValue() == 0 ? "dev" : "test";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counts {
        long docs;
        long predicted;
        long gold;
        long truePositives;
        long goldFound;
        long fields;
        long fieldsCorrect;
        final Map<String, long[]> perType = new TreeMap<>(); // predicted, correct, gold, found

        double precision() {
            return EvaluationReport.ratio(truePositives, predicted);
        }

        double recall() {
            return EvaluationReport.ratio(goldFound, gold);
        }
    }

    public static EvaluationReport run(Path goldDir, TextAnalyzer analyzer) throws IOException {
        Path labels = goldDir.resolve("labels.jsonl");
        if (!Files.isRegularFile(labels)) {
            throw new IOException("No labels.jsonl in " + goldDir);
        }
        Map<String, Counts> halves = new TreeMap<>();
        halves.put("dev", new Counts());
        halves.put("test", new Counts());
        EvaluationReport report = new EvaluationReport("announcements", "Announcements: the project's gold set");
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode doc = Json.MAPPER.readTree(line);
            String file = doc.path("file").asText();
            String text = Files.readString(goldDir.resolve(file), StandardCharsets.UTF_8).strip();
            String title = text.lines().findFirst().orElse("");
            String half = half(file);
            Counts c = halves.get(half);
            c.docs++;
            Analysis analysis = analyzer.analyze(text, new DocumentContext("gold:" + file, title, null, "gold", null,
                    null));
            List<JsonNode> gold = new ArrayList<>();
            doc.path("announcements").forEach(gold::add);
            boolean[] found = new boolean[gold.size()];
            c.gold += gold.size();
            for (JsonNode g : gold) {
                c.perType.computeIfAbsent(g.path("type").asText(), k -> new long[4])[2]++;
            }
            for (Announcement a : analysis.announcements()) {
                c.predicted++;
                long[] t = c.perType.computeIfAbsent(a.type().name(), k -> new long[4]);
                t[0]++;
                int match = -1;
                for (int i = 0; i < gold.size(); i++) {
                    if (!found[i] && matches(a, gold.get(i))) {
                        match = i;
                        break;
                    }
                }
                if (match < 0) {
                    for (int i = 0; i < gold.size(); i++) {
                        if (matches(a, gold.get(i))) {
                            match = i; // a second announcement of an already matched fact: still correct, not recall
                            break;
                        }
                    }
                }
                if (match >= 0) {
                    c.truePositives++;
                    t[1]++;
                    if (!found[match]) {
                        found[match] = true;
                        c.goldFound++;
                        c.perType.get(gold.get(match).path("type").asText())[3]++;
                        fieldScore(a, gold.get(match), c, report, file, half);
                    }
                } else if ("dev".equals(half)) {
                    report.example("false positive (dev): " + file + ": " + a.type() + " by "
                            + (a.company() == null ? "?" : a.company().name()) + " — \"" + a.evidence().text() + "\"");
                }
            }
            for (int i = 0; i < gold.size(); i++) {
                if (!found[i] && "dev".equals(half)) {
                    report.example("missed (dev): " + file + ": " + gold.get(i).path("type").asText() + " by "
                            + gold.get(i).path("company").asText() + " — \"" + gold.get(i).path("evidence").asText()
                            + "\"");
                }
            }
        }
        report.note("Gold set: " + (halves.get("dev").docs + halves.get("test").docs) + " documents written by the "
                + "project (`enrich/src/test/resources/gold/announcements/`, see its README). An announcement is "
                + "correct when the gold labels of its document have one of the same type whose company matches "
                + "(ticker when the gold has one, else the name). The set is split by a hash of the file name: rules "
                + "were developed looking only at the dev half; the test half was never inspected. Misses listed below "
                + "are from the dev half only.");
        List<List<String>> rows = new ArrayList<>();
        Counts all = new Counts();
        for (Map.Entry<String, Counts> e : halves.entrySet()) {
            Counts c = e.getValue();
            rows.add(row(e.getKey(), c));
            all.docs += c.docs;
            all.predicted += c.predicted;
            all.gold += c.gold;
            all.truePositives += c.truePositives;
            all.goldFound += c.goldFound;
            all.fields += c.fields;
            all.fieldsCorrect += c.fieldsCorrect;
            c.perType.forEach((k, v) -> {
                long[] t = all.perType.computeIfAbsent(k, x -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    t[i] += v[i];
                }
            });
        }
        rows.add(row("**all**", all));
        report.table("Precision and recall", List.of("half", "documents", "gold", "predicted", "correct",
                "precision", "recall", "field accuracy"), rows);
        List<List<String>> types = new ArrayList<>();
        all.perType.forEach((type, v) -> types.add(List.of(type, Long.toString(v[2]), Long.toString(v[0]),
                Long.toString(v[1]), EvaluationReport.num(EvaluationReport.ratio(v[1], v[0])),
                EvaluationReport.num(EvaluationReport.ratio(v[3], v[2])))));
        report.table("Per type (both halves)", List.of("type", "gold", "predicted", "correct", "precision",
                "recall"), types);
        report.metric("precision", all.precision());
        report.metric("recall", all.recall());
        report.metric("precisionDev", halves.get("dev").precision());
        report.metric("precisionTest", halves.get("test").precision());
        report.metric("recallDev", halves.get("dev").recall());
        report.metric("recallTest", halves.get("test").recall());
        report.metric("fieldAccuracy", EvaluationReport.ratio(all.fieldsCorrect, all.fields));
        report.metric("precisionGoal", 0.9);
        return report;
    }

    private static List<String> row(String name, Counts c) {
        return List.of(name, Long.toString(c.docs), Long.toString(c.gold), Long.toString(c.predicted),
                Long.toString(c.truePositives), EvaluationReport.num(c.precision()), EvaluationReport.num(c.recall()),
                EvaluationReport.pct(EvaluationReport.ratio(c.fieldsCorrect, c.fields)));
    }

    static boolean matches(Announcement a, JsonNode gold) {
        if (!a.type().name().equals(gold.path("type").asText())) {
            return false;
        }
        if (a.company() == null) {
            return false;
        }
        String ticker = gold.path("ticker").asText(null);
        if (ticker != null && a.company().ticker() != null) {
            return sameTicker(ticker, a.company().ticker(), a);
        }
        return sameName(gold.path("company").asText(""), a.company().name());
    }

    private static boolean sameTicker(String gold, String predicted, Announcement a) {
        return gold.equalsIgnoreCase(predicted) || gold.replace('.', '-').equalsIgnoreCase(predicted);
    }

    /** Names compared loosely: case, punctuation and legal suffixes aside, one contains the other. */
    static boolean sameName(String gold, String predicted) {
        String g = norm(gold);
        String p = norm(predicted);
        return !g.isEmpty() && !p.isEmpty() && (g.contains(p) || p.contains(g));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\b(inc|corp|corporation|co|ltd|plc|llc|holdings|group|the)\\b", " ")
                .replaceAll("\\s+", " ").strip();
    }

    /** Amount, period and model facts of a matched announcement, each compared exactly when the gold states it. */
    private static void fieldScore(Announcement a, JsonNode g, Counts c, EvaluationReport report, String file,
                                   String half) {
        JsonNode amount = g.path("amount");
        if (amount.isObject()) {
            c.fields++;
            boolean ok = a.amount() != null && a.amount().value().compareTo(new BigDecimal(amount.path("value")
                    .asText())) == 0 && a.amount().currency().equals(amount.path("currency").asText());
            count(ok, c, report, half, file + ": amount " + amount + " vs " + a.amount());
        }
        if (!g.path("period").isNull() && g.has("period")) {
            c.fields++;
            count(g.path("period").asText().equals(a.period()), c, report, half, file + ": period "
                    + g.path("period").asText() + " vs " + a.period());
        }
        JsonNode model = g.path("model");
        if (model.isObject()) {
            for (String f : List.of("parameters", "activeParameters", "contextTokens", "openWeights")) {
                if (model.path(f).isNull() || !model.has(f)) {
                    continue;
                }
                c.fields++;
                Object predicted = a.model() == null ? null : switch (f) {
                    case "parameters" -> a.model().parameters();
                    case "activeParameters" -> a.model().activeParameters();
                    case "contextTokens" -> a.model().contextTokens();
                    default -> a.model().openWeights();
                };
                count(predicted != null && predicted.toString().equals(model.path(f).asText()), c, report, half,
                        file + ": model." + f + " " + model.path(f).asText() + " vs " + predicted);
            }
        }
    }

    private static void count(boolean ok, Counts c, EvaluationReport report, String half, String what) {
        if (ok) {
            c.fieldsCorrect++;
        } else if ("dev".equals(half)) {
            report.example("field (dev): " + what);
        }
    }
}
