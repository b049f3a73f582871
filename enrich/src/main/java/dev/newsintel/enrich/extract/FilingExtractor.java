package dev.newsintel.enrich.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.newsintel.events.Filing;
import dev.newsintel.events.Filing.FilingSection;
import dev.newsintel.events.Filing.XbrlFact;
import dev.newsintel.events.RawDocument;

/**
 * SEC filings: the full-submission text file, a filing's HTML document (inline XBRL or not) and plain-text filing
 * documents.
 *
 * <p>The text is the primary document, then each EX-99 exhibit (the press release an 8-K furnishes) as a section
 * of its own; tables read as {@code cell | cell} rows; inline-XBRL tags read as their text, with each numeric fact
 * kept as an {@link XbrlFact} (value, scale, unit, period, offsets). The items ({@link FilingSections}) and the
 * header (form, filer, CIK, accession, dates, items) fill the {@link Filing}; ingest's metadata wins where it
 * is given, the document's own cover page fills what is left.
 */
public final class FilingExtractor {
    private static final Pattern FORM_ON_COVER = Pattern.compile(
            "(?i)\\bform\\s+(8-K(?:/A)?|10-K(?:/A)?|10-Q(?:/A)?|6-K|20-F|40-F|S-1|DEF 14A)\\b");
    private static final Pattern EXHIBIT_LABEL = Pattern.compile("(?i)^\\s*(?:exhibit|ex-)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern CIK = Pattern.compile("\\d{1,10}");
    private static final String SITE = "SEC EDGAR";

    private final ExtractionLimits limits;

    public FilingExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    /** A whole EDGAR submission ({@code <SEC-DOCUMENT>}): primary document and EX-99 exhibits. */
    Extraction fromSubmission(String body, RawDocument raw) {
        SecSubmission submission = SecSubmission.parse(body);
        StringBuilder text = new StringBuilder();
        List<FilingSection> sections = new ArrayList<>();
        List<XbrlFact> facts = new ArrayList<>();
        InlineXbrl.Cover cover = new InlineXbrl.Cover(Map.of());
        String exhibitTitle = null;
        int primaryEnd = -1;
        boolean first = true;
        for (SecSubmission.Document document : submission.documents()) {
            boolean primary = first;
            boolean exhibit99 = document.type().toUpperCase(Locale.ROOT).startsWith("EX-99");
            first = false;
            if (document.isBinaryOrData() || !primary && !exhibit99) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            int start = text.length();
            Rendered rendered = render(document.body(), document.isHtml());
            text.append(rendered.text);
            for (XbrlFact fact : InlineXbrl.facts(rendered.spans, rendered.periods, start)) {
                facts.add(fact);
            }
            if (primary) {
                primaryEnd = text.length();
                cover = rendered.cover;
            } else {
                String title = PageMetadata.firstNonBlank(document.description(), document.type());
                sections.add(new FilingSection(document.type(), title, start, text.length()));
                if (exhibitTitle == null) {
                    exhibitTitle = headline(rendered.text);
                }
            }
        }
        String form = PageMetadata.firstNonBlank(raw.metadata("form"), submission.form(),
                cover.get("DocumentType"));
        if (primaryEnd > 0) {
            sections.addAll(0, FilingSections.split(text.toString(), 0, primaryEnd, isQuarterly(form)));
        }
        List<String> items = items(raw, submission.itemDescriptions(), sections, form);
        Filing filing = new Filing(
                cik(PageMetadata.firstNonBlank(raw.metadata("cik"), submission.cik(),
                        cover.get("EntityCentralIndexKey"))),
                PageMetadata.firstNonBlank(raw.metadata("company"), submission.company(),
                        cover.get("EntityRegistrantName")),
                PageMetadata.firstNonBlank(raw.metadata("ticker"), cover.get("TradingSymbol")),
                form,
                PageMetadata.firstNonBlank(raw.metadata("accessionNumber"), submission.accessionNumber()),
                date(raw.metadata("filedAt"), submission.filedAt()),
                instant(raw.metadata("acceptedAt"), submission.acceptedAt()),
                items, sections, facts, raw.metadata("exhibit"));
        return extraction(filing, text.toString(), raw, exhibitTitle);
    }

    /** One filing document in HTML: a primary document (cover page, items) or an exhibit. */
    Extraction fromHtml(String html, RawDocument raw) {
        Rendered rendered = render(html, true);
        String exhibit = PageMetadata.firstNonBlank(raw.metadata("exhibit"), exhibitLabel(rendered.text));
        String form = PageMetadata.firstNonBlank(raw.metadata("form"), rendered.cover.get("DocumentType"),
                exhibit == null ? formOnCover(rendered.text) : null);
        List<FilingSection> sections = exhibit == null
                ? FilingSections.split(rendered.text, 0, rendered.text.length(), isQuarterly(form)) : List.of();
        List<XbrlFact> facts = InlineXbrl.facts(rendered.spans, rendered.periods, 0);
        Filing filing = new Filing(
                cik(PageMetadata.firstNonBlank(raw.metadata("cik"), rendered.cover.get("EntityCentralIndexKey"))),
                companyOf(raw, rendered.cover.get("EntityRegistrantName"), exhibit == null ? rendered.text : null),
                PageMetadata.firstNonBlank(raw.metadata("ticker"), rendered.cover.get("TradingSymbol")),
                form, raw.metadata("accessionNumber"), date(raw.metadata("filedAt"), null),
                instant(raw.metadata("acceptedAt"), null),
                items(raw, List.of(), sections, form), sections, facts, exhibit);
        return extraction(filing, rendered.text, raw, exhibit != null ? headline(rendered.text) : null);
    }

    /** A filing document that is plain text (older filings, text exhibits). */
    Extraction fromText(String body, RawDocument raw) {
        String text = plainText(body);
        String form = PageMetadata.firstNonBlank(raw.metadata("form"), formOnCover(text));
        List<FilingSection> sections = FilingSections.split(text, 0, text.length(), isQuarterly(form));
        Filing filing = new Filing(cik(raw.metadata("cik")),
                companyOf(raw, null, text), raw.metadata("ticker"),
                form, raw.metadata("accessionNumber"), date(raw.metadata("filedAt"), null),
                instant(raw.metadata("acceptedAt"), null), items(raw, List.of(), sections, form), sections,
                List.of(), raw.metadata("exhibit"));
        return extraction(filing, text, raw, null);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Extraction extraction(Filing filing, String text, RawDocument raw, String exhibitHeadline) {
        String title = raw.metadata("title");
        if (title == null) {
            StringBuilder t = new StringBuilder();
            if (filing.company() != null) {
                t.append(filing.company());
            }
            if (filing.form() != null) {
                t.append(t.isEmpty() ? "" : " ").append("Form ").append(filing.form());
            }
            if (filing.exhibit() != null) {
                t.append(t.isEmpty() ? "" : " ").append(filing.exhibit());
            }
            if (exhibitHeadline != null) {
                t.append(t.isEmpty() ? "" : ": ").append(exhibitHeadline);
            } else if (!filing.items().isEmpty()) {
                t.append(" (Item ").append(String.join(", ", filing.items())).append(')');
            }
            title = t.isEmpty() ? headline(text) : t.toString();
        }
        Instant published = filing.acceptedAt() != null ? filing.acceptedAt()
                : filing.filedAt() != null ? filing.filedAt().atStartOfDay(ZoneOffset.UTC).toInstant()
                : raw.publishedAt() != null ? raw.publishedAt()
                : datedOnTheDocument(filing, text);
        return new Extraction(title, text, published, filing.company(), LanguageDetector.detect(text, "en"), SITE,
                filing, Map.of());
    }

    private static final Pattern REGISTRANT_LABEL = Pattern.compile(
            "(?i)\\(?\\s*exact\\s+name\\s+of\\s+registrants?\\s+as\\s+specified\\s+in\\s+(its|their)?\\s*charters?");
    /** How far into a filing document its cover page (or an exhibit's dateline) lies. */
    private static final int COVER_CHARS = 6_000;
    private static final Pattern DATE_OF_REPORT = Pattern.compile(
            "date\\s+of\\s+report\\s*(?:\\(\\s*date\\s+of\\s+earliest\\s+event\\s+reported\\s*\\))?\\s*:?",
            Pattern.CASE_INSENSITIVE);

    /**
     * The date a filing document gives itself, for one that comes without EDGAR's (a folder of filings replayed with
     * {@code --replay}, the sample corpus): the cover page's date of report, or an exhibit's dateline ("SANTA CLARA,
     * Calif., Aug. 20, 2026 --"). Without it the document would be dated when it was read, months after the news
     * about the same event, and never share its story.
     */
    static Instant datedOnTheDocument(Filing filing, String text) {
        String head = text.length() > COVER_CHARS ? text.substring(0, COVER_CHARS) : text;
        if (filing.exhibit() != null) {
            return Dates.find(head);
        }
        Matcher label = DATE_OF_REPORT.matcher(head);
        if (!label.find()) {
            return null;
        }
        // "Date of Report (...): March 11, 2026", or the date above its label: "November 22, 2024 Date of Report".
        Instant after = Dates.find(head.substring(label.end(), Math.min(head.length(), label.end() + 60)));
        return after != null ? after : Dates.find(head.substring(Math.max(0, label.start() - 60), label.start()));
    }

    /** Rendered text of one document, with the spans of its numeric facts and its cover facts. */
    private record Rendered(String text, Map<org.jsoup.nodes.Element, int[]> spans, Map<String, String> periods,
                            InlineXbrl.Cover cover) {
    }

    private Rendered render(String body, boolean html) {
        if (!html) {
            return new Rendered(plainText(body), Map.of(), Map.of(), new InlineXbrl.Cover(Map.of()));
        }
        Document page = Jsoup.parse(body);
        InlineXbrl.Cover cover = InlineXbrl.cover(page);
        Map<String, String> periods = InlineXbrl.periods(page);
        HtmlText.Rendered rendered = HtmlText.render(page.body(), InlineXbrl::isNumericFact);
        return new Rendered(rendered.text(), rendered.spans(), periods, cover);
    }

    /** EDGAR plain text: page markers and the old SGML table tags go; line structure stays. */
    static String plainText(String body) {
        String[] lines = body.replace("\r", "").split("\n", -1);
        StringBuilder out = new StringBuilder(body.length());
        int blank = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            String tag = l.strip().toUpperCase(Locale.ROOT);
            if (tag.equals("<PAGE>") || tag.matches("</?(TABLE|CAPTION|S|C|FN|PRE)>(\\s*<C>)*")) {
                continue;
            }
            l = l.replaceAll("(?i)</?(?:S|C|FN)>", "  ");
            if (l.isBlank()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(l.strip().replaceAll("[ \\t]{2,}", "  "));
        }
        return out.toString();
    }

    private static List<String> items(RawDocument raw, List<String> descriptions, List<FilingSection> sections,
                                      String form) {
        String given = raw.metadata("items");
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (!descriptions.isEmpty()) {
            List<String> codes = FilingSections.codesFromDescriptions(descriptions);
            if (!codes.isEmpty()) {
                return codes;
            }
        }
        if (form == null || !form.toUpperCase(Locale.ROOT).startsWith("8-K")) {
            return List.of();
        }
        return sections.stream().map(FilingSection::item).filter(FilingSections.FORM_8K_ITEMS::containsKey)
                .distinct().sorted().toList();
    }

    private static boolean isQuarterly(String form) {
        return form != null && form.toUpperCase(Locale.ROOT).startsWith("10-Q");
    }

    private static String formOnCover(String text) {
        Matcher m = FORM_ON_COVER.matcher(text.length() > 4000 ? text.substring(0, 4000) : text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /**
     * The company as EDGAR (through ingest) or the cover's {@code dei:} fact names it, else as the cover page prints
     * it: the cover is read only then, since ingest names the filer of nearly every filing.
     *
     * @param cover the document's text when it may have a cover page (not an exhibit), else null
     */
    private static String companyOf(RawDocument raw, String deiName, String cover) {
        String named = PageMetadata.firstNonBlank(raw.metadata("company"), deiName);
        return named != null || cover == null ? named : registrantOnCover(cover);
    }

    /**
     * The registrant's name as its cover page prints it, on the line above "(Exact name of registrant as specified
     * in its charter)": what names the filer of a document read without EDGAR's metadata (a replayed folder).
     */
    static String registrantOnCover(String text) {
        Matcher m = REGISTRANT_LABEL.matcher(text.length() > COVER_CHARS ? text.substring(0, COVER_CHARS) : text);
        if (!m.find()) {
            return null;
        }
        String[] lines = text.substring(0, m.start()).split("\n");
        for (int i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
            String line = lines[i].strip();
            if (line.contains(" | ")) {
                line = line.substring(0, line.indexOf(" | ")).strip(); // a cover laid out as a table
            }
            if (!line.isEmpty()) {
                return line.length() <= 150 && line.chars().anyMatch(Character::isLetter) && !line.startsWith("(")
                        ? line : null;
            }
        }
        return null;
    }

    private static String exhibitLabel(String text) {
        Matcher m = EXHIBIT_LABEL.matcher(text.length() > 200 ? text.substring(0, 200) : text);
        return m.find() ? "EX-" + m.group(1) : null;
    }

    /** The first paragraph that reads like a headline: a few words, not a label like "Exhibit 99.1". */
    static String headline(String text) {
        for (String paragraph : text.split("\n+", 12)) {
            String p = paragraph.strip();
            int words = PlainTextCleaner.words(p);
            if (words >= 4 && p.length() <= 250 && !EXHIBIT_LABEL.matcher(p).find() && !p.contains(" | ")) {
                return p;
            }
        }
        return null;
    }

    private static String cik(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        if (!CIK.matcher(digits).matches()) {
            return null;
        }
        return "0".repeat(10 - digits.length()) + digits;
    }

    private static LocalDate date(String given, LocalDate fallback) {
        if (given != null && !given.isBlank()) {
            try {
                String g = given.strip();
                return g.matches("\\d{8}") ? LocalDate.parse(g, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        : LocalDate.parse(g.length() > 10 ? g.substring(0, 10) : g);
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Instant instant(String given, Instant fallback) {
        Instant parsed = Dates.parse(given);
        return parsed != null ? parsed : fallback;
    }
}
