package dev.newsintel.enrich.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark's bag-of-tokens metric, exactly as its {@code evaluate.py} defines it: tokens are
 * the matches of Python's Unicode {@code \w+} (letters, digits, underscore; case kept), shingles are 4-grams of
 * tokens (a text of fewer than 4 tokens is one shorter shingle), TP/FP/FN count the multiset overlap of shingles,
 * each item's counts are normalised to sum to 1, precision and recall are macro-averaged over the items that have
 * them, and F1 is the harmonic mean of the two averages. Accuracy is the share of items whose token sequence equals
 * the truth's.
 */
public final class ShingleMetric {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int N = 4;

    /** One item's normalised counts and whether its tokens match the truth exactly. */
    public record Counts(double tp, double fp, double fn, boolean exact) {
        public double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
        }

        public double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Macro-averaged scores over a set of items. */
    public record Summary(int items, double precision, double recall, double f1, double accuracy) {
    }

    private ShingleMetric() {
    }

    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    public static Counts match(String truth, String prediction) {
        List<String> trueTokens = tokens(truth);
        List<String> predTokens = tokens(prediction);
        Map<List<String>, Integer> t = shingles(trueTokens);
        Map<List<String>, Integer> p = shingles(predTokens);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        for (List<String> key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        return new Counts(tp, fp, fn, trueTokens.equals(predTokens));
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> counts = new HashMap<>();
        int last = Math.max(1, tokens.size() - N + 1);
        for (int i = 0; i < last; i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }

    public static Summary summarize(List<Counts> items) {
        double precision = 0;
        int pn = 0;
        double recall = 0;
        int rn = 0;
        int exact = 0;
        for (Counts c : items) {
            if (c.tp + c.fp > 0) {
                precision += c.precision();
                pn++;
            }
            if (c.tp + c.fn > 0) {
                recall += c.recall();
                rn++;
            }
            if (c.exact) {
                exact++;
            }
        }
        double p = pn == 0 ? 0 : precision / pn;
        double r = rn == 0 ? 0 : recall / rn;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Summary(items.size(), p, r, f1, items.isEmpty() ? 0 : (double) exact / items.size());
    }
}
