package dev.newsintel.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import dev.newsintel.enrich.EnrichApp;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.IngestWorker;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.ingest.replay.ReplaySource;
import dev.newsintel.search.Elasticsearch;
import dev.newsintel.search.HealthIndicator;
import dev.newsintel.search.HealthIndicators;
import dev.newsintel.search.IndexSetup;
import dev.newsintel.search.Indexer;
import dev.newsintel.search.SearchApi;

/**
 * The three stages wired together in one process, on given Kafka and Elasticsearch endpoints: what
 * {@code newsintel up} runs, and what the end-to-end tests start and stop.
 *
 * <p>Stages still meet only through Kafka topics; running them in one JVM is a convenience, and
 * {@code newsintel ingest|enrich|serve} run them apart.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Settings settings;
    private final Admin admin;
    private final ElasticsearchClient elasticsearch;
    private final EnrichApp enrich;
    private final Indexer indexer;
    private final Thread indexerThread;
    private final SearchApi api;
    private final IngestWorker ingest;

    /**
     * @param kafka         bootstrap servers
     * @param elasticsearch Elasticsearch URL
     * @param host          interface the API listens on
     * @param port          API port (0: any free port)
     * @param stateDir      Kafka Streams state directory
     */
    public record Settings(String kafka, String elasticsearch, String host, int port, Path stateDir, Clock clock) {
    }

    private Pipeline(Settings settings) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()));
        Topics.ensureCreated(admin, Topics.all());
        this.elasticsearch = Elasticsearch.connect(settings.elasticsearch());
        IndexSetup.apply(elasticsearch);

        this.enrich = new EnrichApp(settings.kafka(), settings.stateDir(), 1, settings.clock());
        this.indexer = new Indexer(settings.kafka(), elasticsearch);
        this.indexerThread = new Thread(indexer, "newsintel-indexer");
        this.ingest = new IngestWorker(new RawDocumentPublisher(settings.kafka(), "newsintel-ingest"));

        Map<String, HealthIndicator> health = new LinkedHashMap<>();
        health.put("kafka", HealthIndicators.kafka(admin));
        health.put("elasticsearch", HealthIndicators.elasticsearch(elasticsearch));
        health.put("enrich", this::enrichHealth);
        health.put("indexer", indexer::health);
        this.api = new SearchApi(elasticsearch, health);
    }

    /** Creates topics and indices if missing, then starts enrich, the indexer and the API. */
    public static Pipeline start(Settings settings) {
        Pipeline pipeline = new Pipeline(settings);
        pipeline.enrich.start();
        pipeline.indexerThread.start();
        pipeline.api.start(settings.host(), settings.port());
        LOG.info("Pipeline started: API on http://{}:{}", settings.host(), pipeline.api.port());
        return pipeline;
    }

    /** Publishes every document of a folder to the raw topics and returns how many; waits for Kafka's ack. */
    public int replay(Path folder) {
        ReplaySource source = new ReplaySource(folder, "replay", settings.clock());
        ingest.runOnce(List.of(source));
        return source.emitted();
    }

    public int port() {
        return api.port();
    }

    public KafkaStreams.State enrichState() {
        return enrich.state();
    }

    public Indexer indexer() {
        return indexer;
    }

    private HealthIndicator.Health enrichHealth() {
        KafkaStreams.State state = enrich.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new HealthIndicator.Health(up, Map.of("state", state.name()));
    }

    /** Stops the stages in reverse order of the data flow, so nothing in flight is lost. */
    @Override
    public void close() {
        ingest.close();
        enrich.close();
        indexer.close();
        try {
            indexerThread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        admin.close();
        try {
            elasticsearch._transport().close();
        } catch (java.io.IOException e) {
            LOG.debug("Closing the Elasticsearch client", e);
        }
        LOG.info("Pipeline stopped");
    }
}
