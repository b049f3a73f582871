package dev.newsintel.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.newsintel.enrich.EnrichApp;
import dev.newsintel.ingest.IngestWorker;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.ingest.replay.ReplaySource;
import dev.newsintel.search.ApiKey;
import dev.newsintel.search.ApiMetrics;
import dev.newsintel.search.HealthIndicator;
import dev.newsintel.search.Indexer;
import dev.newsintel.search.SearchApi;
import dev.newsintel.search.SearchServer;

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
    private final PrometheusMeterRegistry meters;
    private final EnrichApp enrich;
    private final SearchServer search;
    private final IngestWorker ingest;

    /**
     * @param kafka         bootstrap servers
     * @param elasticsearch Elasticsearch URL
     * @param host          interface the API listens on
     * @param port          API port (0: any free port)
     * @param stateDir      Kafka Streams state directory
     * @param apiKey        the key changing subscriptions needs; null: changes are refused
     */
    public record Settings(String kafka, String elasticsearch, String host, int port, Path stateDir, Clock clock,
                           String apiKey) {
        public Settings(String kafka, String elasticsearch, String host, int port, Path stateDir, Clock clock) {
            this(kafka, elasticsearch, host, port, stateDir, clock, null);
        }
    }

    private Pipeline(Settings settings) {
        this.settings = settings;
        this.meters = ApiMetrics.newRegistry();
        this.enrich = new EnrichApp(settings.kafka(), settings.stateDir(), 1, settings.clock());
        // One /metrics for the whole process: dead letters and Streams' own metrics next to the API's and indexer's.
        enrich.bindTo(meters);
        this.ingest = new IngestWorker(new RawDocumentPublisher(settings.kafka(), "newsintel-ingest"));
        SearchServer.Settings server = new SearchServer.Settings(settings.kafka(), settings.elasticsearch(),
                settings.host(), settings.port(), Indexer.Options.defaults().withMeters(meters),
                SearchApi.Options.defaults().withMeters(meters).withApiKey(ApiKey.of(settings.apiKey())));
        this.search = SearchServer.start(server, Map.of("enrich", this::enrichHealth));
    }

    /** Creates topics and indices if missing, then starts the API, the indexer and enrich. */
    public static Pipeline start(Settings settings) {
        Pipeline pipeline = new Pipeline(settings);
        pipeline.enrich.start();
        LOG.info("Pipeline started: API on http://{}:{}", settings.host(), pipeline.search.port());
        return pipeline;
    }

    /** Publishes every document of a folder to the raw topics and returns how many; waits for Kafka's ack. */
    public int replay(Path folder) {
        ReplaySource source = new ReplaySource(folder, "replay", settings.clock());
        ingest.runOnce(List.of(source));
        return source.emitted();
    }

    public int port() {
        return search.port();
    }

    public KafkaStreams.State enrichState() {
        return enrich.state();
    }

    public Indexer indexer() {
        return search.indexer();
    }

    /** The registry {@code /metrics} exposes; stages may add their meters to it. */
    public MeterRegistry meters() {
        return meters;
    }

    private HealthIndicator.Health enrichHealth() {
        KafkaStreams.State state = enrich.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new HealthIndicator.Health(up, Map.of("state", state.name()));
    }

    /** Stops the stages in order of the data flow, so nothing in flight is lost. */
    @Override
    public void close() {
        ingest.close();
        enrich.close();
        search.close();
        meters.close();
        LOG.info("Pipeline stopped");
    }
}
