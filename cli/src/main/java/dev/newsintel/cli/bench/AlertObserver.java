package dev.newsintel.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.newsintel.events.Alert;
import dev.newsintel.events.Json;
import dev.newsintel.events.Topics;

/**
 * Reads the alert firehose as a subscriber would ({@code read_committed}, from the end when it starts) and times
 * each alert from the publication of the document that raised it (the alert's {@code url}; else the newest of its
 * documents the benchmark published) to the moment this consumer receives it.
 */
final class AlertObserver implements Runnable, AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Publications publications;
    private final Map<String, Long> alertsByRule = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile Latencies latencies = new Latencies();
    private volatile boolean running = true;

    AlertObserver(String bootstrapServers, Publications publications) {
        this.publications = publications;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "newsintel-bench-alerts",
                // Hand records over as soon as there are any: this consumer measures latency.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is published
        this.thread = new Thread(this, "bench-alert-observer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Starts a new set of latency samples (a new probe) and returns the previous one. */
    Latencies reset() {
        Latencies previous = latencies;
        latencies = new Latencies();
        return previous;
    }

    Latencies latencies() {
        return latencies;
    }

    long received() {
        return received.get();
    }

    /** Alerts received twice (same alert id): exactly-once says never. */
    long duplicates() {
        return duplicates.get();
    }

    Map<String, Long> byRule() {
        return Map.copyOf(alertsByRule);
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.value() == null) {
                        continue;
                    }
                    Alert alert = Json.fromBytes(record.value(), Alert.class);
                    received.incrementAndGet();
                    if (seen.putIfAbsent(alert.id(), Boolean.TRUE) != null) {
                        duplicates.incrementAndGet();
                    }
                    alertsByRule.merge(alert.ruleId(), 1L, Long::sum);
                    Publications.Sent trigger = trigger(alert);
                    if (trigger != null && trigger.measured()) {
                        latencies.add((now - trigger.nanos()) / 1e6);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Publications.Sent trigger(Alert alert) {
        Publications.Sent byUrl = publications.byUrl(alert.url());
        if (byUrl != null) {
            return byUrl;
        }
        Publications.Sent newest = null;
        for (String id : alert.documentIds()) {
            Publications.Sent sent = publications.byId(id);
            if (sent != null && (newest == null || sent.nanos() > newest.nanos())) {
                newest = sent;
            }
        }
        return newest;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
