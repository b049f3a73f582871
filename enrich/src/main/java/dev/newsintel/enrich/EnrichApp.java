package dev.newsintel.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.Topics;

/**
 * Runs the enrichment topology: the entry point of the {@code enrich} stage. Several instances with the same
 * application id share the raw topics' partitions.
 */
public final class EnrichApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    private final KafkaStreams streams;

    public EnrichApp(String bootstrapServers, Path stateDir, int threads, Clock clock) {
        this(config(bootstrapServers, stateDir, threads), clock);
    }

    public EnrichApp(Properties config, Clock clock) {
        this.streams = new KafkaStreams(EnrichTopology.build(new DocumentEnricher(clock), clock), config);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Enrich stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
    }

    public static Properties config(String bootstrapServers, Path stateDir, int threads) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, EnrichTopology.APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // Internal topics take the cluster's default replication factor: 1 on the embedded broker, 3 in production.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        props.put("processing.exception.handler.global.enabled", true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Topics.MAX_MESSAGE_BYTES);
        return props;
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

    /**
     * Stops the stream and leaves the consumer group at once, so the partitions move to the remaining instances
     * (or a restarted one) without waiting for the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
