package dev.newsintel.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.newsintel.ingest.edgar.EdgarSettings;
import dev.newsintel.ingest.edgar.FormFilter;
import dev.newsintel.ingest.live.LiveIngest;
import dev.newsintel.ingest.live.LiveIngestWorker;
import dev.newsintel.ingest.news.FeedList;
import picocli.CommandLine.Option;

/** Options of the live sources (SEC EDGAR and news feeds), shared by {@code ingest} and {@code up}. */
final class LiveSourceOptions {
    @Option(names = "--edgar-user-agent", paramLabel = "\"NAME EMAIL\"",
            defaultValue = "${env:NEWSINTEL_EDGAR_USER_AGENT}",
            description = {"Who you are to SEC EDGAR, with a contact e-mail (SEC requires it), e.g. "
                    + "\"Jane Doe jane@example.com\". Default: $NEWSINTEL_EDGAR_USER_AGENT.",
                    "Without it no EDGAR source is started (news feeds still run)."})
    String edgarUserAgent;

    @Option(names = "--watchlist", paramLabel = "TICKERS", split = ",",
            defaultValue = "${env:NEWSINTEL_WATCHLIST}",
            description = "Companies whose filings to follow, tickers or CIKs, comma-separated (e.g. NVDA,MSFT,320193). "
                    + "Default: $NEWSINTEL_WATCHLIST.")
    List<String> watchlist;

    @Option(names = "--forms", paramLabel = "FORMS", split = ",",
            description = "Form types to ingest, comma-separated; X* matches a prefix (default: "
                    + "8-K,10-K,10-Q,6-K,S-1,424B*,DEF 14A,SC 13D,SC 13G,SCHEDULE 13D,SCHEDULE 13G).")
    List<String> forms;

    @Option(names = "--no-latest-filings", negatable = false,
            description = "Do not poll EDGAR's latest-filings feed (only the watchlist).")
    boolean noLatestFilings;

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "News feeds to poll, one \"URL [title]\" per line (default: the bundled list of major tech outlets).")
    Path feeds;

    @Option(names = "--no-news", negatable = false, description = "Do not poll news feeds.")
    boolean noNews;

    @Option(names = "--edgar-base-url", paramLabel = "URL", defaultValue = "https://www.sec.gov",
            description = "EDGAR's www host or a mirror (default: ${DEFAULT-VALUE}).")
    URI edgarBaseUrl;

    @Option(names = "--data-base-url", paramLabel = "URL", defaultValue = "https://data.sec.gov",
            description = "EDGAR's data API host or a mirror (default: ${DEFAULT-VALUE}).")
    URI dataBaseUrl;

    @Option(names = "--edgar-max-rps", paramLabel = "N", defaultValue = "10",
            description = "EDGAR requests per second this process may make, 2 to 10 (SEC's limit is 10; default: ${DEFAULT-VALUE}). "
                    + "Several worker processes on one address should share the 10.")
    double edgarMaxRps;

    @Option(names = "--edgar-interval", paramLabel = "SECONDS", defaultValue = "120",
            description = "How often each EDGAR source is polled (default: ${DEFAULT-VALUE}).")
    long edgarInterval;

    @Option(names = "--feed-interval", paramLabel = "SECONDS", defaultValue = "600",
            description = "How often each news feed is polled (default: ${DEFAULT-VALUE}).")
    long feedInterval;

    @Option(names = "--ingest-threads", paramLabel = "N", defaultValue = "4",
            description = "Sources this worker polls at the same time (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prune-sources", negatable = false,
            description = "Remove registered sources that are not in this configuration.")
    boolean prune;

    /** The EDGAR settings, or null when no User-Agent is configured. */
    EdgarSettings edgarSettings() {
        boolean hasAgent = edgarUserAgent != null && !edgarUserAgent.isBlank();
        EdgarSettings settings = EdgarSettings.defaults(hasAgent ? edgarUserAgent : null)
                .withBaseUrls(edgarBaseUrl, dataBaseUrl).withMaxRequestsPerSecond(edgarMaxRps);
        if (!hasAgent && settings.targetsSec()) {
            return null;
        }
        return settings.validated();
    }

    boolean edgarRequested() {
        return !noLatestFilings || watchlist() != null && !watchlist().isEmpty();
    }

    List<String> watchlist() {
        return watchlist == null ? List.of() : watchlist.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    List<FeedList.Entry> feedList() {
        if (noNews) {
            return List.of();
        }
        if (feeds != null) {
            if (!Files.isRegularFile(feeds)) {
                throw new IllegalArgumentException("--feeds " + feeds + " is not a file");
            }
            return FeedList.read(feeds);
        }
        return FeedList.defaults();
    }

    LiveIngest.Config config(EdgarSettings edgar) {
        if (edgarInterval < 1 || feedInterval < 1) {
            throw new IllegalArgumentException("--edgar-interval and --feed-interval must be positive");
        }
        List<String> formList = forms == null ? FormFilter.DEFAULT_FORMS
                : forms.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new LiveIngest.Config(edgar, watchlist(), formList, !noLatestFilings, feedList(), edgarInterval,
                feedInterval, prune);
    }

    LiveIngestWorker.Settings workerSettings(String kafka) {
        if (threads < 1) {
            throw new IllegalArgumentException("--ingest-threads must be positive");
        }
        return LiveIngestWorker.Settings.defaults(kafka).withParallelism(threads);
    }

    /** The URL whose reachability tells whether this machine is online. */
    URI probe() {
        return edgarBaseUrl;
    }

    static Duration probeTimeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public String toString() {
        return "LiveSourceOptions" + Arrays.asList(edgarBaseUrl, dataBaseUrl);
    }
}
