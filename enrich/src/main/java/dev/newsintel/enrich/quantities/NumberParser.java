package dev.newsintel.enrich.quantities;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads numbers written in digits, words or both, with scales: "26", "1,015", "1.2bn", "$3B", "twenty-six",
 * "one hundred and five", "half a million", "a quarter million", "one point five", "5 lakh". Values are exact
 * {@link BigDecimal}s, never doubles.
 */
public final class NumberParser {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    /** Scale words that may stand apart from the number ("26 billion", "5 lakh"). */
    static final Map<String, BigDecimal> SCALE_WORDS = Map.ofEntries(
            Map.entry("hundred", new BigDecimal("100")), Map.entry("thousand", new BigDecimal("1000")),
            Map.entry("million", new BigDecimal("1000000")), Map.entry("billion", new BigDecimal("1000000000")),
            Map.entry("trillion", new BigDecimal("1000000000000")),
            Map.entry("lakh", new BigDecimal("100000")), Map.entry("lakhs", new BigDecimal("100000")),
            Map.entry("lac", new BigDecimal("100000")), Map.entry("crore", new BigDecimal("10000000")),
            Map.entry("crores", new BigDecimal("10000000")),
            Map.entry("mn", new BigDecimal("1000000")), Map.entry("mln", new BigDecimal("1000000")),
            Map.entry("bn", new BigDecimal("1000000000")), Map.entry("bln", new BigDecimal("1000000000")),
            Map.entry("tn", new BigDecimal("1000000000000")), Map.entry("trn", new BigDecimal("1000000000000")),
            // plural scales after a number ("three billions"), Indian abbreviations ("30 lkh", "300 cr", "koti")
            Map.entry("thousands", new BigDecimal("1000")), Map.entry("millions", new BigDecimal("1000000")),
            Map.entry("billions", new BigDecimal("1000000000")),
            Map.entry("trillions", new BigDecimal("1000000000000")),
            Map.entry("lkh", new BigDecimal("100000")), Map.entry("lkhs", new BigDecimal("100000")),
            Map.entry("cr", new BigDecimal("10000000")), Map.entry("koti", new BigDecimal("10000000")));

    /** Denominators of fractions written in words: "two thirds", "three fifths", "fifty-four hundredths". */
    private static final Map<String, BigDecimal> DENOMINATORS = Map.ofEntries(
            Map.entry("half", new BigDecimal("2")), Map.entry("halves", new BigDecimal("2")),
            Map.entry("third", new BigDecimal("3")), Map.entry("thirds", new BigDecimal("3")),
            Map.entry("quarter", new BigDecimal("4")), Map.entry("quarters", new BigDecimal("4")),
            Map.entry("fourth", new BigDecimal("4")), Map.entry("fourths", new BigDecimal("4")),
            Map.entry("fifth", new BigDecimal("5")), Map.entry("fifths", new BigDecimal("5")),
            Map.entry("sixth", new BigDecimal("6")), Map.entry("sixths", new BigDecimal("6")),
            Map.entry("seventh", new BigDecimal("7")), Map.entry("sevenths", new BigDecimal("7")),
            Map.entry("eighth", new BigDecimal("8")), Map.entry("eighths", new BigDecimal("8")),
            Map.entry("ninth", new BigDecimal("9")), Map.entry("ninths", new BigDecimal("9")),
            Map.entry("tenth", new BigDecimal("10")), Map.entry("tenths", new BigDecimal("10")),
            Map.entry("hundredth", new BigDecimal("100")), Map.entry("hundredths", new BigDecimal("100")),
            Map.entry("thousandth", new BigDecimal("1000")), Map.entry("thousandths", new BigDecimal("1000")),
            Map.entry("millionth", new BigDecimal("1000000")), Map.entry("millionths", new BigDecimal("1000000")),
            Map.entry("billionth", new BigDecimal("1000000000")),
            Map.entry("billionths", new BigDecimal("1000000000")),
            Map.entry("trillionth", new BigDecimal("1000000000000")),
            Map.entry("trillionths", new BigDecimal("1000000000000")));
    /** Fractions that do not end in a whole number are kept to 15 significant digits. */
    private static final java.math.MathContext FRACTION_PRECISION = new java.math.MathContext(15,
            java.math.RoundingMode.HALF_EVEN);

