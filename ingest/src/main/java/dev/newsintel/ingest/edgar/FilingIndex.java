package dev.newsintel.ingest.edgar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A filing index page ({@code <accession>-index.htm}): the filing's form, dates, 8-K items, companies, and the
 * table of its documents with their types, which is how the primary document and the EX-99 exhibits (press
 * releases) are found.
 *
 * @param acceptedAt EDGAR's acceptance time; the page gives it in Eastern time
 */
public record FilingIndex(String form, LocalDate filedAt, Instant acceptedAt, LocalDate periodOfReport,
                          List<String> items, List<Company> companies, List<Document> documents) {

    private static final ZoneId EDGAR_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter ACCEPTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern ITEM = Pattern.compile("Item\\s+(\\d{1,2}\\.\\d{2})");
    private static final Pattern COMPANY = Pattern.compile("^(.*?)\\s*\\(([^)]+)\\)\\s*CIK");
    private static final Pattern CIK = Pattern.compile("(\\d{10})");

    /** A company named on the page with its role (Filer, Subject, Filed by, Issuer, Reporting). */
    public record Company(String name, String cik, String role) {
    }

    /**
     * One row of the document table.
     *
     * @param type     EDGAR's document type: the form for the primary document, {@code EX-99.1} for an exhibit
     * @param link     the link as on the page (root-relative, possibly through the inline-XBRL viewer)
     * @param fileName the document's file name
     */
    public record Document(int sequence, String description, String type, String link, String fileName, long size) {
    }

    public FilingIndex {
        items = List.copyOf(items);
        companies = List.copyOf(companies);
        documents = List.copyOf(documents);
    }

    /**
     * @throws IllegalArgumentException when the page has no document table (not a filing index)
     */
    public static FilingIndex parse(byte[] html, String baseUri) {
        org.jsoup.nodes.Document page;
        try {
            // null charset: jsoup reads the BOM or <meta charset> (EDGAR declares utf-8).
            page = Jsoup.parse(new java.io.ByteArrayInputStream(html), null, baseUri);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable filing index: " + e.getMessage(), e);
        }
        List<Document> documents = new ArrayList<>();
        for (Element table : page.select("table.tableFile")) {
            for (Element row : table.select("tr")) {
                List<Element> cells = row.select("td");
                if (cells.size() < 4) {
                    continue;
                }
                Element anchor = cells.get(2).selectFirst("a[href]");
                if (anchor == null) {
                    continue;
                }
                String type = cells.get(3).text().trim();
                documents.add(new Document(parseInt(cells.get(0).text()), cells.get(1).text().trim(), type,
                        anchor.attr("href"), anchor.text().trim(),
                        cells.size() > 4 ? parseLong(cells.get(4).text()) : -1));
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("Not an EDGAR filing index: no document table");
        }
        String form = null;
        Element formName = page.selectFirst("#formName strong");
        if (formName != null) {
            form = formName.text().replaceFirst("(?i)^Form\\s+", "").trim();
        }
        LocalDate filed = null;
        Instant accepted = null;
        LocalDate period = null;
        List<String> items = new ArrayList<>();
        for (Element head : page.select(".infoHead")) {
            Element info = head.nextElementSibling();
            if (info == null || !info.hasClass("info")) {
                continue;
            }
            switch (head.text().trim().toLowerCase(Locale.ROOT)) {
                case "filing date" -> filed = date(info.text());
                case "period of report" -> period = date(info.text());
                case "accepted" -> accepted = accepted(info.text());
                case "items" -> {
                    Matcher m = ITEM.matcher(info.text());
                    while (m.find()) {
                        if (!items.contains(m.group(1))) {
                            items.add(m.group(1));
                        }
                    }
                }
                default -> {
                }
            }
        }
        List<Company> companies = new ArrayList<>();
        for (Element name : page.select(".companyName")) {
            Matcher m = COMPANY.matcher(name.text());
            Matcher cik = CIK.matcher(name.text());
            if (m.find() && cik.find()) {
                companies.add(new Company(m.group(1).trim(), cik.group(1), m.group(2).trim()));
            }
        }
        return new FilingIndex(form, filed, accepted, period, items, companies, documents);
    }

    /** The primary document: the first row typed as the form itself (sequence 1 on EDGAR). */
    public Document primaryDocument(String formHint) {
        String f = form != null ? form : formHint;
        for (Document d : documents) {
            if (f != null && d.type().equalsIgnoreCase(f)) {
                return d;
            }
        }
        for (Document d : documents) {
            if (d.sequence() == 1 && !d.fileName().endsWith(".txt")) {
                return d;
            }
        }
        return null;
    }

    /**
     * The complete submission text file ({@code <accession>.txt}: every document of the filing in SGML), the only
     * way to a document of old filings whose index lists documents without file names.
     */
    public Document completeSubmission() {
        return documents.stream().filter(d -> d.fileName().toLowerCase(Locale.ROOT).endsWith(".txt")
                && d.fileName().matches("\\d{10}-\\d{2}-\\d{6}\\.txt")).findFirst().orElse(null);
    }

    /** The EX-99 exhibits (press releases, investor presentations): EX-99, EX-99.1, EX-99.01 ... */
    public List<Document> ex99Exhibits() {
        return documents.stream().filter(d -> !d.fileName().isBlank())
                .filter(d -> d.type().toUpperCase(Locale.ROOT).matches("EX-99(\\.\\d+)?[A-Z]?")).toList();
    }

    /** The company the filing is about: the Subject, else the Issuer, else the (first) Filer. */
    public Company subjectCompany() {
        for (String role : List.of("Subject", "Issuer", "Filer")) {
            for (Company c : companies) {
                if (c.role().equalsIgnoreCase(role)) {
                    return c;
                }
            }
        }
        return companies.isEmpty() ? null : companies.get(0);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant accepted(String text) {
        try {
            return LocalDateTime.parse(text.trim(), ACCEPTED).atZone(EDGAR_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
