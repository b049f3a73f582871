package dev.newsintel.enrich.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.enrich.quantities.NumberParser;
import dev.newsintel.enrich.quantities.QuantityExtractor;
import dev.newsintel.events.Json;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;

/**
 * Scores the quantity extractor on Microsoft Recognizers-Text (English specs) and Facebook Duckling (English
 * corpora), exactly as the datasets define their cases: the expected value and unit at the expected place.
 *
 * <p>Unit names of the datasets are mapped to ISO 4217 (an unqualified "Dollar" is USD, "Pound" GBP); minor units
 * ("Cent", "Pence") are compared as hundredths of their currency, because NewsIntel stores 50 cents as 0.50 USD.
 */
public final class QuantityEvaluation {
    /** Dataset unit names → accepted ISO codes; a multiplier of 0.01 for minor units. */
    private static final Map<String, List<String>> UNIT_CODES = Map.ofEntries(
            Map.entry("dollar", List.of("USD")), Map.entry("pound", List.of("GBP")),
            Map.entry("cent", List.of("USD")), Map.entry("pence", List.of("GBP")),
            Map.entry("penny", List.of("GBP", "USD")), Map.entry("franc", List.of("CHF", "FRF")),
            Map.entry("finnish markka", List.of("FIM")), Map.entry("peseta", List.of("ESP")),
            Map.entry("netherlands guilder", List.of("NLG")), Map.entry("rupee", List.of("INR")),
            Map.entry("bitcoin", List.of("XBT")), Map.entry("sen", List.of("MYR")),
            Map.entry("riyal", List.of("SAR", "QAR", "OMR", "YER")), Map.entry("rial", List.of("IRR", "OMR", "YER")));
    private static final Set<String> MINOR = Set.of("cent", "pence", "penny", "sen");

    private QuantityEvaluation() {
    }

    /** Runs every available part under {@code testdata}; sets that are missing are reported as skipped. */
    public static EvaluationReport run(Path testdata) throws IOException {
        QuantityExtractor extractor = new QuantityExtractor();
        EvaluationReport report = new EvaluationReport("quantities", "Quantities: money, percent, duration, numbers");
        report.note("Datasets: `recognizers-text-en/` (Microsoft Recognizers-Text specs, MIT) and `duckling-en/` "
                + "(Facebook Duckling corpora, BSD), the shared two thirds of each (the rest is held out and measured "
                + "elsewhere). A case counts as correct when the extractor finds, at the expected place, a quantity "
                + "of the expected kind with exactly the expected value and unit (dataset unit names mapped to ISO "
                + "4217; cents and pence compared as hundredths). Span exactness is reported on its own.");
        List<List<String>> rows = new ArrayList<>();
        Counts currency = new Counts();
        Path recognizers = testdata.resolve("recognizers-text-en");
        if (Files.isDirectory(recognizers)) {
            Counts c = recognizersCurrency(extractor, recognizers.resolve("NumberWithUnit/English/CurrencyModel.json"),
                    report);
            rows.add(c.row("recognizers-text CurrencyModel (money)"));
            currency.add(c);
            rows.add(recognizersPercent(extractor, recognizers.resolve("Number/English/PercentModel.json"), report)
                    .row("recognizers-text PercentModel (percent)"));
            rows.add(recognizersDuration(extractor, recognizers.resolve("DateTime/English/DurationParser.json"),
                    report).row("recognizers-text DurationParser (duration, ISO 8601)"));
            rows.add(recognizersNumbers(recognizers.resolve("Number/English/NumberModel.json"), report)
                    .row("recognizers-text NumberModel (numbers)"));
        } else {
            report.note("recognizers-text-en/ is missing: skipped.");
        }
        Path duckling = testdata.resolve("duckling-en/cases.json");
        if (Files.isRegularFile(duckling)) {
            JsonNode cases = Json.MAPPER.readTree(duckling.toFile());
            Counts money = ducklingMoney(extractor, cases, report);
            rows.add(money.row("duckling amount-of-money (non-latent)"));
            currency.add(money);
            rows.add(ducklingDuration(extractor, cases, report).row("duckling duration"));
            rows.add(ducklingNumeral(cases, report).row("duckling numeral"));
        } else {
            report.note("duckling-en/ is missing: skipped.");
        }
        rows.add(currency.row("**all currency cases**"));
        report.table("Results", List.of("set", "cases", "correct", "accuracy", "exact span", "false positives"), rows);
        report.metric("currencyCases", currency.total);
        report.metric("currencyCorrect", currency.correct);
        report.metric("currencyAccuracy", EvaluationReport.ratio(currency.correct, currency.total));
        report.metric("currencyGoal", 0.95);
        return report;
    }

