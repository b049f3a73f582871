package dev.newsintel.enrich;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.enrich.alerts.AdminAlertTopicCatalog;
import dev.newsintel.enrich.alerts.BuiltInRules;
import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * Runs the enrichment topology: the entry point of the {@code enrich} stage. Several instances with the same
 * application id share the raw topics' partitions (and the topology's repartition topics'); each keeps its state
 * stores in its own state directory, restored from their changelog topics when it starts elsewhere.
 */
public final class EnrichApp implements AutoCloseable {
    /** Enrich's commit interval unless overridden (see {@link #config}). */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 25;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    private final KafkaStreams streams;
    private final EnrichMetrics metrics;
    private final AdminAlertTopicCatalog alertTopics;
    private KafkaStreamsMetrics streamsMetrics;

    public EnrichApp(String bootstrapServers, Path stateDir, int threads, Clock clock) {
        this(config(bootstrapServers, EnrichTopology.APPLICATION_ID, stateDir, threads, Map.of()), clock);
    }

    /**
     * @param config Kafka Streams configuration, e.g. from {@link #config}; {@code bootstrap.servers} is required
     */
    public EnrichApp(Properties config, Clock clock) {
        this(config, clock, StoryConfig.defaults(), BuiltInRules.DEFAULT_LARGE_INVESTMENT_USD);
    }

    /**
     * @param stories            story grouping settings (window, near-duplicate thresholds)
     * @param largeInvestmentUsd threshold of the built-in large-investments rule
     */
    public EnrichApp(Properties config, Clock clock, StoryConfig stories, BigDecimal largeInvestmentUsd) {
        this.metrics = new EnrichMetrics();
        Properties props = new Properties();
        props.putAll(config);
        props.put(EnrichProductionExceptionHandler.METRICS_CONFIG, metrics);
        String bootstrap = props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.alertTopics = new AdminAlertTopicCatalog(bootstrap, clock);
        EnrichTopology.Options options = EnrichTopology.Options.defaults(clock)
                .withStories(stories)
                .withLargeInvestmentUsd(largeInvestmentUsd)
                .withAlertTopics(alertTopics)
                .withMetrics(metrics);
        DocumentEnricher enricher = new DocumentEnricher(clock);
        this.streams = new KafkaStreams(EnrichTopology.build(enricher::enrich, options), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Enrich stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** The configuration of the {@code newsintel-enrich} application with the given overrides. */
    public static Properties config(String bootstrapServers, String applicationId, Path stateDir, int threads,
                                    Map<String, String> overrides) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // An alert crosses three exactly-once sub-topologies and each reads only what the previous one committed,
        // so the commit interval is paid three times: Kafka Streams' 100 ms default puts the median alert ~325 ms
        // after its document, 25 ms puts it ~125 ms for ~6% more CPU (docs/benchmarks/experiments/).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // Internal topics take the cluster's default replication factor: 1 on the embedded broker, 3 in production.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        props.put("processing.exception.handler.global.enabled", true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                EnrichProductionExceptionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Topics.MAX_MESSAGE_BYTES);
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Topics.MAX_MESSAGE_BYTES);
        // Whole documents cross the story-anchors repartition topic.
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        props.putAll(overrides);
        return props;
    }

    /** Compatibility with the skeleton's signature. */
    public static Properties config(String bootstrapServers, Path stateDir, int threads) {
        return config(bootstrapServers, EnrichTopology.APPLICATION_ID, stateDir, threads, Map.of());
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    /** Records sent to the dead-letter topic since start. */
    public long deadLetters() {
        return metrics.deadLetters();
    }

    /** Exposes this instance's counters and Kafka Streams' own metrics in a Micrometer registry. */
    public void bindTo(MeterRegistry registry) {
        metrics.bindTo(registry);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /**
     * Stops the stream and leaves the consumer group at once, so the partitions move to the remaining instances
     * (or a restarted one) without waiting for the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        alertTopics.close();
    }
}
