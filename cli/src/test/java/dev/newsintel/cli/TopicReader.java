package dev.newsintel.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.newsintel.events.Json;

/** Reads a whole topic, committed records only, from the beginning; keeps the ones a filter accepts. */
final class TopicReader<T> implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Class<T> type;
    private final Predicate<T> filter;
    private final List<T> records = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic, Class<T> type, Predicate<T> filter) {
        this.type = type;
        this.filter = filter;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        // A topic created a moment ago may not be in this client's metadata yet.
        List<TopicPartition> partitions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything accepted so far, after reading what arrived since the last call. */
    List<T> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.value() != null) {
                T value = Json.fromBytes(record.value(), type);
                if (filter.test(value)) {
                    records.add(value);
                }
            }
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
