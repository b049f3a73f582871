package dev.newsintel.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import dev.newsintel.events.Topics;

/**
 * The search service as it runs: index templates applied, the indexer consuming, subscriptions and live alerts
 * followed, the REST API serving. What {@code newsintel serve} runs, and what {@code newsintel up} runs beside the
 * other stages.
 */
public final class SearchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);

    /**
     * @param kafka         bootstrap servers
     * @param elasticsearch Elasticsearch URL
     * @param host          interface the API listens on
     * @param port          API port (0: any free port)
     */
    public record Settings(String kafka, String elasticsearch, String host, int port, Indexer.Options indexer,
                           SearchApi.Options api) {
    }

    private final Admin admin;
    private final ElasticsearchClient elasticsearch;
    private final Indexer indexer;
    private final Thread indexerThread;
    private final SubscriptionStore subscriptions;
    private final AlertHub alerts;
    private final SearchApi api;

    private SearchServer(Settings settings, Map<String, HealthIndicator> extraHealth) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()));
        Topics.ensureCreated(admin, Topics.all());
        this.elasticsearch = Elasticsearch.connect(settings.elasticsearch());
        IndexSetup.apply(elasticsearch);
        this.indexer = new Indexer(settings.kafka(), elasticsearch, settings.indexer());
        this.indexerThread = new Thread(indexer, "newsintel-indexer");
        this.subscriptions = new SubscriptionStore(settings.kafka(), admin, settings.api().clock());
        this.alerts = new AlertHub(settings.kafka());
        Map<String, HealthIndicator> health = new LinkedHashMap<>();
        health.put("kafka", HealthIndicators.kafka(admin));
        health.put("elasticsearch", HealthIndicators.elasticsearch(elasticsearch));
        health.putAll(extraHealth);
        health.put("indexer", indexer::health);
        health.put("subscriptions", () -> subscriptions.healthy()
                ? HealthIndicator.Health.up(Map.of("rules", subscriptions.list().size()))
                : HealthIndicator.Health.down(Map.of()));
        health.put("alerts", () -> alerts.healthy()
                ? HealthIndicator.Health.up(Map.of("streams", alerts.listeners()))
                : HealthIndicator.Health.down(Map.of()));
        this.api = new SearchApi(elasticsearch, health, subscriptions, alerts, settings.api());
    }

    /** Creates missing topics and indices, then starts the indexer, the followers and the API. */
    public static SearchServer start(Settings settings, Map<String, HealthIndicator> extraHealth) {
        SearchServer server = new SearchServer(settings, extraHealth);
        try {
            server.subscriptions.start();
            server.alerts.start();
            server.indexerThread.start();
            server.api.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("Search API on http://{}:{}", settings.host(), server.api.port());
        return server;
    }

    public int port() {
        return api.port();
    }

    public Indexer indexer() {
        return indexer;
    }

    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    public ElasticsearchClient elasticsearch() {
        return elasticsearch;
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        indexer.close();
        try {
            indexerThread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        alerts.close();
        subscriptions.close();
        admin.close();
        try {
            elasticsearch._transport().close();
        } catch (IOException e) {
            LOG.debug("Closing the Elasticsearch client", e);
        }
    }
}