    private static final class Counts {
        long total;
        long correct;
        long exactSpan;
        long falsePositives;
        long unitOnlySkipped;

        void add(Counts o) {
            total += o.total;
            correct += o.correct;
            exactSpan += o.exactSpan;
            falsePositives += o.falsePositives;
        }

        List<String> row(String set) {
            return List.of(set, Long.toString(total), Long.toString(correct),
                    EvaluationReport.pct(EvaluationReport.ratio(correct, total)),
                    EvaluationReport.pct(EvaluationReport.ratio(exactSpan, total)), Long.toString(falsePositives));
        }
    }

    private static Counts recognizersCurrency(QuantityExtractor extractor, Path file, EvaluationReport report)
            throws IOException {
        Counts c = new Counts();
        for (JsonNode kase : Json.MAPPER.readTree(file.toFile())) {
            String input = kase.path("Input").asText();
            List<Quantity> found = extractor.extract(input).stream().filter(q -> q.kind() == QuantityKind.MONEY)
                    .toList();
            List<Quantity> unmatched = new ArrayList<>(found);
            JsonNode results = kase.path("Results");
            if (results.isEmpty()) {
                c.total++;
                if (found.isEmpty()) {
                    c.correct++;
                    c.exactSpan++;
                } else {
                    c.falsePositives += found.size();
                    report.example("currency negative: \"" + input + "\" → " + describe(found));
                }
                continue;
            }
            for (JsonNode r : results) {
                JsonNode resolution = r.path("Resolution");
                if (resolution.path("value").isNull() || resolution.path("value").isMissingNode()) {
                    // a bare unit mention ("dollar") has no amount: NewsIntel reports amounts only
                    c.unitOnlySkipped++;
                    continue;
                }
                c.total++;
                BigDecimal value = new BigDecimal(resolution.path("value").asText());
                String unit = resolution.path("unit").asText().toLowerCase(Locale.ROOT);
                String iso = resolution.path("isoCurrency").asText(null);
                List<String> codes = iso != null ? List.of(iso) : UNIT_CODES.getOrDefault(unit, List.of());
                if (MINOR.contains(unit)) {
                    value = value.movePointLeft(2);
                }
                int start = r.path("Start").asInt();
                int end = r.path("End").asInt() + 1;
                Quantity match = null;
                for (Quantity q : found) {
                    if (q.start() < end && start < q.end() && q.value().compareTo(value) == 0
                            && codes.contains(q.unit())) {
                        match = q;
                        break;
                    }
                }
                if (match != null) {
                    c.correct++;
                    unmatched.remove(match);
                    if (match.start() == start && match.end() == end) {
                        c.exactSpan++;
                    }
                } else {
                    report.example("currency: \"" + input + "\" expected " + r.path("Text").asText() + " = " + value
                            + " " + codes + "; found " + describe(found));
                }
            }
            c.falsePositives += unmatched.size();
        }
        report.metric("recognizersCurrencyUnitOnlyMentionsSkipped", c.unitOnlySkipped);
        return c;
    }

    private static Counts recognizersPercent(QuantityExtractor extractor, Path file, EvaluationReport report)
            throws IOException {
        Counts c = new Counts();
        for (JsonNode kase : Json.MAPPER.readTree(file.toFile())) {
            String input = kase.path("Input").asText();
            List<Quantity> found = extractor.extract(input).stream().filter(q -> q.kind() == QuantityKind.PERCENT)
                    .toList();
            for (JsonNode r : kase.path("Results")) {
                String v = r.path("Resolution").path("value").asText("");
                if (!v.endsWith("%")) {
                    continue;
                }
                c.total++;
                BigDecimal value = new BigDecimal(v.substring(0, v.length() - 1));
                int start = r.path("Start").asInt();
                int end = r.path("End").asInt() + 1;
                Quantity q = found.stream().filter(f -> f.start() < end && start < f.end()
                        && f.value().compareTo(value) == 0).findFirst().orElse(null);
                if (q != null) {
                    c.correct++;
                    if (q.start() == start && q.end() == end) {
                        c.exactSpan++;
                    }
                } else {
                    report.example("percent: \"" + input + "\" expected " + v + "; found " + describe(found));
                }
            }
        }
        return c;
    }

