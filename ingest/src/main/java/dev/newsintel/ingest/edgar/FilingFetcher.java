package dev.newsintel.ingest.edgar;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Ids;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.DeadLetters;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.http.CharsetDetector;
import dev.newsintel.ingest.http.FetchException;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;

/**
 * Fetches one filing: its index page, then the primary document and every EX-99 exhibit, each a
 * {@link RawDocument} with the filing's metadata ({@link MetadataKeys}) and the id
 * {@code Ids.forFiling(accession, fileName)}.
 *
 * <p>A permanent failure (the index or a document is gone, the index is not an index) is returned as a dead
 * letter with the reason, so the filing is not tried forever; a transient one (time-out, 5xx, EDGAR's pause) is
 * thrown, and the whole filing is tried again on the next pass.
 */
public final class FilingFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(FilingFetcher.class);
    private static final int MAX_INDEX_BYTES = 4 * 1024 * 1024;

    private final EdgarClient edgar;
    private final Clock clock;
    private final IngestMetrics metrics;

    /** The documents of a filing and what could not be fetched. */
    public record Result(List<RawDocument> documents, List<DeadLetter> deadLetters) {
    }

    public FilingFetcher(EdgarClient edgar, Clock clock, IngestMetrics metrics) {
        this.edgar = edgar;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Result fetch(FilingRef ref, String sourceId) throws FetchException, InterruptedException {
        URI indexUri = edgar.filingIndex(ref.cik(), ref.accessionNumber());
        FetchResult indexPage;
        try {
            indexPage = edgar.fetch(FetchRequest.get(indexUri, MAX_INDEX_BYTES).accepting("text/html"));
        } catch (FetchException e) {
            if (e.transientFailure()) {
                throw e;
            }
            metrics.failed(sourceId, "fetch");
            return new Result(List.of(), List.of(DeadLetters.of(DeadLetters.EDGAR, indexUri.toString(),
                    ref.accessionNumber(), e, null, clock.instant())));
        }
        FilingIndex index;
        try {
            index = FilingIndex.parse(indexPage.body(), indexPage.uri().toString());
        } catch (IllegalArgumentException e) {
            metrics.failed(sourceId, "parse");
            return new Result(List.of(), List.of(DeadLetters.of(DeadLetters.EDGAR, indexUri.toString(),
                    ref.accessionNumber(), e, indexPage.body(), clock.instant())));
        }
        Map<String, String> filing = filingMetadata(ref, index, indexUri);
        Instant acceptedAt = ref.acceptedAt() != null ? ref.acceptedAt() : index.acceptedAt();
        Instant publishedAt = acceptedAt != null ? acceptedAt
                : ref.filedAt() != null ? ref.filedAt().atStartOfDay(ZoneOffset.UTC).toInstant()
                : index.filedAt() != null ? index.filedAt().atStartOfDay(ZoneOffset.UTC).toInstant() : null;

        Map<String, FilingIndex.Document> wanted = new LinkedHashMap<>();
        FilingIndex.Document primary = null;
        if (ref.primaryDocument() != null) {
            String name = ref.primaryDocument().substring(ref.primaryDocument().lastIndexOf('/') + 1);
            primary = index.documents().stream().filter(d -> d.fileName().equalsIgnoreCase(name)).findFirst()
                    .orElse(null);
        }
        if (primary == null) {
            primary = index.primaryDocument(filing.get(MetadataKeys.FORM));
        }
        if ((primary == null || primary.fileName().isBlank()) && index.completeSubmission() != null) {
            // Old filings list their documents without file names: the full submission text holds them all.
            primary = index.completeSubmission();
        }
        if (primary != null && !primary.fileName().isBlank()) {
            wanted.put(primary.fileName(), primary);
            filing.put(MetadataKeys.PRIMARY_DOCUMENT, primary.fileName());
        }
        for (FilingIndex.Document exhibit : index.ex99Exhibits()) {
            wanted.putIfAbsent(exhibit.fileName(), exhibit);
        }
        List<RawDocument> documents = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        if (wanted.isEmpty()) {
            deadLetters.add(DeadLetters.of(DeadLetters.EDGAR, indexUri.toString(), ref.accessionNumber(),
                    "The filing index lists no primary document", IllegalArgumentException.class.getName(),
                    indexPage.body(), clock.instant()));
        }
        for (FilingIndex.Document d : wanted.values()) {
            URI uri = edgar.rebase(d.link());
            FetchResult result;
            try {
                result = edgar.fetch(FetchRequest.get(uri, edgar.settings().maxDocumentBytes()));
            } catch (FetchException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                metrics.failed(sourceId, "fetch");
                LOG.warn("Filing {}: {} could not be fetched: {}", ref.accessionNumber(), uri, e.getMessage());
                deadLetters.add(DeadLetters.of(DeadLetters.EDGAR, uri.toString(),
                        Ids.forFiling(ref.accessionNumber(), d.fileName()), e, null, clock.instant()));
                continue;
            }
            metrics.fetched(sourceId);
            Map<String, String> metadata = new HashMap<>(filing);
            if (d != primary) {
                metadata.put(MetadataKeys.EXHIBIT, d.type().toUpperCase(Locale.ROOT));
            }
            if (!d.description().isBlank()) {
                metadata.put(MetadataKeys.DESCRIPTION, d.description());
            }
            CharsetDetector.Detected charset = CharsetDetector.detect(result.body(), result.charset());
            metadata.put(MetadataKeys.CHARSET_SOURCE, charset.source());
            if (result.truncated()) {
                metrics.truncated(sourceId);
            }
            documents.add(new RawDocument(RawDocument.SCHEMA_VERSION, Ids.forFiling(ref.accessionNumber(),
                    d.fileName()), DocumentKind.FILING, sourceId, result.uri().toString(),
                    result.contentType() != null ? result.contentType() : contentTypeOf(d.fileName()),
                    charset.charset().name(), result.fetchedAt(), publishedAt, metadata, result.body(),
                    result.truncated(), result.originalLength()));
        }
        return new Result(documents, deadLetters);
    }

    private static Map<String, String> filingMetadata(FilingRef ref, FilingIndex index, URI indexUri) {
        Map<String, String> m = new HashMap<>();
        FilingIndex.Company subject = index.subjectCompany();
        put(m, MetadataKeys.CIK, ref.cik());
        put(m, MetadataKeys.COMPANY, ref.company() != null ? ref.company() : subject == null ? null : subject.name());
        put(m, MetadataKeys.TICKER, ref.ticker());
        put(m, MetadataKeys.FORM, ref.form() != null ? ref.form() : index.form());
        put(m, MetadataKeys.ACCESSION_NUMBER, ref.accessionNumber());
        var filed = ref.filedAt() != null ? ref.filedAt() : index.filedAt();
        put(m, MetadataKeys.FILED_AT, filed == null ? null : filed.toString());
        Instant accepted = ref.acceptedAt() != null ? ref.acceptedAt() : index.acceptedAt();
        put(m, MetadataKeys.ACCEPTED_AT, accepted == null ? null : accepted.toString());
        List<String> items = !ref.items().isEmpty() ? ref.items() : index.items();
        put(m, MetadataKeys.ITEMS, items.isEmpty() ? null : String.join(",", items));
        var period = ref.periodOfReport() != null ? ref.periodOfReport() : index.periodOfReport();
        put(m, MetadataKeys.PERIOD_OF_REPORT, period == null ? null : period.toString());
        put(m, MetadataKeys.FILING_INDEX_URL, indexUri.toString());
        return m;
    }

    private static String contentTypeOf(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".htm") || f.endsWith(".html")) {
            return "text/html";
        }
        if (f.endsWith(".xml")) {
            return "application/xml";
        }
        if (f.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "text/plain";
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
