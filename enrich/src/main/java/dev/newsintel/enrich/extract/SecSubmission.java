package dev.newsintel.enrich.extract;

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

/**
 * An EDGAR full-submission file ({@code <accession>.txt}): the SGML header the SEC writes (form, filer, dates,
 * item descriptions) and the documents filed, each with its type, file name and raw body.
 *
 * @param acceptedAt the SEC's acceptance time (Eastern time in the header), as an instant
 */
public record SecSubmission(String accessionNumber, String form, String company, String cik, LocalDate filedAt,
                            Instant acceptedAt, String periodOfReport, List<String> itemDescriptions,
                            List<Document> documents) {

    /** One {@code <DOCUMENT>} of the submission; {@code body} is what stands between {@code <TEXT>} tags. */
    public record Document(String type, String sequence, String filename, String description, String body) {
        /** HTML (or XHTML inline XBRL) rather than plain text. */
        public boolean isHtml() {
            String head = body.length() > 2048 ? body.substring(0, 2048) : body;
            String lower = head.toLowerCase(Locale.ROOT);
            return lower.contains("<html") || lower.contains("<body") || lower.contains("<div")
                    || lower.contains("<p ") || lower.contains("<p>") || lower.contains("<table");
        }

        /** Encoded binaries (images, PDFs, zip files) and machine-readable XBRL: no reading text. */
        public boolean isBinaryOrData() {
            String t = type.toUpperCase(Locale.ROOT);
            String head = body.length() > 256 ? body.substring(0, 256) : body;
            return t.equals("GRAPHIC") || t.equals("ZIP") || t.equals("PDF") || t.equals("EXCEL") || t.equals("JSON")
                    || t.equals("XML") || t.startsWith("EX-101") || head.stripLeading().startsWith("begin ")
                    || head.contains("<PDF>");
        }
    }

    private static final ZoneId EDGAR_ZONE = ZoneId.of("America/New_York");
    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*([A-Z][A-Z0-9 ()/-]+):\\s*(.*?)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern ACCEPTANCE = Pattern.compile("<ACCEPTANCE-DATETIME>\\s*(\\d{14})");
    private static final int MAX_DOCUMENTS = 500;

    /** Parses a submission; a file without header or documents gives empty fields, never an exception. */
    public static SecSubmission parse(String submission) {
        int headerEnd = submission.indexOf("</SEC-HEADER>");
        if (headerEnd < 0) {
            headerEnd = submission.indexOf("</IMS-HEADER>");
        }
        int firstDocument = submission.indexOf("<DOCUMENT>");
        String header = submission.substring(0, headerEnd >= 0 ? headerEnd
                : firstDocument >= 0 ? firstDocument : Math.min(submission.length(), 16384));
        String accession = null;
        String form = null;
        String company = null;
        String cik = null;
        String filed = null;
        String period = null;
        List<String> items = new ArrayList<>();
        Matcher line = HEADER_LINE.matcher(header);
        while (line.find()) {
            String key = line.group(1).strip();
            String value = line.group(2).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "ACCESSION NUMBER" -> accession = accession == null ? value : accession;
                case "CONFORMED SUBMISSION TYPE" -> form = form == null ? value : form;
                case "COMPANY CONFORMED NAME" -> company = company == null ? value : company;
                case "CENTRAL INDEX KEY" -> cik = cik == null ? value : cik;
                case "FILED AS OF DATE" -> filed = filed == null ? value : filed;
                case "CONFORMED PERIOD OF REPORT" -> period = period == null ? value : period;
                case "ITEM INFORMATION" -> items.add(value);
                default -> {
                }
            }
        }
        Instant accepted = null;
        Matcher acceptance = ACCEPTANCE.matcher(header);
        if (acceptance.find()) {
            try {
                accepted = LocalDateTime.parse(acceptance.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .atZone(EDGAR_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                accepted = null;
            }
        }
        LocalDate filedAt = null;
        if (filed != null && filed.matches("\\d{8}")) {
            try {
                filedAt = LocalDate.parse(filed, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                filedAt = null;
            }
        }
        List<Document> documents = new ArrayList<>();
        int from = 0;
        while (documents.size() < MAX_DOCUMENTS) {
            int start = submission.indexOf("<DOCUMENT>", from);
            if (start < 0) {
                break;
            }
            int end = submission.indexOf("</DOCUMENT>", start);
            String block = submission.substring(start + "<DOCUMENT>".length(), end < 0 ? submission.length() : end);
            int textStart = block.indexOf("<TEXT>");
            String meta = textStart >= 0 ? block.substring(0, textStart) : block;
            String body = "";
            if (textStart >= 0) {
                int textEnd = block.lastIndexOf("</TEXT>");
                body = block.substring(textStart + "<TEXT>".length(), textEnd > textStart ? textEnd : block.length());
            }
            documents.add(new Document(tag(meta, "TYPE"), tag(meta, "SEQUENCE"), tag(meta, "FILENAME"),
                    tag(meta, "DESCRIPTION"), stripXbrlWrapper(body)));
            if (end < 0) {
                break;
            }
            from = end + "</DOCUMENT>".length();
        }
        return new SecSubmission(accession, form, company, cik, filedAt, accepted, period, List.copyOf(items),
                List.copyOf(documents));
    }

    /** The value of an SGML field ({@code <TYPE>8-K}) in a document's preamble, or "". */
    private static String tag(String meta, String name) {
        int i = meta.indexOf("<" + name + ">");
        if (i < 0) {
            return "";
        }
        int start = i + name.length() + 2;
        int end = meta.indexOf('\n', start);
        int nextTag = meta.indexOf('<', start);
        if (end < 0 || nextTag >= 0 && nextTag < end) {
            end = nextTag < 0 ? meta.length() : nextTag;
        }
        return meta.substring(start, end).strip();
    }

    private static String stripXbrlWrapper(String body) {
        String b = body.strip();
        if (b.startsWith("<XBRL>")) {
            b = b.substring("<XBRL>".length());
            int end = b.lastIndexOf("</XBRL>");
            if (end >= 0) {
                b = b.substring(0, end);
            }
        }
        return b;
    }
}