    private static Counts recognizersDuration(QuantityExtractor extractor, Path file, EvaluationReport report)
            throws IOException {
        Counts c = new Counts();
        for (JsonNode kase : Json.MAPPER.readTree(file.toFile())) {
            String input = kase.path("Input").asText();
            List<Quantity> found = extractor.extract(input).stream().filter(q -> q.kind() == QuantityKind.DURATION)
                    .toList();
            for (JsonNode r : kase.path("Results")) {
                String timex = r.path("Value").path("Timex").asText(null);
                if (timex == null) {
                    continue;
                }
                c.total++;
                int start = r.path("Start").asInt();
                int end = start + r.path("Length").asInt();
                Quantity q = found.stream().filter(f -> f.start() < end && start < f.end()
                        && timex.equals(f.normalized())).findFirst().orElse(null);
                if (q != null) {
                    c.correct++;
                    if (q.start() == start && q.end() == end) {
                        c.exactSpan++;
                    }
                } else {
                    report.example("duration: \"" + input + "\" expected " + r.path("Text").asText() + " = " + timex
                            + "; found " + describe(found));
                }
            }
        }
        return c;
    }

    private static Counts recognizersNumbers(Path file, EvaluationReport report) throws IOException {
        Counts c = new Counts();
        for (JsonNode kase : Json.MAPPER.readTree(file.toFile())) {
            String input = kase.path("Input").asText();
            List<NumberParser.FoundNumber> found = NumberParser.findAll(input);
            for (JsonNode r : kase.path("Results")) {
                if (!"number".equals(r.path("TypeName").asText())) {
                    continue;
                }
                String v = r.path("Resolution").path("value").asText("");
                BigDecimal value;
                try {
                    value = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    continue;
                }
                c.total++;
                int start = r.path("Start").asInt();
                int end = r.path("End").asInt() + 1;
                NumberParser.FoundNumber n = found.stream().filter(f -> f.start() < end && start < f.end()
                        && f.value().compareTo(value) == 0).findFirst().orElse(null);
                if (n != null) {
                    c.correct++;
                    if (n.start() == start && n.end() == end) {
                        c.exactSpan++;
                    }
                } else {
                    report.example("number: \"" + abbreviate(input) + "\" expected " + r.path("Text").asText()
                            + " = " + v);
                }
            }
        }
        return c;
    }

    private static Counts ducklingMoney(QuantityExtractor extractor, JsonNode cases, EvaluationReport report) {
        Counts c = new Counts();
        long latent = 0;
        for (JsonNode kase : cases) {
            if (!"amount-of-money".equals(kase.path("dimension").asText())) {
                continue;
            }
            if (kase.path("latent").asBoolean()) {
                latent++;
                continue;
            }
            String input = kase.path("input").asText();
            List<Quantity> found = extractor.extract(input).stream().filter(q -> q.kind() == QuantityKind.MONEY)
                    .toList();
            JsonNode expected = kase.path("expected");
            c.total++;
            if (expected.isNull() || expected.isMissingNode()) {
                if (found.isEmpty()) {
                    c.correct++;
                    c.exactSpan++;
                } else {
                    c.falsePositives += found.size();
                    report.example("duckling negative: \"" + input + "\" → " + describe(found));
                }
                continue;
            }
            String currency = expected.path("currency").asText().toLowerCase(Locale.ROOT);
            boolean minor = MINOR.contains(currency);
            List<String> codes = currency.equals("unnamed") ? null
                    : currency.length() == 3 && !currency.equals("sen") ? List.of(currency.toUpperCase(Locale.ROOT))
                    : UNIT_CODES.getOrDefault(currency, List.of());
            boolean ok = false;
            if (found.size() == 1) {
                Quantity q = found.get(0);
                boolean unitOk = codes == null || codes.contains(q.unit());
                if ("interval".equals(expected.path("type").asText())) {
                    BigDecimal from = decimal(expected.path("from"), minor);
                    BigDecimal to = decimal(expected.path("to"), minor);
                    ok = unitOk && same(from, q.low()) && same(to, q.high());
                } else {
                    ok = unitOk && same(decimal(expected.path("value"), minor), q.value());
                }
                if (ok && q.start() == firstNonQualifier(input) && q.end() == input.strip().length()) {
                    c.exactSpan++;
                }
            }
            if (ok) {
                c.correct++;
            } else {
                report.example("duckling money: \"" + input + "\" expected " + expected + "; found "
                        + describe(found));
            }
        }
        report.metric("ducklingLatentMoneyCasesSkipped", latent);
        return c;
    }

