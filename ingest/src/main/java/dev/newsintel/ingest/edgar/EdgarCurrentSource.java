package dev.newsintel.ingest.edgar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.ingest.Batch;
import dev.newsintel.ingest.CheckpointedSource;
import dev.newsintel.ingest.DeadLetters;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.SourceFailure;
import dev.newsintel.ingest.feed.FeedFormatException;
import dev.newsintel.ingest.http.FetchException;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;

/**
 * EDGAR's latest filings of one form type, polled page by page.
 *
 * <p>A pass reads pages (100 entries each) from the newest until a page holds nothing new, the feed ends (a short
 * page, or the HTTP 503 EDGAR returns when paging past its end) or {@code maxPages} pages were read; the first pass
 * of a new source reads one page only, so starting a source does not backfill thousands of filings. New filings
 * are then fetched oldest first, each committed with its accession number added to the checkpoint.
 */
public final class EdgarCurrentSource implements CheckpointedSource {
    private static final Logger LOG = LoggerFactory.getLogger(EdgarCurrentSource.class);
    /** Accession numbers remembered: more than the deepest catch-up a pass does (10 pages of 100). */
    static final int SEEN_LIMIT = 5000;
    private static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

    private final String id;
    private final String form;
    private final FormFilter filter;
    private final EdgarClient edgar;
    private final FilingFetcher filings;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final CurrentFeed parser = new CurrentFeed();

    public EdgarCurrentSource(String id, String form, EdgarClient edgar, FilingFetcher filings, Clock clock,
                              IngestMetrics metrics) {
        this.id = id;
        this.form = form;
        this.filter = FormFilter.parse(form);
        this.edgar = edgar;
        this.filings = filings;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PollOutcome poll(IngestCheckpoint checkpoint, BatchSink sink) throws Exception {
        boolean firstPass = checkpoint.seen().isEmpty() && checkpoint.cursor("initialized") == null;
        int pageSize = edgar.settings().pageSize();
        int maxPages = firstPass ? 1 : edgar.settings().maxPages();
        String typeParameter = form.endsWith("*") ? form.substring(0, form.length() - 1) : form;
        Map<String, FilingRef> fresh = new LinkedHashMap<>();
        for (int page = 0; page < maxPages; page++) {
            int start = page * pageSize;
            FetchResult result;
            var uri = edgar.currentFeed(typeParameter, start, pageSize);
            try {
                // Past the end EDGAR answers 503 "File Unavailable": after the first page that ends the paging.
                result = edgar.fetch(FetchRequest.get(uri, MAX_PAGE_BYTES).accepting("application/atom+xml")
                        .attempts(page == 0 ? 3 : 1));
            } catch (FetchException e) {
                if (page > 0 && e.status() == 503) {
                    LOG.debug("{}: EDGAR has no page at start={} (HTTP 503): end of the feed", id, start);
                    break;
                }
                throw e;
            }
            CurrentFeed.Page parsed;
            try {
                parsed = parser.parsePage(result.body());
            } catch (FeedFormatException e) {
                metrics.failed(id, "parse");
                String hash = dev.newsintel.events.Ids.hash(result.body());
                if (!hash.equals(checkpoint.cursor("rejectedHash"))) {
                    sink.commit(new Batch(List.of(), List.of(DeadLetters.of(DeadLetters.FEED_PARSE, uri.toString(),
                            id, e, result.body(), clock.instant())),
                            checkpoint.withCursor("rejectedHash", hash, clock.instant())));
                }
                throw new SourceFailure("parse", uri.toString(), e.getMessage(), e);
            }
            int newOnPage = 0;
            for (FilingRef ref : parsed.filings()) {
                if (filter.matches(ref.form()) && !checkpoint.hasSeen(ref.accessionNumber())
                        && fresh.putIfAbsent(ref.accessionNumber(), ref) == null) {
                    newOnPage++;
                }
            }
            if (newOnPage == 0 || parsed.entries() < pageSize) {
                break;
            }
        }
        List<FilingRef> ordered = new ArrayList<>(fresh.values());
        java.util.Collections.reverse(ordered); // the feed is newest first
        ordered.sort(Comparator.comparing(FilingRef::acceptedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        IngestCheckpoint current = checkpoint;
        for (FilingRef ref : ordered) {
            FilingFetcher.Result result = filings.fetch(ref, id);
            current = current.withSeen(List.of(ref.accessionNumber()), SEEN_LIMIT, clock.instant())
                    .withCursor("initialized", "true", clock.instant());
            sink.commit(new Batch(result.documents(), result.deadLetters(), current));
        }
        if (firstPass && ordered.isEmpty()) {
            sink.commit(Batch.checkpointOnly(current.withCursor("initialized", "true", clock.instant())));
        }
        return PollOutcome.POLLED;
    }
}
