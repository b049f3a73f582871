package dev.newsintel.enrich.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.newsintel.events.Filing.XbrlFact;

/**
 * Inline XBRL in a filing's HTML: the numeric facts the filer tagged ({@code ix:nonFraction}), read with their
 * scale, sign and unit so that "95.2" tagged {@code scale="9" unitRef="usd"} is 95,200,000,000 USD, and the cover
 * page facts ({@code dei:*}: registrant, CIK, form, ticker). The tags themselves are read as their text; the hidden
 * header ({@code ix:header}) is never text.
 */
public final class InlineXbrl {
    /** Largest scale (power of ten) a fact's value is read with; beyond it the value is unknown. */
    static final int MAX_SCALE = 30;

    /** Cover-page (dei) facts by local name: {@code EntityRegistrantName}, {@code TradingSymbol}... */
    public record Cover(Map<String, String> facts) {
        public String get(String localName) {
            return facts.get(localName);
        }
    }

    private InlineXbrl() {
    }

    static boolean isNumericFact(Element e) {
        return e.normalName().equals("ix:nonfraction");
    }

    /** The dei facts of a page, first value of each. */
    public static Cover cover(Document page) {
        Map<String, String> facts = new HashMap<>();
        for (Element e : page.getElementsByTag("ix:nonnumeric")) {
            String name = e.attr("name");
            if (name.startsWith("dei:")) {
                facts.putIfAbsent(name.substring(4), e.text().strip());
            }
        }
        return new Cover(facts);
    }

    /** Period of each context id: an instant {@code 2025-01-26} or a duration {@code 2024-01-29/2025-01-26}. */
    static Map<String, String> periods(Document page) {
        Map<String, String> periods = new HashMap<>();
        for (Element context : page.getElementsByTag("xbrli:context")) {
            String id = context.id();
            if (id.isEmpty()) {
                continue;
            }
            Element instant = context.selectFirst("xbrli|instant");
            Element start = context.selectFirst("xbrli|startdate");
            Element end = context.selectFirst("xbrli|enddate");
            if (instant != null) {
                periods.put(id, instant.text().strip());
            } else if (start != null && end != null) {
                periods.put(id, start.text().strip() + "/" + end.text().strip());
            }
        }
        return periods;
    }

    /**
     * The numeric facts that were rendered, with their offsets shifted by {@code offset}.
     *
     * @param spans where each fact element's text lies in the rendered text
     */
    static List<XbrlFact> facts(Map<Element, int[]> spans, Map<String, String> periods, int offset) {
        List<XbrlFact> facts = new ArrayList<>();
        for (Map.Entry<Element, int[]> entry : spans.entrySet()) {
            Element e = entry.getKey();
            int[] span = entry.getValue();
            if (!isNumericFact(e) || span[0] < 0 || span[1] < span[0]) {
                continue;
            }
            String text = e.text().strip();
            Integer scale = integer(e.attr("scale"));
            BigDecimal value = value(text, e.attr("format"), scale, "-".equals(e.attr("sign")));
            facts.add(new XbrlFact(e.attr("name"), text, value, scale, emptyToNull(e.attr("unitRef")),
                    periods.get(e.attr("contextRef")), offset + span[0], offset + span[1]));
        }
        facts.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return facts;
    }

    /**
     * The value a fact states: its text read by its format ({@code ixt:num-dot-decimal} "1,234.5",
     * {@code ixt:num-comma-decimal} "1.234,5", {@code ixt:fixed-zero} "—"), times ten to the scale, sign applied.
     * Null when the text is not a number.
     */
    static BigDecimal value(String text, String format, Integer scale, boolean negative) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        String digits;
        if (f.contains("zero") || text.isEmpty() || text.equals("-") || text.equals("—") || text.equals("–")) {
            digits = "0";
        } else if (f.contains("comma-decimal") || f.contains("numcommadecimal")) {
            digits = text.replaceAll("[^0-9,]", "").replace(',', '.');
        } else {
            digits = text.replaceAll("[^0-9.]", "");
        }
        if (digits.isEmpty() || digits.equals(".")) {
            return null;
        }
        if (scale != null && Math.abs(scale) > MAX_SCALE) {
            // Filers scale by thousands, millions, billions (and -2 for percentages); a scale like 999999999 is a
            // broken or hostile document, and ten to that power does not fit in any number.
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(digits);
            if (scale != null) {
                value = value.scaleByPowerOfTen(scale);
            }
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            return negative ? value.negate() : value;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