    private static int firstNonQualifier(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        for (String q : List.of("between ", "from ", "around ", "about ", "at least ", "at most ", "over ",
                "more than ", "lower than ", "no more than ")) {
            if (lower.startsWith(q)) {
                return q.length();
            }
        }
        return 0;
    }

    private static Counts ducklingDuration(QuantityExtractor extractor, JsonNode cases, EvaluationReport report) {
        Counts c = new Counts();
        for (JsonNode kase : cases) {
            if (!"duration".equals(kase.path("dimension").asText())) {
                continue;
            }
            String input = kase.path("input").asText();
            List<Quantity> found = extractor.extract(input).stream().filter(q -> q.kind() == QuantityKind.DURATION)
                    .toList();
            JsonNode expected = kase.path("expected");
            c.total++;
            if (expected.isNull() || expected.isMissingNode()) {
                if (found.isEmpty()) {
                    c.correct++;
                } else {
                    c.falsePositives += found.size();
                    report.example("duckling duration negative: \"" + input + "\" → " + describe(found));
                }
                continue;
            }
            BigDecimal seconds = seconds(new BigDecimal(expected.path("value").asText()),
                    expected.path("grain").asText());
            boolean ok = found.size() == 1 && seconds != null
                    && seconds.compareTo(seconds(found.get(0).value(), found.get(0).unit())) == 0;
            if (ok) {
                c.correct++;
                if (found.get(0).text().length() == input.strip().length()) {
                    c.exactSpan++;
                }
            } else {
                report.example("duckling duration: \"" + input + "\" expected " + expected + "; found "
                        + describe(found));
            }
        }
        return c;
    }

    private static Counts ducklingNumeral(JsonNode cases, EvaluationReport report) {
        Counts c = new Counts();
        for (JsonNode kase : cases) {
            if (!"numeral".equals(kase.path("dimension").asText())) {
                continue;
            }
            String input = kase.path("input").asText();
            BigDecimal expected = new BigDecimal(kase.path("expected").path("value").asText());
            c.total++;
            List<NumberParser.FoundNumber> found = NumberParser.findAll(input);
            if (found.size() == 1 && found.get(0).value().compareTo(expected) == 0) {
                c.correct++;
                if (found.get(0).text().length() == input.strip().length()) {
                    c.exactSpan++;
                }
            } else {
                report.example("duckling numeral: \"" + input + "\" expected " + expected + "; found "
                        + found.stream().map(f -> f.text() + "=" + f.value().toPlainString()).toList());
            }
        }
        return c;
    }

    private static BigDecimal seconds(BigDecimal value, String grain) {
        if (value == null || grain == null) {
            return null;
        }
        long s = switch (grain) {
            case "second" -> 1;
            case "minute" -> 60;
            case "hour" -> 3600;
            case "day" -> 86400;
            case "week" -> 7 * 86400;
            case "fortnight" -> 14 * 86400;
            case "month" -> 30 * 86400;
            case "quarter" -> 90 * 86400;
            case "year" -> 365 * 86400;
            case "decade" -> 3650L * 86400;
            default -> -1;
        };
        return s < 0 ? null : value.multiply(BigDecimal.valueOf(s));
    }

    private static BigDecimal decimal(JsonNode node, boolean minor) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        BigDecimal v = new BigDecimal(node.asText());
        return minor ? v.movePointLeft(2) : v;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String describe(List<Quantity> found) {
        List<String> out = new ArrayList<>();
        for (Quantity q : found) {
            out.add("\"" + q.text() + "\" " + q.normalized());
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** For callers wanting the metrics without writing files. */
    public static Map<String, Object> summary(EvaluationReport report) {
        return new LinkedHashMap<>(report.metrics());
    }
}