    /** Scale letters glued to digits ("10K", "5m", "26B", "1.2T"). */
    static final Map<String, BigDecimal> GLUED_SCALES = Map.ofEntries(
            Map.entry("k", new BigDecimal("1000")), Map.entry("m", new BigDecimal("1000000")),
            Map.entry("mm", new BigDecimal("1000000")), Map.entry("mn", new BigDecimal("1000000")),
            Map.entry("mln", new BigDecimal("1000000")), Map.entry("b", new BigDecimal("1000000000")),
            Map.entry("bn", new BigDecimal("1000000000")), Map.entry("bln", new BigDecimal("1000000000")),
            Map.entry("t", new BigDecimal("1000000000000")), Map.entry("tn", new BigDecimal("1000000000000")),
            Map.entry("trn", new BigDecimal("1000000000000")));

    private NumberParser() {
    }

    static boolean isNumberWord(String lower) {
        return UNITS.containsKey(lower) || TENS.containsKey(lower);
    }

    /** Parses one number written in any of the supported forms, e.g. "twenty-six billion" or "1.2bn". */
    public static BigDecimal parse(String text) {
        List<Lexeme> lexemes = Lexeme.lex(text);
        NumberPhrase p = lexemes.isEmpty() ? null : parse(lexemes, 0);
        return p == null || p.last() != lexemes.size() - 1 ? null : p.value();
    }

    /** A number found in text, with its offsets. */
    public record FoundNumber(String text, int start, int end, BigDecimal value) {
    }

