package dev.newsintel.enrich.quantities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.newsintel.events.Filing;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;

/**
 * Finds and normalises quantities: money, model parameters, token counts, percentages, durations and counts.
 *
 * <p>The grammar works on {@link Lexeme}s: a {@link NumberParser number} (digits, words, scales), the currency
 * before it (symbols with their letter prefixes, ISO codes, a few names) or after it (names, codes, symbols, minor
 * units), and otherwise a unit word after it. Ranges ("$2.5-3 billion", "between 10 and 20 dollars", "18 to 24
 * months") share the scale and unit of their upper end; qualifiers ("about", "more than", "-plus") set
 * {@code approximate}, {@code low} and {@code high}. Stateless and thread-safe.
 */
public final class QuantityExtractor {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int WINDOW = 48;

    private static final Pattern SUFFIX_NAME = Pattern.compile("^[ \\t-]?(" + Currencies.namesLongestFirst().stream()
            .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}])");
    private static final Pattern SUFFIX_MINOR = Pattern.compile("^( ?-?)(cents?|pennies|penny|pence|sens?|mao|c\\b(?![.])|p\\b(?![.]))(?![\\p{L}])");
    /** "42 RM": the ringgit's own sign, upper case only. */
    private static final Pattern SUFFIX_ABBREVIATION = Pattern.compile("^ ?(RM)(?![\\p{L}])");
    /** US coins and "grand" (a thousand dollars). */
    private static final Pattern SUFFIX_COIN = Pattern.compile("(?i)^ ?(nickels?|dimes?|grand)(?![\\p{L}])");
    private static final Pattern PERCENT = Pattern.compile(
            "^ ?-?(%|percentage points?|per ?cent(?:age)?s?|pct\\b\\.?|percentage\\b)", Pattern.CASE_INSENSITIVE);
    /** "128 billion parameters", "128-billion-parameter", and with what they count: "128 billion total parameters". */
    private static final Pattern PARAMETERS = Pattern.compile("^ ?-?(?:(?:total|active|activated)[ -])?(parameters?|params)"
            + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETERS_SHORT = Pattern.compile("^ ?(total|active)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKENS = Pattern.compile("^ ?-?(tokens?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTEXT = Pattern.compile("^ ?-?(context(?: window| length)?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("^ ?-?(?:(?:extra|additional|more|fewer|further|"
            + "consecutive|straight|full|long|short)\\s+)?(years?|yrs?|months?|mos\\b|weeks?|wks?|days?|"
            + "hours?|hrs?|h\\b|minutes?|mins?|seconds?|secs?|quarters?|decades?|fortnights?|centur(?:y|ies))"
            + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT_NOUN = Pattern.compile("^(\\+)? ([a-z][a-z]+(?:-[a-z]+)?)(?![\\p{L}])");
    private static final Pattern APPROX_BEFORE = Pattern.compile("(?i)(?:\\b(?:about|around|approximately|approx\\.|"
            + "roughly|nearly|almost|some|circa|an estimated|estimated|close to|just over|just under)|~)\\s*$");
    private static final Pattern LOW_BEFORE = Pattern.compile("(?i)\\b(?:more than|over|above|at least|in excess of|"
            + "upwards of|exceeding|north of|greater than|no less than|higher than|just over)\\s*$");
    private static final Pattern HIGH_BEFORE = Pattern.compile("(?i)\\b(?:less than|under|below|up to|at most|"
            + "no more than|lower than|fewer than|as much as|as many as|just under|not more than)\\s*$");
    private static final Pattern LOW_BEFORE_STRICT = Pattern.compile("(?i)\\b(?:no less than|not less than)\\s*$");
    private static final Pattern PLUS_AFTER = Pattern.compile("^(\\+|-plus\\b| plus\\b| or more\\b)");
    private static final Pattern ARTICLE_DURATION = Pattern.compile("(?i)\\b(for|over|within|in|after|than|"
            + "another|next|past|last)\\s+(?:(a|an|one|the next|the past|the last)\\s+)?"
            + "(year|month|week|day|hour|minute|decade|quarter|fortnight)\\b");
    /** "a couple of days" (2), "half a day", "half an hour", "half-year" (0.5). */
    private static final Pattern FEW_DURATION = Pattern.compile("(?i)\\b(?:(a\\s+)?(couple)(?:\\s+of)?|(half)(?:\\s+an?|-)?|"
            + "(an?)(?=\\s+\\w+\\s+and\\s+(?:a\\s+half|half|\\d|[a-z]+ (?:minutes?|seconds?|hours?|days?|months?|weeks?))))"
            + "\\s*(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\\b");
    /** After "quarter(s)": of an hour, so minutes ("three quarters of an hour"), not a quarter of a year. */
    private static final Pattern OF_AN_HOUR = Pattern.compile("(?i)\\s+of\\s+(?:an?\\s+)?hours?\\b");
    private static final Pattern ARTICLE_MONEY = Pattern.compile(
            "(?i)\\b(a|one)\\s+(dollar|euro|pound|yen|yuan|nickel|dime|grand)\\b");
    private static final Pattern YEAR = Pattern.compile("(1[5-9]|20)\\d\\d");

    private static final Set<String> COUNT_STOPWORDS = Set.copyOf(List.of("of", "to", "and", "or", "in", "on", "at", "for",
            "by", "the", "a", "an", "is", "are", "was", "were", "be", "with", "from", "as", "that", "this", "it",
            "its", "per", "than", "but", "so", "if", "into", "after", "before", "while", "when", "which", "who",
            "will", "would", "has", "have", "had", "not", "am", "pm", "th", "st", "nd", "rd", "times", "time",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "up", "down", "more", "less", "over", "about", "out", "off", "each", "all", "percent",
            "where", "there", "then", "also", "only", "just", "still", "even", "through", "against", "during",
            "between", "since", "until", "among", "said", "says", "do", "does", "did", "can", "could", "should",
            "may", "might", "must", "shall", "his", "her", "their", "our", "your", "my", "we", "they", "he",
            "she", "you", "i", "them", "us", "year", "month", "week", "day", "hour", "minute", "second"));

    private static final Map<String, String> DURATION_UNITS = Map.ofEntries(
            Map.entry("y", "year"), Map.entry("yr", "year"), Map.entry("year", "year"),
            Map.entry("mo", "month"), Map.entry("mos", "month"), Map.entry("month", "month"),
            Map.entry("w", "week"), Map.entry("wk", "week"), Map.entry("week", "week"),
            Map.entry("d", "day"), Map.entry("day", "day"),
            Map.entry("h", "hour"), Map.entry("hr", "hour"), Map.entry("hour", "hour"),
            Map.entry("min", "minute"), Map.entry("minute", "minute"),
            Map.entry("sec", "second"), Map.entry("second", "second"),
            Map.entry("quarter", "quarter"), Map.entry("decade", "decade"), Map.entry("fortnight", "fortnight"),
            Map.entry("century", "century"), Map.entry("centurie", "century"));

    /** Quantities in {@code text}, in text order, without overlaps. */
    public List<Quantity> extract(String text) {
        return extract(text, null);
    }

    /**
     * Quantities in {@code text}; a filing's inline-XBRL facts, whose scale the filer declared, take precedence over
     * what the grammar reads at the same place.
     */
    public List<Quantity> extract(String text, Filing filing) {
        List<Lexeme> lx = Lexeme.lex(text);
        List<Quantity> found = new ArrayList<>();
        int i = 0;
        int boundary = 0;
        while (i < lx.size()) {
            Match m = matchAt(text, lx, i, boundary);
            if (m != null) {
                found.add(m.quantity);
                i = Math.max(m.nextLexeme, i + 1);
                boundary = i;
            } else {
                i++;
            }
        }
        addArticleForms(text, found);
        if (filing != null && !filing.facts().isEmpty()) {
            addXbrlFacts(text, filing, found);
        }
        return compoundDurations(text, removeOverlaps(found));
    }

    private static final Pattern AND_A_HALF = Pattern.compile("^\\s+and\\s+(?:a\\s+)?half\\b");
    private static final Pattern DURATION_JOINER = Pattern.compile("^(?:\\s+|\\s*,\\s*|\\s+and\\s+)$");
    private static final Pattern BARE_NUMBER_AFTER = Pattern.compile("^\\s+and\\s+(\\d+|[a-z]+(?:-[a-z]+)?)\\b(?!\\s*(?:"
            + "[a-z]))", Pattern.CASE_INSENSITIVE);
    private static final List<String> TIME_UNITS = List.of("year", "month", "week", "day", "hour", "minute",
            "second");
    /** Seconds per unit when parts of a duration are added up; a year is 365 days and a month 30 (by convention). */
    private static final Map<String, Long> UNIT_SECONDS = Map.of("year", 31536000L, "month", 2592000L,
            "week", 604800L, "day", 86400L, "hour", 3600L, "minute", 60L, "second", 1L);

    /**
     * Durations told in parts are one duration: "an hour and a half" (PT1.5H), "one week three days" (P1W3D),
     * "1 hour and fifteen seconds" (PT1H15S), "2 hours and 10" (minutes implied: PT2H10M). The value is given in the
     * smallest unit named (or implied).
     */
    private static List<Quantity> compoundDurations(String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Quantity q = found.get(i);
            if (q.kind() != QuantityKind.DURATION || q.low() != null && q.high() != null
                    || !TIME_UNITS.contains(q.unit())) {
                out.add(q);
                continue;
            }
            String rest = text.substring(q.end(), Math.min(text.length(), q.end() + 40));
            Matcher half = AND_A_HALF.matcher(rest);
            if (half.find()) {
                BigDecimal value = q.value().add(new BigDecimal("0.5"));
                int end = q.end() + half.end();
                out.add(new Quantity(QuantityKind.DURATION, text.substring(q.start(), end), q.start(), end, value,
                        q.unit(), null, null, q.approximate(), period(value, q.unit())));
                continue;
            }
            List<Quantity> parts = new ArrayList<>(List.of(q));
            int end = q.end();
            int j = i + 1;
            while (j < found.size()) {
                Quantity next = found.get(j);
                Quantity prev = parts.get(parts.size() - 1);
                if (next.kind() != QuantityKind.DURATION || next.low() != null || next.high() != null
                        || !TIME_UNITS.contains(next.unit())
                        || TIME_UNITS.indexOf(next.unit()) <= TIME_UNITS.indexOf(prev.unit())
                        || !DURATION_JOINER.matcher(text.substring(end, next.start())).matches()) {
                    break;
                }
                parts.add(next);
                end = next.end();
                j++;
            }
            Quantity implied = null;
            Quantity lastPart = parts.get(parts.size() - 1);
            int unitIndex = TIME_UNITS.indexOf(lastPart.unit());
            if (j == i + 1 && (lastPart.unit().equals("hour") || lastPart.unit().equals("minute"))) {
                // "2 hours and 10": the next smaller unit
                Matcher bare = BARE_NUMBER_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30)));
                if (bare.find()) {
                    BigDecimal n = NumberParser.parse(bare.group(1));
                    if (n != null && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(60)) < 0) {
                        int nEnd = end + bare.end();
                        String unit = TIME_UNITS.get(unitIndex + 1);
                        implied = new Quantity(QuantityKind.DURATION, text.substring(end, nEnd), end, nEnd, n, unit,
                                null, null, false, period(n, unit));
                        end = nEnd;
                    }
                }
            }
            if (implied != null) {
                parts.add(implied);
            }
            if (parts.size() == 1) {
                out.add(q);
                continue;
            }
            out.add(combine(text, parts, end));
            i = j - 1;
        }
        return out;
    }

    private static Quantity combine(String text, List<Quantity> parts, int end) {
        StringBuilder date = new StringBuilder("P");
        StringBuilder time = new StringBuilder();
        String smallest = parts.get(parts.size() - 1).unit();
        BigDecimal total = BigDecimal.ZERO;
        boolean exact = UNIT_SECONDS.containsKey(smallest);
        if (smallest.equals("month")) {
            // years and months: twelve months a year, exactly
            BigDecimal months = BigDecimal.ZERO;
            for (Quantity p : parts) {
                months = months.add(p.unit().equals("year") ? p.value().multiply(BigDecimal.valueOf(12)) : p.value());
            }
            String iso = date.toString();
            for (Quantity p : parts) {
                iso += period(p.value(), p.unit()).substring(1);
            }
            int start = parts.get(0).start();
            return new Quantity(QuantityKind.DURATION, text.substring(start, end), start, end, clean(months), "month",
                    null, null, parts.get(0).approximate(), iso);
        }
        for (Quantity p : parts) {
            String iso = period(p.value(), p.unit());
            if (iso == null) {
                return parts.get(0);
            }
            if (iso.startsWith("PT")) {
                time.append(iso.substring(2));
            } else {
                date.append(iso.substring(1));
            }
            if (exact && UNIT_SECONDS.containsKey(p.unit())) {
                total = total.add(p.value().multiply(BigDecimal.valueOf(UNIT_SECONDS.get(p.unit()))));
            } else {
                exact = false;
            }
        }
        String normalized = date + (time.isEmpty() ? "" : "T" + time);
        BigDecimal value = exact ? total.divide(BigDecimal.valueOf(UNIT_SECONDS.get(smallest)),
                java.math.MathContext.DECIMAL64).stripTrailingZeros() : parts.get(0).value();
        String unit = exact ? smallest : parts.get(0).unit();
        int start = parts.get(0).start();
        return new Quantity(QuantityKind.DURATION, text.substring(start, end), start, end, clean(value), unit, null,
                null, parts.get(0).approximate(), normalized);
    }

    private record Match(Quantity quantity, int nextLexeme) {
    }

    /** Where a currency was found: the code, its lexeme bounds and whether it names hundredths. */
    private record CurrencyHit(String code, int start, int end, int firstLexeme, int lastLexeme,
                               BigDecimal multiplier) {
    }

    private Match matchAt(String text, List<Lexeme> lx, int i, int boundary) {
        Lexeme first = lx.get(i);
        if (!first.isNum() && !(first.isWord() && startsNumberWord(lx, i))) {
            return null;
        }
        if (first.isNum() && partOfName(text, lx, i)) {
            return null;
        }
        NumberPhrase p1 = NumberParser.parse(lx, i);
        if (p1 == null) {
            return null;
        }
        CurrencyHit prefix = currencyBefore(text, lx, p1.first());
        if (prefix != null && prefix.firstLexeme() < boundary) {
            // the symbol belongs to the amount before: "10 $ 30 $"
            prefix = null;
        }
        // A range: "$2.5-3 billion", "10-20 dollars", "between $1 and $2 billion", "18 to 24 months".
        NumberPhrase p2 = null;
        CurrencyHit prefix2 = null;
        int c = p1.last() + 1;
        if (c < lx.size() && isRangeConnector(text, lx, c, prefix == null ? p1.first() : prefix.firstLexeme())) {
            int n = c + 1;
            if (n < lx.size() && lx.get(n).kind() == Lexeme.Kind.SYM && Currencies.SYMBOLS.containsKey(lx.get(n).text())) {
                prefix2 = new CurrencyHit(Currencies.SYMBOLS.get(lx.get(n).text()), lx.get(n).start(), lx.get(n).end(),
                        n, n, BigDecimal.ONE);
                n++;
            }
            if (n < lx.size() && (lx.get(n).isNum() || startsNumberWord(lx, n))) {
                NumberPhrase candidate = NumberParser.parse(lx, n);
                if (candidate != null) {
                    NumberPhrase low = p1;
                    if (!p1.scaled() && candidate.scaled()) {
                        low = p1.withValue(p1.value().multiply(candidate.scale()));
                    }
                    if (low.value().compareTo(candidate.value()) < 0 && (prefix2 == null || prefix != null)) {
                        p1 = low;
                        p2 = candidate;
                    }
                }
            }
        }
        NumberPhrase last = p2 != null ? p2 : p1;
        int afterEnd = lx.get(last.last()).end();
        String after = text.substring(afterEnd, Math.min(text.length(), afterEnd + WINDOW));
        CurrencyHit suffix = prefix == null || prefix2 != null ? currencyAfter(text, lx, last.last()) : null;
        if (suffix != null && isWeight(text, lx, p1, last, suffix)) {
            return null; // "5 pounds of sugar", "a 250-pound lineman", "he lost 20 pounds": a weight, and no count
        }
        if (prefix != null && suffix == null) {
            // "$ 75 USD million"-style doubling aside, a scale may follow a prefixed code: "USD 22.5 million" is
            // already read by the number; nothing to do.
        }
        CurrencyHit currency = prefix != null ? prefix : suffix;
        int start = prefix != null ? prefix.start() : lx.get(p1.first()).start();
        int end = suffix != null ? suffix.end() : afterEnd;
        int nextLexeme = (suffix != null ? suffix.lastLexeme() : last.last()) + 1;
        QuantityKind kind;
        String unit;
        BigDecimal value = p1.value();
        BigDecimal high = p2 == null ? null : p2.value();
        String durationUnit = null;
        if (currency != null) {
            kind = QuantityKind.MONEY;
            unit = currency.code();
            value = value.multiply(currency.multiplier());
            if (high != null) {
                high = high.multiply(currency.multiplier());
            }
            if (suffix != null && suffix.multiplier().compareTo(BigDecimal.ONE) > 0 && !last.scaled()) {
                // "75 USD million": a scale after the code
                BigDecimal extra = suffix.multiplier();
                value = p1.value().multiply(extra);
                high = p2 == null ? null : p2.value().multiply(extra);
            }
            if (p2 == null && suffix != null && prefix == null) {
                // "between 10 dollars and 20 dollars", "from 5 euros to 7 euros"
                SecondEnd second = secondEnd(text, lx, p1, suffix);
                if (second != null) {
                    high = second.value;
                    p2 = p1;
                    end = second.end;
                    nextLexeme = second.nextLexeme;
                }
            }
            if (p2 == null && !p1.scaled() && isInteger(p1.value()) && currency.multiplier().compareTo(BigDecimal.ONE) == 0) {
                // "$20 and 43c", "thirteen dollars forty-five cents", "3 GBP 1 pence"
                Cents cents = centsAfter(text, lx, nextLexeme);
                if (cents != null) {
                    value = value.add(cents.value);
                    end = cents.end;
                    nextLexeme = cents.nextLexeme;
                }
            }
        } else {
            Matcher m;
            if ((m = PERCENT.matcher(after)).find()) {
                kind = QuantityKind.PERCENT;
                unit = "%";
                end = afterEnd + m.end();
            } else if ((m = PARAMETERS.matcher(after)).find()
                    || (last.scaleGlued() && "bmt".contains(last.scaleWord().substring(0, 1))
                    && (m = PARAMETERS_SHORT.matcher(after)).find() && last.scaleWord().length() == 1)) {
                kind = QuantityKind.PARAMETERS;
                unit = "parameters";
                end = afterEnd + (m.pattern() == PARAMETERS ? m.end() : 0);
            } else if ((m = TOKENS.matcher(after)).find()
                    || (last.value().compareTo(new BigDecimal("1000")) >= 0 && last.scaled()
                    && (m = CONTEXT.matcher(after)).find())) {
                kind = QuantityKind.TOKENS;
                unit = "tokens";
                end = afterEnd + (m.pattern() == TOKENS ? m.end() : 0);
            } else if ((m = DURATION.matcher(after)).find() && !(m.group(1).equalsIgnoreCase("h") && last.scaled())) {
                kind = QuantityKind.DURATION;
                durationUnit = durationUnit(m.group(1));
                end = afterEnd + m.end();
                int ofAnHour = "quarter".equals(durationUnit) ? ofAnHourEnd(text, end) : -1;
                if (ofAnHour > 0) {
                    // "three quarters of an hour": 45 minutes, not nine months
                    durationUnit = "minute";
                    value = value.multiply(BigDecimal.valueOf(15));
                    high = high == null ? null : high.multiply(BigDecimal.valueOf(15));
                    end = ofAnHour;
                }
                unit = durationUnit;
            } else if ((m = COUNT_NOUN.matcher(after)).find() && isCount(p1, last, lx, m.group(2))) {
                kind = QuantityKind.COUNT;
                unit = m.group(2);
                end = afterEnd + m.end();
            } else {
                return null;
            }
            nextLexeme = lexemeAfter(lx, nextLexeme, end);
        }
        // Qualifiers before and after.
        String before = text.substring(Math.max(0, start - 24), start);
        boolean approximate = APPROX_BEFORE.matcher(before).find();
        BigDecimal low = p2 == null ? null : value;
        if (p2 == null) {
            if (HIGH_BEFORE.matcher(before).find() && !LOW_BEFORE_STRICT.matcher(before).find()) {
                high = value;
            } else if (LOW_BEFORE.matcher(before).find()) {
                low = value;
            } else if (HIGH_BEFORE.matcher(before).find()) {
                high = value;
            }
            Matcher plus = PLUS_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 10)));
            if (plus.find()) {
                low = value;
                approximate = true;
                if (plus.group(1).startsWith("+") || plus.group(1).startsWith("-")) {
                    end += plus.end();
                }
            }
        }
        String normalized = normalize(kind, value, low, high, unit, p2 != null);
        String quantityText = text.substring(start, end).strip();
        if (quantityText.isEmpty()) {
            return null;
        }
        Quantity q = new Quantity(kind, quantityText, start, start + quantityText.length(), clean(value), unit,
                clean(low), clean(high), approximate, normalized);
        return new Match(q, lexemeAfter(lx, nextLexeme, end));
    }

    private static int lexemeAfter(List<Lexeme> lx, int from, int end) {
        int k = Math.max(from, 0);
        while (k < lx.size() && lx.get(k).start() < end) {
            k++;
        }
        return k;
    }

    private static boolean startsNumberWord(List<Lexeme> lx, int i) {
        Lexeme w = lx.get(i);
        if (NumberParser.isNumberWord(w.lower())) {
            return true;
        }
        // "a million", "half a million", "a quarter of a billion", "a dozen"
        int k = i;
        if (w.is("a") || w.is("an")) {
            k++;
        }
        if (k < lx.size() && (lx.get(k).is("half") || lx.get(k).is("quarter"))) {
            k++;
            if (k + 1 < lx.size() && lx.get(k).is("of")) {
                k++;
            }
            if (k + 1 < lx.size() && (lx.get(k).is("a") || lx.get(k).is("an"))) {
                k++;
            }
        }
        if (k == i || k >= lx.size()) {
            return false;
        }
        Lexeme n = lx.get(k);
        return NumberParser.SCALE_WORDS.containsKey(n.lower()) && !n.is("mn") && !n.is("bn") || n.is("dozen");
    }

    /** Digits that belong to a name or code: "H100", "GPT-4", "Qwen2.5", "B200", "3D". */
    private static boolean partOfName(String text, List<Lexeme> lx, int i) {
        if (i == 0) {
            return false;
        }
        Lexeme prev = lx.get(i - 1);
        if (!lx.get(i).glued()) {
            return false;
        }
        if (prev.isWord()) {
            // "USD3.14", "MYR42" are money; anything else glued to letters is a name
            return Currencies.code(prev.text()) == null && !Currencies.PREFIX_ABBREVIATIONS.containsKey(prev.lower());
        }
        if (prev.isSym("-") && i >= 2 && lx.get(i - 2).isWord() && prev.glued()) {
            return true;
        }
        return prev.isSym("/") || prev.isSym(".") && i >= 2 && lx.get(i - 2).isNum() && prev.glued();
    }

    private static boolean isRangeConnector(String text, List<Lexeme> lx, int c, int firstOfRange) {
        Lexeme conn = lx.get(c);
        if (conn.isSym("-") || conn.isSym("–") || conn.isSym("—")) {
            return c + 1 < lx.size() && (!lx.get(c + 1).isWord() || lx.get(c + 1).glued() == conn.glued());
        }
        if (conn.is("to")) {
            return true;
        }
        if (conn.is("and") && firstOfRange > 0) {
            Lexeme before = lx.get(firstOfRange - 1);
            return before.is("between") || before.is("from");
        }
        return false;
    }

    private CurrencyHit currencyBefore(String text, List<Lexeme> lx, int first) {
        if (first == 0) {
            return null;
        }
        int k = first - 1;
        Lexeme prev = lx.get(k);
        if (prev.kind() == Lexeme.Kind.SYM && Currencies.SYMBOLS.containsKey(prev.text())) {
            String code = Currencies.SYMBOLS.get(prev.text());
            int start = prev.start();
            int firstLexeme = k;
            if (("$".equals(prev.text()) || "¥".equals(prev.text())) && k > 0) {
                // a letter prefix: "US$", "C$", "HK$", "u.s. $", "us $", "CN¥"
                PrefixHit ph = dollarPrefix(lx, k);
                if (ph != null) {
                    code = ph.code;
                    start = lx.get(ph.firstLexeme).start();
                    firstLexeme = ph.firstLexeme;
                }
            }
            return new CurrencyHit(code, start, prev.end(), firstLexeme, k, BigDecimal.ONE);
        }
        if (prev.isWord()) {
            String code = Currencies.code(prev.text());
            if (code != null && !(Currencies.WORD_LIKE_CODES.contains(code) && !lx.get(first).glued())) {
                return new CurrencyHit(code, prev.start(), prev.end(), k, k, BigDecimal.ONE);
            }
            String abbreviation = Currencies.PREFIX_ABBREVIATIONS.get(prev.lower());
            if (abbreviation != null && (prev.text().equals("RM") || prev.text().startsWith("R"))) {
                return new CurrencyHit(abbreviation, prev.start(), prev.end(), k, k, BigDecimal.ONE);
            }
            if (Currencies.PREFIX_NAMES.contains(prev.lower())) {
                int s = k;
                if (k > 0 && lx.get(k - 1).isWord()
                        && Currencies.PREFIX_NAMES.contains(lx.get(k - 1).lower() + " " + prev.lower())) {
                    s = k - 1;
                }
                String name = s == k ? prev.lower() : lx.get(s).lower() + " " + prev.lower();
                String c = Currencies.NAMES.get(name);
                if (c != null) {
                    return new CurrencyHit(c, lx.get(s).start(), prev.end(), s, k, BigDecimal.ONE);
                }
            }
        }
        if (prev.isSym(".") && k > 0 && lx.get(k - 1).is("rs") && lx.get(k - 1).text().startsWith("R")) {
            return new CurrencyHit("INR", lx.get(k - 1).start(), prev.end(), k - 1, k, BigDecimal.ONE);
        }
        return null;
    }

    private record PrefixHit(String code, int firstLexeme) {
    }

    private static PrefixHit dollarPrefix(List<Lexeme> lx, int symbol) {
        Lexeme sym = lx.get(symbol);
        Lexeme w = lx.get(symbol - 1);
        // "u.s. $" / "U.S.$": u . s [.] $
        int k = symbol - 1;
        if (w.isSym(".") && k >= 1) {
            k--;
        }
        Lexeme s = lx.get(k);
        if (s.is("s") && k >= 2 && lx.get(k - 1).isSym(".") && lx.get(k - 2).is("u")) {
            return new PrefixHit("USD", k - 2);
        }
        if (!w.isWord()) {
            return null;
        }
        String code = Currencies.DOLLAR_PREFIXES.get(w.lower());
        if (code == null) {
            return null;
        }
        if ("¥".equals(sym.text()) && !"CNY".equals(code)) {
            return null;
        }
        boolean singleLetter = w.text().length() == 1;
        if (sym.glued()) {
            // "C$", "A$", "US$": a glued single letter must be upper case ("a$" is not Australian)
            if (singleLetter && !Character.isUpperCase(w.text().charAt(0))) {
                return null;
            }
            return new PrefixHit(code, symbol - 1);
        }
        // spaced: "us $ 150 million", "c $ 300 million" (tokenised text); never "a $5 bill"
        if (singleLetter && !w.is("c")) {
            return null;
        }
        if (symbol - 2 >= 0 && lx.get(symbol - 2).isSym(".") && lx.get(symbol - 1).glued()) {
            return null;
        }
        return new PrefixHit(code, symbol - 1);
    }

    private CurrencyHit currencyAfter(String text, List<Lexeme> lx, int last) {
        int k = last + 1;
        if (k >= lx.size()) {
            return null;
        }
        Lexeme next = lx.get(k);
        if (next.kind() == Lexeme.Kind.SYM && Currencies.SYMBOLS.containsKey(next.text())) {
            // "20€", "10 $" but not "10 $20" (that is the next amount's prefix)
            if (k + 1 < lx.size() && lx.get(k + 1).isNum() && lx.get(k + 1).glued()) {
                return null;
            }
            return new CurrencyHit(Currencies.SYMBOLS.get(next.text()), next.start(), next.end(), k, k, BigDecimal.ONE);
        }
        if (next.isWord()) {
            String code = Currencies.code(next.text());
            if (code != null && !(Currencies.WORD_LIKE_CODES.contains(code) && !next.glued()
                    && !next.text().equals(code))) {
                // "75 USD million"
                if (k + 1 < lx.size() && lx.get(k + 1).isWord()
                        && NumberParser.SCALE_WORDS.containsKey(lx.get(k + 1).lower())
                        && !lx.get(k + 1).is("hundred")) {
                    return new CurrencyHit(code, next.start(), lx.get(k + 1).end(), k, k + 1,
                            NumberParser.SCALE_WORDS.get(lx.get(k + 1).lower()));
                }
                return new CurrencyHit(code, next.start(), next.end(), k, k, BigDecimal.ONE);
            }
            // "30 MUSD", "120 MEUR": millions of a currency
            if (next.text().length() == 4 && (next.text().charAt(0) == 'M' || next.text().charAt(0) == 'm')) {
                String c = Currencies.code(next.text().substring(1));
                if (c != null && Currencies.LOWERCASE_CODES.contains(c)) {
                    return new CurrencyHit(c, next.start(), next.end(), k, k, new BigDecimal("1000000"));
                }
            }
        }
        int from = lx.get(last).end();
        String raw = text.substring(from, Math.min(text.length(), from + WINDOW));
        String trimmed = raw.stripLeading();
        for (Map.Entry<String, String> symbol : Currencies.SYMBOLS.entrySet()) {
            if (symbol.getKey().length() > 1 && trimmed.startsWith(symbol.getKey())) {
                int end = from + (raw.length() - trimmed.length()) + symbol.getKey().length();
                return new CurrencyHit(symbol.getValue(), end - symbol.getKey().length(), end, k,
                        lexemeAfter(lx, k, end) - 1, BigDecimal.ONE);
            }
        }
        Matcher abbreviation = SUFFIX_ABBREVIATION.matcher(raw);
        if (abbreviation.find()) {
            int end = from + abbreviation.end();
            return new CurrencyHit(Currencies.PREFIX_ABBREVIATIONS.get(abbreviation.group(1).toLowerCase(Locale.ROOT)),
                    from + abbreviation.start(1), end, k, lexemeAfter(lx, k, end) - 1, BigDecimal.ONE);
        }
        Matcher coin = SUFFIX_COIN.matcher(raw);
        if (coin.find()) {
            int end = from + coin.end();
            String word = coin.group(1).toLowerCase(Locale.ROOT);
            BigDecimal multiplier = word.startsWith("nickel") ? new BigDecimal("0.05")
                    : word.startsWith("dime") ? new BigDecimal("0.10") : new BigDecimal("1000");
            return new CurrencyHit("USD", from + coin.start(1), end, k, lexemeAfter(lx, k, end) - 1, multiplier);
        }
        String after = raw.toLowerCase(Locale.ROOT);
        Matcher m = SUFFIX_NAME.matcher(after);
        if (m.find() && !(m.group(1).equals("won") && !lx.get(last).isWord()
                && !NumberParser.SCALE_WORDS.containsKey(lx.get(last).lower()))
                && !(Currencies.LOWER_CASE_ONLY.contains(m.group(1))
                && !raw.substring(m.start(1), m.end(1)).equals(m.group(1)))) {
            // "won" is the currency only after a scaled amount ("84.3 trillion won"), not "3 won"; a currency's own
            // word counts in lower case only ("500 forints", not "the 1964 Leone film")
            String name = m.group(1);
            String code = Currencies.resolve(name, text, from);
            int end = from + m.end();
            if (code == null) {
                return null; // "500 dinars" in a text that names no country
            }
            return new CurrencyHit(code, from + m.start(1), end, k, lexemeAfter(lx, k, end) - 1, BigDecimal.ONE);
        }
        m = SUFFIX_MINOR.matcher(text.substring(from, Math.min(text.length(), from + WINDOW)));
        if (m.find()) {
            String minor = m.group(2).toLowerCase(Locale.ROOT);
            if ((minor.equals("p") || minor.equals("c")) && !m.group(1).isEmpty() && !minor.equals("c")) {
                return null;
            }
            String code = Currencies.MINOR_NAMES.get(minor);
            int end = from + m.end();
            return new CurrencyHit(code, from + m.start(2), end, k, lexemeAfter(lx, k, end) - 1,
                    new BigDecimal("0.01"));
        }
        return null;
    }

    /** Where " of an hour" after a quarter ends, or -1. */
    private static int ofAnHourEnd(String text, int from) {
        Matcher m = OF_AN_HOUR.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static final Pattern WEIGHT_AFTER = Pattern.compile("\\s+of\\s+\\p{Ll}");
    private static final Pattern WEIGHT_BEFORE = Pattern.compile("(?i)\\b(?:weigh(?:s|ed|ing|t)?|heavier|lighter|"
            + "lost|lose|loses|losing|gained|gain|gains|gaining|shed|sheds|lift(?:s|ed|ing)?|carr(?:y|ies|ied|ying))"
            + "\\b[^.;!?]{0,40}$");
    private static final Pattern MONEY_NOUN_AFTER = Pattern.compile("\\s+(?:note|notes|coin|coins|fine|fee|bill)\\b");

    /**
     * Whether the "pound(s)" after an amount ({@code first} to {@code last}) is the weight: followed by "of" and a
     * noun ("5 pounds of sugar"), a hyphened adjective of a thing that is no banknote ("a 250-pound lineman", not "a
     * 10-pound note"), or an unscaled amount after a word of weighing ("weighed 7 pounds", "lost 20 pounds", but
     * "lost 20 million pounds" is money).
     */
    private static boolean isWeight(String text, List<Lexeme> lx, NumberPhrase first, NumberPhrase last,
                                    CurrencyHit unit) {
        String word = text.substring(unit.start(), unit.end()).toLowerCase(Locale.ROOT);
        if (!word.equals("pound") && !word.equals("pounds")) {
            return false;
        }
        if (WEIGHT_AFTER.matcher(text).region(unit.end(), text.length()).lookingAt()) {
            return true;
        }
        if (text.charAt(lx.get(last.last()).end()) == '-') {
            return !MONEY_NOUN_AFTER.matcher(text).region(unit.end(), text.length()).lookingAt();
        }
        int start = lx.get(first.first()).start();
        return !last.scaled() && WEIGHT_BEFORE.matcher(text.substring(Math.max(0, start - 60), start)).find();
    }

    private record Cents(BigDecimal value, int end, int nextLexeme) {
    }

    private record SecondEnd(BigDecimal value, int end, int nextLexeme) {
    }

    /** The upper end of "between 10 dollars and 20 dollars": a second amount in the same currency. */
    private SecondEnd secondEnd(String text, List<Lexeme> lx, NumberPhrase p1, CurrencyHit suffix) {
        int k = suffix.lastLexeme() + 1;
        if (k + 1 >= lx.size() || p1.first() == 0) {
            return null;
        }
        Lexeme opener = lx.get(p1.first() - 1);
        Lexeme conn = lx.get(k);
        boolean between = opener.is("between") && conn.is("and");
        boolean from = opener.is("from") && (conn.is("to") || conn.is("and"));
        if (!between && !from) {
            return null;
        }
        NumberPhrase p2 = NumberParser.parse(lx, k + 1);
        if (p2 == null) {
            return null;
        }
        CurrencyHit c2 = currencyAfter(text, lx, p2.last());
        if (c2 == null || !c2.code().equals(suffix.code()) || c2.multiplier().compareTo(suffix.multiplier()) != 0) {
            return null;
        }
        BigDecimal v = p2.value().multiply(c2.multiplier());
        return new SecondEnd(v, c2.end(), c2.lastLexeme() + 1);
    }

    /** Hundredths after a whole amount: "and 43c", "forty-five cents", "43", "and one". */
    private Cents centsAfter(String text, List<Lexeme> lx, int k) {
        if (k >= lx.size()) {
            return null;
        }
        int n = k;
        if (lx.get(n).is("and") && n + 1 < lx.size()) {
            n++;
        }
        if (!(lx.get(n).isNum() && lx.get(n).text().matches("\\d{1,2}")) && !(lx.get(n).isWord()
                && NumberParser.isNumberWord(lx.get(n).lower()))) {
            return null;
        }
        if (lx.get(n).isNum() && lx.get(n).glued()) {
            return null;
        }
        NumberPhrase p = NumberParser.parse(lx, n);
        if (p == null || p.scaled() || p.value().compareTo(HUNDRED) >= 0 || !isInteger(p.value())) {
            return null;
        }
        int end = lx.get(p.last()).end();
        String after = text.substring(end, Math.min(text.length(), end + WINDOW));
        Matcher minor = SUFFIX_MINOR.matcher(after);
        if (minor.find()) {
            end += minor.end();
        } else {
            // a bare number only when nothing else claims it: end of text, punctuation or "and"
            String rest = after.stripLeading();
            boolean free = rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0))
                    && rest.charAt(0) != '$' || rest.startsWith("and ") || rest.startsWith("more ");
            if (!free || (p.words() == false && rest.startsWith("%"))) {
                return null;
            }
            if (SUFFIX_NAME.matcher(after.toLowerCase(Locale.ROOT)).find()) {
                return null;
            }
        }
        return new Cents(p.value().divide(HUNDRED), end, lexemeAfter(lx, p.last() + 1, end));
    }

    private boolean isCount(NumberPhrase first, NumberPhrase last, List<Lexeme> lx, String noun) {
        if (COUNT_STOPWORDS.contains(noun) || Currencies.NAMES.containsKey(noun)) {
            return false; // "500 dinars" with no country to say which: an amount of unknown worth, not a count
        }
        Lexeme numeral = lx.get(last.first());
        if (!last.scaled() && numeral.isNum() && YEAR.matcher(numeral.text()).matches()) {
            return false;
        }
        if (last.words() && last.value().compareTo(BigDecimal.ONE) <= 0) {
            return false;
        }
        // plural nouns, or any noun after a scaled number ("1.2 million users", "400 employees")
        return noun.endsWith("s") || last.scaled();
    }

    private static String durationUnit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("s") && w.length() > 2) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.equals("h")) {
            return "hour";
        }
        String u = DURATION_UNITS.get(w);
        return u == null ? w : u;
    }

    private static String normalize(QuantityKind kind, BigDecimal value, BigDecimal low, BigDecimal high,
                                    String unit, boolean range) {
        switch (kind) {
            case MONEY:
                return range ? plain(low) + "-" + plain(high) + " " + unit : plain(value) + " " + unit;
            case DURATION:
                return range ? period(low, unit) + "/" + period(high, unit) : period(value, unit);
            case PERCENT:
                return plain(value) + "%";
            default:
                return range ? plain(low) + "-" + plain(high) + " " + unit : plain(value) + " " + unit;
        }
    }

    /** ISO 8601 period for a count of a unit: P5Y, P18M, P2W, PT3H, P0.5Y; quarters are months, decades years. */
    public static String period(BigDecimal amount, String unit) {
        if (amount == null || unit == null) {
            return null;
        }
        String n;
        String designator;
        boolean time = false;
        switch (unit) {
            case "year" -> designator = "Y";
            case "decade" -> {
                amount = amount.multiply(BigDecimal.TEN);
                designator = "Y";
            }
            case "century" -> {
                amount = amount.multiply(HUNDRED);
                designator = "Y";
            }
            case "quarter" -> {
                amount = amount.multiply(BigDecimal.valueOf(3));
                designator = "M";
            }
            case "month" -> designator = "M";
            case "week" -> designator = "W";
            case "fortnight" -> {
                amount = amount.multiply(BigDecimal.valueOf(2));
                designator = "W";
            }
            case "day" -> designator = "D";
            case "hour" -> {
                designator = "H";
                time = true;
            }
            case "minute" -> {
                designator = "M";
                time = true;
            }
            case "second" -> {
                designator = "S";
                time = true;
            }
            default -> {
                return null;
            }
        }
        n = plain(amount);
        return (time ? "PT" : "P") + n + designator;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : clean(v).toPlainString();
    }

    private static BigDecimal clean(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }

    private static boolean isInteger(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0;
    }

    /** "for a year", "another hour", "one dollar" — a unit with an article or "one" and no digits. */
    private void addArticleForms(String text, List<Quantity> found) {
        Matcher m = ARTICLE_DURATION.matcher(text);
        while (m.find()) {
            String article = m.group(2);
            if (article == null && !m.group(1).equalsIgnoreCase("another")) {
                continue;
            }
            int start = article != null ? m.start(2) : m.start(1);
            String unit = durationUnit(m.group(3));
            BigDecimal value = BigDecimal.ONE;
            int end = m.end();
            int ofAnHour = "quarter".equals(unit) ? ofAnHourEnd(text, end) : -1;
            if (ofAnHour > 0) {
                unit = "minute"; // "in a quarter of an hour"
                value = BigDecimal.valueOf(15);
                end = ofAnHour;
            }
            found.add(new Quantity(QuantityKind.DURATION, text.substring(start, end), start, end,
                    value, unit, null, null, false, period(value, unit)));
        }
        m = FEW_DURATION.matcher(text);
        while (m.find()) {
            BigDecimal value = m.group(2) != null ? BigDecimal.valueOf(2) : m.group(3) != null
                    ? new BigDecimal("0.5") : BigDecimal.ONE; // "an hour and 45 minutes", "a month and a half"
            String unit = durationUnit(m.group(5));
            found.add(new Quantity(QuantityKind.DURATION, m.group(), m.start(), m.end(), value, unit, null, null,
                    false, period(value, unit)));
        }
        m = ARTICLE_MONEY.matcher(text);
        while (m.find()) {
            String word = m.group(2).toLowerCase(Locale.ROOT);
            String code = Currencies.NAMES.getOrDefault(word, "USD");
            BigDecimal value = switch (word) {
                case "nickel" -> new BigDecimal("0.05");
                case "dime" -> new BigDecimal("0.1");
                case "grand" -> new BigDecimal("1000");
                default -> BigDecimal.ONE;
            };
            found.add(new Quantity(QuantityKind.MONEY, m.group(), m.start(), m.end(), value, code, null,
                    null, false, value.toPlainString() + " " + code));
        }
    }

    /**
     * Inline-XBRL facts carry the filer's own scale ("130,497" with scale 6 is 130,497,000,000): a monetary fact
     * replaces whatever the grammar read at its place.
     */
    private static void addXbrlFacts(String text, Filing filing, List<Quantity> found) {
        for (Filing.XbrlFact fact : filing.facts()) {
            if (fact.start() < 0 || fact.end() > text.length() || fact.end() <= fact.start()) {
                continue;
            }
            String unit = fact.unit() == null ? "" : fact.unit().toUpperCase(Locale.ROOT);
            String code = Currencies.code(unit);
            BigDecimal value = fact.value();
            if (value == null && fact.text() != null) {
                try {
                    value = NumberParser.literal(fact.text().strip());
                    if (fact.scale() != null) {
                        value = value.scaleByPowerOfTen(fact.scale());
                    }
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (value == null) {
                continue;
            }
            QuantityKind kind = code != null ? QuantityKind.MONEY : QuantityKind.COUNT;
            String u = code != null ? code : (fact.unit() == null ? null : fact.unit().toLowerCase(Locale.ROOT));
            if (code == null && (u == null || u.contains("pure"))) {
                continue;
            }
            found.removeIf(q -> q.start() < fact.end() && fact.start() < q.end());
            BigDecimal v = clean(value);
            found.add(new Quantity(kind, text.substring(fact.start(), fact.end()), fact.start(), fact.end(), v, u,
                    null, null, false, v.toPlainString() + " " + u));
        }
    }

    private static List<Quantity> removeOverlaps(List<Quantity> found) {
        found.sort(Comparator.comparingInt(Quantity::start).thenComparing(q -> -(q.end() - q.start())));
        List<Quantity> out = new ArrayList<>(found.size());
        int lastEnd = -1;
        for (Quantity q : found) {
            if (q.start() >= lastEnd) {
                out.add(q);
                lastEnd = q.end();
            }
        }
        return out;
    }
}
