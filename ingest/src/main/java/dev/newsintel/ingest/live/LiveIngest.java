package dev.newsintel.ingest.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.SourceDefinition;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.edgar.CompanyTickers;
import dev.newsintel.ingest.edgar.EdgarClient;
import dev.newsintel.ingest.edgar.EdgarSettings;
import dev.newsintel.ingest.edgar.FormFilter;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;
import dev.newsintel.ingest.http.Sleeper;
import dev.newsintel.ingest.news.FeedList;

/**
 * The live sources of one process, from its options: the source definitions it registers (news feeds, EDGAR's
 * latest filings per form, watchlist companies) and the worker that joins the group. What {@code newsintel ingest}
 * and {@code newsintel up} run.
 */
public final class LiveIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIngest.class);

    /**
     * @param edgar              EDGAR settings, or null when no User-Agent is configured (no EDGAR sources then)
     * @param watchlist          tickers or CIKs
     * @param forms              form types for the latest-filings feeds and the watchlist
     * @param latestFilings      whether to poll EDGAR's latest-filings feed (one source per form)
     * @param feeds              news feeds (empty: none)
     * @param pruneOthers        remove registered sources that are not in this configuration
     */
    public record Config(EdgarSettings edgar, List<String> watchlist, List<String> forms, boolean latestFilings,
                         List<FeedList.Entry> feeds, long edgarIntervalSeconds, long feedIntervalSeconds,
                         boolean pruneOthers) {
        public Config {
            watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
            forms = forms == null || forms.isEmpty() ? FormFilter.DEFAULT_FORMS : List.copyOf(forms);
            feeds = feeds == null ? List.of() : List.copyOf(feeds);
        }
    }

    private final LiveIngestWorker worker;
    private final List<SourceDefinition> registered;
    private final List<String> removed;

    private LiveIngest(LiveIngestWorker worker, List<SourceDefinition> registered, List<String> removed) {
        this.worker = worker;
        this.registered = registered;
        this.removed = removed;
    }

    /** Creates the topics if missing, registers the sources of {@code config} and starts a worker. */
    public static LiveIngest start(LiveIngestWorker.Settings settings, Config config, IngestMetrics metrics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrapServers()))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        SourceFactory factory = new SourceFactory(config.edgar(), SourceFactory.NewsSettings.defaults(),
                settings.clock(), Sleeper.SYSTEM, metrics);
        List<SourceDefinition> definitions = definitions(config, factory.edgarClient());
        SourceCatalog catalog = new SourceCatalog(settings.bootstrapServers(), settings.topics().sources());
        List<String> removed = List.of();
        if (config.pruneOthers()) {
            removed = catalog.replaceWith(definitions);
        } else {
            catalog.register(definitions);
        }
        LiveIngestWorker worker = new LiveIngestWorker(settings, factory, metrics).start();
        LOG.info("Registered {} sources; ingest worker {} joined group {}", definitions.size(), worker.workerId(),
                settings.groupId());
        return new LiveIngest(worker, definitions, removed);
    }

    /** The source definitions of a configuration; watchlist tickers are resolved through EDGAR. */
    public static List<SourceDefinition> definitions(Config config, EdgarClient edgar) {
        List<SourceDefinition> definitions = new ArrayList<>(FeedList.definitions(config.feeds(),
                config.feedIntervalSeconds()));
        if (config.edgar() == null) {
            return definitions;
        }
        if (config.latestFilings()) {
            for (String form : config.forms()) {
                definitions.add(SourceDefinition.edgarCurrent(form, config.edgarIntervalSeconds()));
            }
        }
        if (!config.watchlist().isEmpty()) {
            String forms = String.join(",", config.forms());
            for (CompanyTickers.Company company : resolve(config.watchlist(), edgar)) {
                definitions.add(SourceDefinition.edgarCompany(company.cik(), company.ticker(), company.title(), forms,
                        config.edgarIntervalSeconds()));
            }
        }
        return definitions;
    }

    private static List<CompanyTickers.Company> resolve(List<String> watchlist, EdgarClient edgar) {
        if (CompanyTickers.allCiks(watchlist)) {
            return CompanyTickers.ciksOnly(watchlist);
        }
        URI uri = edgar.companyTickers();
        try {
            FetchResult result = edgar.fetch(FetchRequest.get(uri, 32 * 1024 * 1024).accepting("application/json"));
            return CompanyTickers.parse(result.body()).resolve(watchlist);
        } catch (dev.newsintel.ingest.http.FetchException e) {
            throw new IllegalStateException("Could not resolve the watchlist tickers: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resolving the watchlist", e);
        }
    }

    public List<SourceDefinition> registered() {
        return registered;
    }

    public List<String> removed() {
        return removed;
    }

    public LiveIngestWorker worker() {
        return worker;
    }

    public long count(SourceDefinition.Type type) {
        return registered.stream().filter(d -> d.type() == type).count();
    }

    @Override
    public void close() {
        worker.close();
    }
}
