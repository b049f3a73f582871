package dev.newsintel.ingest.edgar;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * A company's filings from {@code data.sec.gov/submissions/CIK##########.json}: the latest (up to 1,000 or a year)
 * in the columnar {@code filings.recent} arrays, older ones in the pages listed in {@code filings.files}, which
 * hold the same arrays at their top level.
 */
public record Submissions(String cik, String name, List<String> tickers, List<FilingRef> filings,
                          List<OlderPage> olderPages) {

    /** A page of older filings, with the filing dates it covers. */
    public record OlderPage(String name, LocalDate filingFrom, LocalDate filingTo, int filingCount) {
    }

    /**
     * @throws IllegalArgumentException when the JSON is not a submissions document
     */
    public static Submissions parse(byte[] json) {
        JsonNode root = read(json);
        String cik = root.path("cik").asText(null);
        if (cik == null || !root.path("filings").isObject()) {
            throw new IllegalArgumentException("Not an EDGAR submissions document: no \"cik\" or \"filings\"");
        }
        String name = root.path("name").asText(null);
        List<String> tickers = new ArrayList<>();
        root.path("tickers").forEach(t -> tickers.add(t.asText()));
        String ticker = tickers.isEmpty() ? null : tickers.get(0);
        List<FilingRef> filings = columns(root.path("filings").path("recent"), cik, name, ticker);
        List<OlderPage> pages = new ArrayList<>();
        for (JsonNode file : root.path("filings").path("files")) {
            pages.add(new OlderPage(file.path("name").asText(), date(file.path("filingFrom").asText(null)),
                    date(file.path("filingTo").asText(null)), file.path("filingCount").asInt()));
        }
        return new Submissions(Ciks.pad(cik), name, tickers, filings, pages);
    }

    /** An older-filings page: the same columns at the top level; company and ticker come from the main document. */
    public static List<FilingRef> parsePage(byte[] json, String cik, String company, String ticker) {
        JsonNode root = read(json);
        if (!root.path("accessionNumber").isArray()) {
            throw new IllegalArgumentException("Not an EDGAR submissions page: no \"accessionNumber\" array");
        }
        return columns(root, cik, company, ticker);
    }

    private static List<FilingRef> columns(JsonNode table, String cik, String company, String ticker) {
        JsonNode accession = table.path("accessionNumber");
        int n = accession.size();
        List<FilingRef> filings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String acc = accession.path(i).asText(null);
            if (acc == null || !acc.matches("\\d{10}-\\d{2}-\\d{6}")) {
                continue;
            }
            String items = cell(table, "items", i);
            filings.add(new FilingRef(acc, cik, company, ticker, cell(table, "form", i),
                    date(cell(table, "filingDate", i)), instant(cell(table, "acceptanceDateTime", i)),
                    items == null || items.isBlank() ? List.of()
                            : Arrays.stream(items.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    blankToNull(cell(table, "primaryDocument", i)), date(cell(table, "reportDate", i))));
        }
        return filings;
    }

    private static JsonNode read(byte[] json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("Not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed submissions JSON: " + e.getMessage(), e);
        }
    }

    private static String cell(JsonNode table, String column, int i) {
        JsonNode value = table.path(column).path(i);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2026-01-28T21:04:38.000Z}: UTC, as the API writes it. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
