package dev.newsintel.ingest.edgar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A filing found in a listing (the latest-filings feed, a company's submissions), before its documents are
 * fetched. Fields the listing does not give are null; the filing index fills them.
 *
 * @param cik             ten digits, zero-padded
 * @param items           8-K item codes ({@code 2.02}), empty when not listed
 * @param primaryDocument file name of the primary document when the listing names it (submissions API)
 */
public record FilingRef(String accessionNumber, String cik, String company, String ticker, String form,
                        LocalDate filedAt, Instant acceptedAt, List<String> items, String primaryDocument,
                        LocalDate periodOfReport) {
    public FilingRef {
        if (accessionNumber == null || !accessionNumber.matches("\\d{10}-\\d{2}-\\d{6}")) {
            throw new IllegalArgumentException("Not an accession number: " + accessionNumber);
        }
        if (cik == null || !cik.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("Not a CIK: " + cik + " (accession " + accessionNumber + ")");
        }
        cik = Ciks.pad(cik);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public FilingRef withTicker(String ticker) {
        return new FilingRef(accessionNumber, cik, company, ticker, form, filedAt, acceptedAt, items, primaryDocument,
                periodOfReport);
    }
}