    /** Every number in {@code text}, in digits or words, with scales and signs ("minus 1,200,000"). */
    public static List<FoundNumber> findAll(String text) {
        List<Lexeme> lx = Lexeme.lex(text);
        List<FoundNumber> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < lx.size()) {
            Lexeme t = lx.get(i);
            boolean startsWord = t.isWord() && (isNumberWord(t.lower()) || ((t.is("a") || t.is("an")) && i + 1 < lx.size()
                    && (SCALE_WORDS.containsKey(lx.get(i + 1).lower()) || lx.get(i + 1).is("dozen"))));
            if (!t.isNum() && !startsWord) {
                i++;
                continue;
            }
            NumberPhrase p = parse(lx, i);
            if (p == null) {
                i++;
                continue;
            }
            int start = lx.get(p.first()).start();
            BigDecimal value = p.value();
            if (i > 0) {
                Lexeme prev = lx.get(i - 1);
                boolean sign = prev.isSym("-") && (i < 2 || !lx.get(i - 2).isNum() && !lx.get(i - 2).isWord()
                        || !prev.glued());
                if (sign || prev.is("minus") || prev.is("negative")) {
                    value = value.negate();
                    start = prev.start();
                }
            }
            int end = lx.get(p.last()).end();
            out.add(new FoundNumber(text.substring(start, end), start, end, value));
            i = p.last() + 1;
        }
        return out;
    }

    /** A digit string with thousands separators ("1,015", "12,34,567.89") as an exact value. */
    static BigDecimal literal(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    /** The number starting at lexeme {@code i}, or null. */
    static NumberPhrase parse(List<Lexeme> lx, int i) {
        Lexeme first = lx.get(i);
        if (first.isNum()) {
            return withScale(lx, i, i, literal(first.text()), false);
        }
        if (first.isWord()) {
            return words(lx, i);
        }
        return null;
    }

    /** Applies the scale words or letters after lexeme {@code last}, and "point five"-style decimals. */
    private static NumberPhrase withScale(List<Lexeme> lx, int first, int last, BigDecimal value, boolean words) {
        // "1 point 1"
        if (!words && last + 2 < lx.size() && lx.get(last + 1).is("point") && lx.get(last + 2).isNum()
                && lx.get(last).text().indexOf('.') < 0 && lx.get(last + 2).text().matches("\\d+")) {
            value = new BigDecimal(lx.get(last).text().replace(",", "") + "." + lx.get(last + 2).text());
            last += 2;
        }
        BigDecimal scale = BigDecimal.ONE;
        boolean glued = false;
        String scaleWord = null;
        int j = last + 1;
        while (j < lx.size()) {
            Lexeme next = lx.get(j);
            if (next.isWord() && next.glued() && j == last + 1 && scale.equals(BigDecimal.ONE) && !words
                    && GLUED_SCALES.containsKey(next.lower()) && !(j + 1 < lx.size() && lx.get(j + 1).isSym(".")
                    && j + 2 < lx.size() && lx.get(j + 2).isWord() && lx.get(j + 2).glued())) {
                scale = scale.multiply(GLUED_SCALES.get(next.lower()));
                glued = true;
                scaleWord = next.lower();
                last = j;
                j++;
                continue;
            }
            int k = j;
            if (next.isSym("-") && next.glued() && k + 1 < lx.size() && lx.get(k + 1).glued()) {
                k++;
            }
            Lexeme w = lx.get(k);
            if (w.isWord() && (w.is("dozen") || w.is("dozens")) && !words && scale.equals(BigDecimal.ONE)) {
                scale = new BigDecimal("12"); // "3 dozens"
                scaleWord = w.lower();
                last = k;
                j = k + 1;
                continue;
            }
            if (w.isWord() && SCALE_WORDS.containsKey(w.lower())
                    && !(glued && !w.is("hundred")) && !(w.is("hundred") && scale.compareTo(BigDecimal.ONE) > 0)) {
                scale = scale.multiply(SCALE_WORDS.get(w.lower()));
                scaleWord = scaleWord == null ? w.lower() : scaleWord + " " + w.lower();
                last = k;
                j = k + 1;
                continue;
            }
            break;
        }
        return new NumberPhrase(first, last, value.multiply(scale), scale, glued, words, scaleWord);
    }

    private enum Last { NONE, ARTICLE, UNIT, TEN, HUNDRED, SCALE, FRACTION }

    private static NumberPhrase words(List<Lexeme> lx, int i) {
        BigDecimal total = BigDecimal.ZERO;
        long current = 0;
        BigDecimal fraction = null;
        BigDecimal lastScale = null;
        Last last = Last.NONE;
        int end = -1;
        int j = i;
        boolean any = false;
        while (j < lx.size()) {
            Lexeme t = lx.get(j);
            String w = t.lower();
            if (!t.isWord()) {
                // "twenty-six": a hyphen joins a ten and a unit
                if (t.isSym("-") && last == Last.TEN && j + 1 < lx.size()
                        && t.glued() == lx.get(j + 1).glued() && UNITS.containsKey(lx.get(j + 1).lower())
                        && UNITS.get(lx.get(j + 1).lower()) < 10) {
                    j++;
                    continue;
                }
                break;
            }
            if (UNITS.containsKey(w) && (last == Last.NONE || last == Last.HUNDRED || last == Last.SCALE
                    || (last == Last.TEN && UNITS.get(w) < 10 && UNITS.get(w) > 0))) {
                current += UNITS.get(w);
                last = Last.UNIT;
            } else if (TENS.containsKey(w) && (last == Last.NONE || last == Last.HUNDRED || last == Last.SCALE)) {
                current += TENS.get(w);
                last = Last.TEN;
            } else if ((w.equals("a") || w.equals("an")) && last == Last.NONE && j + 1 < lx.size()
                    && (SCALE_WORDS.containsKey(lx.get(j + 1).lower()) || lx.get(j + 1).is("dozen")
                    || lx.get(j + 1).is("quarter") || lx.get(j + 1).is("half"))
                    && !lx.get(j + 1).is("mn") && !lx.get(j + 1).is("bn")) {
                current = 1;
                last = Last.ARTICLE;
                j++;
                continue;
            } else if ((w.equals("half") || w.equals("quarter")) && (last == Last.NONE || last == Last.ARTICLE)) {
                // "half a million", "a quarter million", "a quarter of a billion"
                int k = j + 1;
                if (k + 2 < lx.size() && lx.get(k).is("of") && (lx.get(k + 1).is("a") || lx.get(k + 1).is("an"))) {
                    k += 2;
                } else if (k < lx.size() && (lx.get(k).is("a") || lx.get(k).is("of")) && k + 1 < lx.size()) {
                    k++;
                }
                if (k < lx.size() && SCALE_WORDS.containsKey(lx.get(k).lower()) && !lx.get(k).is("hundred")) {
                    fraction = w.equals("half") ? new BigDecimal("0.5") : new BigDecimal("0.25");
                    last = Last.FRACTION;
                    j = k;
                    continue;
                }
                break;
            } else if (w.equals("hundred") && (last == Last.UNIT || last == Last.TEN || last == Last.ARTICLE)
                    && current > 0 && current < 100) {
                current *= 100;
                last = Last.HUNDRED;
            } else if (SCALE_WORDS.containsKey(w) && !w.equals("hundred") && last == Last.SCALE && current == 0
                    && lastScale != null && SCALE_WORDS.get(w).compareTo(lastScale) > 0) {
                // "three thousand millions"
                total = total.multiply(SCALE_WORDS.get(w));
                lastScale = SCALE_WORDS.get(w);
            } else if (SCALE_WORDS.containsKey(w) && !w.equals("hundred")
                    && (last == Last.UNIT || last == Last.TEN || last == Last.HUNDRED || last == Last.ARTICLE
                    || last == Last.FRACTION)) {
                BigDecimal s = SCALE_WORDS.get(w);
                lastScale = s;
                BigDecimal part = fraction != null ? fraction : BigDecimal.valueOf(current);
                total = total.add(part.multiply(s));
                fraction = null;
                current = 0;
                last = Last.SCALE;
            } else if ((w.equals("dozen") || w.equals("dozens")) && (last == Last.UNIT || last == Last.ARTICLE
                    || last == Last.TEN || last == Last.HUNDRED)) {
                current *= 12;
                last = Last.UNIT;
            } else if (w.equals("and") && (last == Last.HUNDRED || last == Last.SCALE) && j + 1 < lx.size()
                    && (UNITS.containsKey(lx.get(j + 1).lower()) || TENS.containsKey(lx.get(j + 1).lower()))) {
                j++;
                continue;
            } else if (w.equals("point") && (last == Last.UNIT || last == Last.TEN || last == Last.HUNDRED)
                    && j + 1 < lx.size()) {
                // "one point five", "one point three five", "two hundred point zero three", "point seventy-one";
                // "1 point 1" is handled with digits
                StringBuilder digits = new StringBuilder();
                int k = j + 1;
                if (k < lx.size() && TENS.containsKey(lx.get(k).lower())) {
                    int tens = TENS.get(lx.get(k).lower());
                    k++;
                    if (k + 1 < lx.size() && lx.get(k).isSym("-") && UNITS.containsKey(lx.get(k + 1).lower())
                            && UNITS.get(lx.get(k + 1).lower()) < 10) {
                        tens += UNITS.get(lx.get(k + 1).lower());
                        k += 2;
                    }
                    digits.append(tens);
                } else {
                    while (k < lx.size() && UNITS.containsKey(lx.get(k).lower())
                            && UNITS.get(lx.get(k).lower()) < 10) {
                        digits.append(UNITS.get(lx.get(k).lower()));
                        k++;
                    }
                }
                if (digits.isEmpty()) {
                    break;
                }
                BigDecimal value = total.add(new BigDecimal(current + "." + digits));
                return withScale(lx, i, k - 1, value, true);
            } else {
                break;
            }
            any = true;
            end = j;
            j++;
        }
        if (!any || end < 0) {
            return null;
        }
        BigDecimal value = total.add(BigDecimal.valueOf(current));
        // "two thirds", "fifty-four hundredths", "one million two thousand two hundred three fifths"; "two-thirds",
        // but not "twenty-fifth" (an ordinal)
        int d = last == Last.UNIT && end + 2 < lx.size() && lx.get(end + 1).isSym("-") && lx.get(end + 1).glued()
                && lx.get(end + 2).glued() ? end + 2 : end + 1;
        if (d < lx.size() && (last == Last.UNIT || last == Last.TEN || last == Last.HUNDRED)
                && DENOMINATORS.containsKey(lx.get(d).lower()) && !lx.get(d).is("half")
                && !lx.get(d).lower().startsWith("quarter") && !lx.get(d).is("halves")) {
            BigDecimal denominator = DENOMINATORS.get(lx.get(d).lower());
            BigDecimal total2 = total;
            value = total2.add(BigDecimal.valueOf(current)).divide(denominator, java.math.MathContext.DECIMAL128);
            end = d;
            // "two thirds of a million": the fraction of a scale
            int k = end + 1;
            if (k + 2 < lx.size() && lx.get(k).is("of") && (lx.get(k + 1).is("a") || lx.get(k + 1).is("an"))
                    && SCALE_WORDS.containsKey(lx.get(k + 2).lower()) && !lx.get(k + 2).is("hundred")) {
                return ofScale(lx, i, k + 2, value);
            }
            value = value.round(FRACTION_PRECISION).stripTrailingZeros();
            return new NumberPhrase(i, end, value, BigDecimal.ONE, false, true, null);
        }
        // "two and a half", "five and a quarter", "twenty and three fifths", "one hundred and three and two thirds"
        if (end + 3 < lx.size() && lx.get(end + 1).is("and") && last != Last.SCALE) {
            int k = end + 2;
            BigDecimal numerator = null;
            if (lx.get(k).is("a") || lx.get(k).is("an") || lx.get(k).is("one")) {
                numerator = BigDecimal.ONE;
                k++;
            } else if (UNITS.containsKey(lx.get(k).lower()) && UNITS.get(lx.get(k).lower()) > 0) {
                numerator = BigDecimal.valueOf(UNITS.get(lx.get(k).lower()));
                k++;
            } else if (TENS.containsKey(lx.get(k).lower())) {
                // "two and fifty-four hundredths"
                int n = TENS.get(lx.get(k).lower());
                k++;
                if (k + 1 < lx.size() && lx.get(k).isSym("-") && UNITS.containsKey(lx.get(k + 1).lower())
                        && UNITS.get(lx.get(k + 1).lower()) < 10) {
                    n += UNITS.get(lx.get(k + 1).lower());
                    k += 2;
                }
                numerator = BigDecimal.valueOf(n);
            }
            if (numerator != null && k < lx.size() && DENOMINATORS.containsKey(lx.get(k).lower())) {
                BigDecimal part = numerator.divide(DENOMINATORS.get(lx.get(k).lower()),
                        java.math.MathContext.DECIMAL128);
                // "one and a half billion" is 1.5 billion, not one and then half a billion
                if (k + 1 < lx.size() && SCALE_WORDS.containsKey(lx.get(k + 1).lower())
                        && !lx.get(k + 1).is("hundred") && last != Last.HUNDRED) {
                    return ofScale(lx, i, k + 1, value.add(part));
                }
                value = value.add(part).round(FRACTION_PRECISION).stripTrailingZeros();
                end = k;
            }
        }
        boolean scaled = last == Last.SCALE || last == Last.HUNDRED;
        NumberPhrase p = new NumberPhrase(i, end, value, BigDecimal.ONE, false, true, null);
        if (!scaled) {
            // "twenty-six billion" was read above; "five bn" and "5 hundred" forms get their scale here
            return p;
        }
        BigDecimal scale = scaleOf(lx, i, end);
        return new NumberPhrase(i, end, value, scale, false, true, lx.get(end).lower());
    }

    /**
     * A worded amount times the scale word at {@code scaleWord}: "one and a half billion", "two thirds of a million".
     */
    private static NumberPhrase ofScale(List<Lexeme> lx, int first, int scaleWord, BigDecimal amount) {
        BigDecimal scale = SCALE_WORDS.get(lx.get(scaleWord).lower());
        BigDecimal value = amount.multiply(scale).round(FRACTION_PRECISION).stripTrailingZeros();
        return new NumberPhrase(first, scaleWord, value, scale, false, true, lx.get(scaleWord).lower());
    }

    /** The largest scale word within a worded number, as its scale (for "$2.5-3 billion"-style sharing). */
    private static BigDecimal scaleOf(List<Lexeme> lx, int first, int last) {
        Lexeme w = lx.get(last);
        BigDecimal s = SCALE_WORDS.get(w.lower());
        return s == null ? BigDecimal.ONE : s;
    }
}
