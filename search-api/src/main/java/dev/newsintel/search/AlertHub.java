package dev.newsintel.search;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.Alert;
import dev.newsintel.events.Json;
import dev.newsintel.events.Topics;

/**
 * Hands new alerts to the live listeners of this API instance (the Server-Sent Event streams). It follows the
 * firehose {@code newsintel.alerts} from its end, without a consumer group: every instance sees every alert, and
 * past alerts are read from Elasticsearch instead.
 */
public final class AlertHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertHub.class);

    /** A listener of one rule's alerts, or of every alert when {@code ruleId} is null. */
    private record Listener(String ruleId, Consumer<Alert> sink) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile String failure;

    public AlertHub(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::follow, "newsintel-alert-hub");
        this.thread.setDaemon(true);
    }

    /** Starts following and returns once positioned at the end: an alert written after this is delivered. */
    public AlertHub start() {
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Could not position on " + Topics.ALERTS.name() + " within 60 s"
                        + (failure == null ? "" : ": " + failure));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the alert hub", e);
        }
        return this;
    }

    /** Delivers each new alert of {@code ruleId} (every rule when null) to {@code sink}; close to stop. */
    public AutoCloseable listen(String ruleId, Consumer<Alert> sink) {
        Listener listener = new Listener(ruleId, sink);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listeners() {
        return listeners.size();
    }

    public boolean healthy() {
        return failure == null && thread.isAlive();
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, not at the first poll
            positioned.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("Stopped following {}", Topics.ALERTS.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || listeners.isEmpty()) {
            return;
        }
        Alert alert;
        try {
            alert = Json.fromBytes(record.value(), Alert.class);
        } catch (RuntimeException e) {
            LOG.warn("Skipping an unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        for (Listener listener : listeners) {
            if (listener.ruleId() == null || listener.ruleId().equals(alert.ruleId())) {
                try {
                    listener.sink().accept(alert);
                } catch (RuntimeException e) {
                    LOG.debug("Alert listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
