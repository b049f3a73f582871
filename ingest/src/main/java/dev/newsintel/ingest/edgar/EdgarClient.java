package dev.newsintel.ingest.edgar;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.http.Backoff;
import dev.newsintel.ingest.http.FetchException;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;
import dev.newsintel.ingest.http.HttpFetcher;
import dev.newsintel.ingest.http.Sleeper;

/**
 * Every EDGAR request of the process: the URLs of the endpoints (against SEC or a mirror), sent through one
 * {@link EdgarGate} with the configured User-Agent and gzip.
 */
public final class EdgarClient {
    private final EdgarSettings settings;
    private final EdgarGate gate;
    private final HttpFetcher fetcher;

    public EdgarClient(EdgarSettings settings, EdgarGate gate, HttpFetcher fetcher) {
        this.settings = settings.validated();
        this.gate = gate;
        this.fetcher = fetcher;
    }

    /** A client with its own gate: 503s retried after 1, 2, 4 s (jittered), 403/429 pause for 10 minutes. */
    public static EdgarClient create(EdgarSettings settings, Clock clock, Sleeper sleeper, IngestMetrics metrics) {
        EdgarSettings valid = settings.validated();
        EdgarGate gate = new EdgarGate(valid.maxRequestsPerSecond(), EdgarSettings.SEC_BLOCK, clock, sleeper);
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.defaultClient(), valid.effectiveUserAgent(), gate,
                Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30), new java.util.Random()), sleeper,
                clock, metrics, Duration.ofSeconds(60));
        return new EdgarClient(valid, gate, fetcher);
    }

    public EdgarSettings settings() {
        return settings;
    }

    public EdgarGate gate() {
        return gate;
    }

    public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
        return fetcher.fetch(request);
    }

    /** The latest-filings Atom feed, one page. */
    public URI currentFeed(String formPrefix, int start, int count) {
        return URI.create(settings.wwwBaseUrl() + "/cgi-bin/browse-edgar?action=getcurrent&type="
                + URLEncoder.encode(formPrefix, StandardCharsets.UTF_8) + "&company=&dateb=&owner=include&start="
                + start + "&count=" + count + "&output=atom");
    }

    /** {@code data.sec.gov/submissions/CIK##########.json}. */
    public URI submissions(String cik10) {
        return URI.create(settings.dataBaseUrl() + "/submissions/CIK" + cik10 + ".json");
    }

    /** An older-filings page named in {@code filings.files} ({@code CIK##########-submissions-001.json}). */
    public URI submissionsPage(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Unexpected submissions page name: " + name);
        }
        return URI.create(settings.dataBaseUrl() + "/submissions/" + name);
    }

    /** SEC's ticker to CIK map. */
    public URI companyTickers() {
        return URI.create(settings.wwwBaseUrl() + "/files/company_tickers.json");
    }

    /** The filing index page {@code /Archives/edgar/data/<cik>/<accession without dashes>/<accession>-index.htm}. */
    public URI filingIndex(String cik, String accession) {
        return archive(cik, accession, accession + "-index.htm");
    }

    public URI archive(String cik, String accession, String fileName) {
        return URI.create(settings.wwwBaseUrl() + "/Archives/edgar/data/" + Long.parseLong(cik) + "/"
                + accession.replace("-", "") + "/" + fileName);
    }

    /**
     * A link found in an EDGAR page, on the configured host: absolute sec.gov links and root-relative links keep
     * their path, and the inline-XBRL viewer prefix ({@code /ix?doc=}) is removed to reach the document itself.
     */
    public URI rebase(String link) {
        String l = link.trim();
        if (l.startsWith("/ix?doc=")) {
            l = l.substring("/ix?doc=".length());
        }
        URI uri = URI.create(l.replace(" ", "%20"));
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        if (path.startsWith("/ix") && uri.getRawQuery() != null && uri.getRawQuery().startsWith("doc=")) {
            path = uri.getRawQuery().substring(4);
            return URI.create(settings.wwwBaseUrl() + path);
        }
        return URI.create(settings.wwwBaseUrl() + (path.startsWith("/") ? path : "/" + path)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
