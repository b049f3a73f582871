package dev.newsintel.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsintel.events.Filing.FilingSection;

/**
 * Splits a filing's text into its items ("Item 2.02 Results of Operations...", "Item 1A. Risk Factors").
 *
 * <p>An item starts at a line that begins with "Item" and an item number, and ends where the next item starts,
 * or at the signature block: sub-headings inside an item (bold titles, "(b)" paragraphs) never end it. A table of
 * contents lists every item once before the items themselves; such an entry (a heading followed by almost no text,
 * repeated later) is dropped in favour of the real heading. In a 10-Q, items are numbered within parts, so they
 * are named {@code I.2}, {@code II.1A}.
 */
public final class FilingSections {
    /** The SEC's Form 8-K items, by code: how the header's "ITEM INFORMATION" lines become codes. */
    public static final Map<String, String> FORM_8K_ITEMS = form8kItems();

    private static final Pattern ITEM = Pattern.compile(
            "(?im)^[ \\t|]*item[ \\t\\u00A0]*(\\d{1,2}(?:\\.\\d{2}|[A-C])?)\\b[ \\t\\u00A0]*[.:\\-–—|]?[ \\t\\u00A0|]*"
                    + "([^\\n]{0,300})$");
    private static final Pattern PART = Pattern.compile("(?im)^[ \\t|]*part[ \\t\\u00A0]+(I{1,3}|IV)\\b[^\\n]{0,200}$");
    private static final Pattern SIGNATURES = Pattern.compile("(?im)^[ \\t|]*signatures?[ \\t.:]*$");
    private static final int TOC_ENTRY_CHARS = 120;
    /** A table-of-contents line ends with the page the item starts on. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s\\d{1,3}$");

    private FilingSections() {
    }

    /**
     * @param text   the filing document's text
     * @param from   where the primary document starts in {@code text}
     * @param to     where it ends (exhibits follow)
     * @param byPart name items within parts (10-Q)
     */
    public static List<FilingSection> split(String text, int from, int to, boolean byPart) {
        String scope = text.substring(from, to);
        record Heading(String item, String title, int start) {
        }
        List<int[]> parts = new ArrayList<>();
        List<String> partNames = new ArrayList<>();
        if (byPart) {
            Matcher p = PART.matcher(scope);
            while (p.find()) {
                parts.add(new int[]{p.start()});
                partNames.add(p.group(1).toUpperCase(Locale.ROOT));
            }
        }
        List<Heading> headings = new ArrayList<>();
        Matcher m = ITEM.matcher(scope);
        while (m.find()) {
            String code = m.group(1).toUpperCase(Locale.ROOT);
            if (byPart) {
                String part = null;
                for (int i = 0; i < parts.size() && parts.get(i)[0] <= m.start(); i++) {
                    part = partNames.get(i);
                }
                if (part != null) {
                    code = part + "." + code;
                }
            }
            String title = m.group(2).replaceAll("[|]", " ").replaceAll("\\s+", " ").strip()
                    .replaceFirst("[.:]+$", "");
            int lineStart = m.start();
            while (lineStart < scope.length() && (scope.charAt(lineStart) == ' ' || scope.charAt(lineStart) == '\t'
                    || scope.charAt(lineStart) == '|')) {
                lineStart++;
            }
            headings.add(new Heading(code, title.length() > 200 ? title.substring(0, 200) : title, lineStart));
        }
        int end = scope.length();
        Matcher signatures = SIGNATURES.matcher(scope);
        int lastHeading = headings.isEmpty() ? 0 : headings.get(headings.size() - 1).start;
        while (signatures.find()) {
            if (signatures.start() > lastHeading) {
                end = signatures.start();
                break;
            }
        }
        // Table-of-contents entries: almost no text before the next heading, and the same item comes again.
        List<Heading> kept = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int next = i + 1 < headings.size() ? headings.get(i + 1).start : end;
            boolean repeatedLater = false;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).item.equals(h.item)) {
                    repeatedLater = true;
                    break;
                }
            }
            if (repeatedLater && (next - h.start < TOC_ENTRY_CHARS + h.title.length()
                    || PAGE_NUMBER.matcher(h.title).find())) {
                continue;
            }
            kept.add(h);
        }
        List<FilingSection> sections = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Heading h = kept.get(i);
            int sectionEnd = i + 1 < kept.size() ? kept.get(i + 1).start : Math.max(end, h.start);
            if (sectionEnd <= h.start) {
                continue;
            }
            int trimmed = sectionEnd;
            while (trimmed > h.start && Character.isWhitespace(scope.charAt(trimmed - 1))) {
                trimmed--;
            }
            sections.add(new FilingSection(h.item, h.title.isEmpty() ? null : h.title, from + h.start,
                    from + trimmed));
        }
        return sections;
    }

    /** 8-K item codes ({@code 2.02}) from the header's item descriptions, in code order. */
    public static List<String> codesFromDescriptions(List<String> descriptions) {
        TreeSet<String> codes = new TreeSet<>();
        for (String description : descriptions) {
            String d = normalise(description);
            for (Map.Entry<String, String> item : FORM_8K_ITEMS.entrySet()) {
                String known = normalise(item.getValue());
                if (d.equals(known) || d.startsWith(known) || known.startsWith(d) && d.length() > 20) {
                    codes.add(item.getKey());
                    break;
                }
            }
        }
        return List.copyOf(codes);
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Map<String, String> form8kItems() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1.01", "Entry into a Material Definitive Agreement");
        m.put("1.02", "Termination of a Material Definitive Agreement");
        m.put("1.03", "Bankruptcy or Receivership");
        m.put("1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations");
        m.put("1.05", "Material Cybersecurity Incidents");
        m.put("2.01", "Completion of Acquisition or Disposition of Assets");
        m.put("2.02", "Results of Operations and Financial Condition");
        m.put("2.03", "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
                + "Arrangement of a Registrant");
        m.put("2.04", "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an "
                + "Obligation under an Off-Balance Sheet Arrangement");
        m.put("2.05", "Costs Associated with Exit or Disposal Activities");
        m.put("2.06", "Material Impairments");
        m.put("3.01", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer "
                + "of Listing");
        m.put("3.02", "Unregistered Sales of Equity Securities");
        m.put("3.03", "Material Modification to Rights of Security Holders");
        m.put("4.01", "Changes in Registrant's Certifying Accountant");
        m.put("4.02", "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
                + "Completed Interim Review");
        m.put("5.01", "Changes in Control of Registrant");
        m.put("5.02", "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
                + "Officers; Compensatory Arrangements of Certain Officers");
        m.put("5.03", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year");
        m.put("5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans");
        m.put("5.05", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of "
                + "Ethics");
        m.put("5.06", "Change in Shell Company Status");
        m.put("5.07", "Submission of Matters to a Vote of Security Holders");
        m.put("5.08", "Shareholder Director Nominations");
        m.put("6.01", "ABS Informational and Computational Material");
        m.put("6.02", "Change of Servicer or Trustee");
        m.put("6.03", "Change in Credit Enhancement or Other External Support");
        m.put("6.04", "Failure to Make a Required Distribution");
        m.put("6.05", "Securities Act Updating Disclosure");
        m.put("7.01", "Regulation FD Disclosure");
        m.put("8.01", "Other Events");
        m.put("9.01", "Financial Statements and Exhibits");
        return java.util.Collections.unmodifiableMap(m);
    }
}
