package dev.newsintel.ingest.edgar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.ingest.Batch;
import dev.newsintel.ingest.CheckpointedSource;
import dev.newsintel.ingest.DeadLetters;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.SourceFailure;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;

/**
 * One watchlist company, through {@code data.sec.gov/submissions/CIK##########.json} (a conditional GET: an
 * unchanged company costs one 304).
 *
 * <p>Filings of the wanted forms filed on or after the checkpoint's {@code since} date (set, on the first pass, to
 * {@code initialLookback} before today) that are not yet in the checkpoint are fetched oldest first, each committed
 * with its accession number. When {@code since} reaches back past the {@code filings.recent} arrays, the older
 * pages listed in {@code filings.files} that cover it are read too.
 */
public final class EdgarCompanySource implements CheckpointedSource {
    static final int SEEN_LIMIT = 5000;
    private static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

    private final String id;
    private final String cik;
    private final String ticker;
    private final FormFilter forms;
    private final EdgarClient edgar;
    private final FilingFetcher filings;
    private final Clock clock;
    private final IngestMetrics metrics;

    public EdgarCompanySource(String id, String cik, String ticker, FormFilter forms, EdgarClient edgar,
                              FilingFetcher filings, Clock clock, IngestMetrics metrics) {
        this.id = id;
        this.cik = Ciks.pad(cik);
        this.ticker = ticker;
        this.forms = forms;
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
        IngestCheckpoint current = checkpoint;
        if (current.cursor("since") == null) {
            LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .minusDays(Math.max(0, edgar.settings().initialLookback().toDays()));
            current = current.withCursor("since", since.toString(), clock.instant());
        }
        LocalDate since = LocalDate.parse(current.cursor("since"));
        URI uri = edgar.submissions(cik);
        FetchResult result = edgar.fetch(FetchRequest.get(uri, MAX_JSON_BYTES).accepting("application/json")
                .conditional(checkpoint.etag(), checkpoint.lastModified()));
        if (result.notModified()) {
            return PollOutcome.NOT_MODIFIED;
        }
        Submissions submissions;
        try {
            if (result.truncated()) {
                throw new IllegalArgumentException("submissions JSON larger than " + MAX_JSON_BYTES + " bytes");
            }
            submissions = Submissions.parse(result.body());
        } catch (IllegalArgumentException e) {
            metrics.failed(id, "parse");
            String hash = dev.newsintel.events.Ids.hash(result.body());
            if (!hash.equals(checkpoint.cursor("rejectedHash"))) {
                sink.commit(new Batch(List.of(), List.of(DeadLetters.of(DeadLetters.EDGAR, uri.toString(), id, e,
                        result.body(), clock.instant())), current.withCursor("rejectedHash", hash, clock.instant())));
            }
            throw new SourceFailure("parse", uri.toString(), e.getMessage(), e);
        }
        String company = submissions.name();
        String tickerOf = ticker != null ? ticker : submissions.tickers().isEmpty() ? null : submissions.tickers().get(0);
        List<FilingRef> candidates = new ArrayList<>(submissions.filings());
        LocalDate oldestRecent = candidates.stream().map(FilingRef::filedAt).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (oldestRecent == null || oldestRecent.isAfter(since)) {
            for (Submissions.OlderPage page : submissions.olderPages()) {
                if (page.filingTo() != null && page.filingTo().isBefore(since)) {
                    continue;
                }
                FetchResult older = edgar.fetch(FetchRequest.get(edgar.submissionsPage(page.name()), MAX_JSON_BYTES)
                        .accepting("application/json"));
                try {
                    candidates.addAll(Submissions.parsePage(older.body(), cik, company, tickerOf));
                } catch (IllegalArgumentException e) {
                    throw new SourceFailure("parse", older.uri().toString(), e.getMessage(), e);
                }
            }
        }
        List<FilingRef> fresh = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (FilingRef ref : candidates) {
            if (forms.matches(ref.form()) && ref.filedAt() != null && !ref.filedAt().isBefore(since)
                    && !current.hasSeen(ref.accessionNumber()) && taken.add(ref.accessionNumber())) {
                fresh.add(ref.withTicker(tickerOf));
            }
        }
        fresh.sort(Comparator.comparing(FilingRef::filedAt)
                .thenComparing(FilingRef::acceptedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (FilingRef ref : fresh) {
            FilingFetcher.Result fetched = filings.fetch(ref, id);
            current = current.withSeen(List.of(ref.accessionNumber()), SEEN_LIMIT, clock.instant());
            sink.commit(new Batch(fetched.documents(), fetched.deadLetters(), current));
        }
        // Every new filing is in: remember the validators, so an unchanged company costs a 304 next time.
        sink.commit(Batch.checkpointOnly(current.withValidators(result.etag(), result.lastModified(), clock.instant())));
        return PollOutcome.POLLED;
    }
}
