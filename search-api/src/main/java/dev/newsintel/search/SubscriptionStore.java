package dev.newsintel.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;
import dev.newsintel.events.Topics;

/**
 * Alert rules, kept where the topology reads them: the compacted topic {@code newsintel.subscriptions} (key rule
 * id, value the rule, null deletes). This store reads the whole topic into memory and follows it, so every API
 * instance sees every change; a write returns once the store has read it back, so a client reads its own writes.
 * Creating a rule first creates its alert topic {@code newsintel.alerts.<id>}: the topology writes there and the
 * broker does not create topics on demand.
 */
public final class SubscriptionStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Admin admin;
    private final Clock clock;
    private final KafkaProducer<String, Subscription> producer;
    private final Subscriptions writer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition = new TopicPartition(Topics.SUBSCRIPTIONS.name(), 0);
    private final Map<String, Subscription> rules = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile long position;
    private volatile String failure;

    public SubscriptionStore(String bootstrapServers, Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "12000");
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                EventSerdes.subscription().serializer());
        this.writer = new Subscriptions(admin, producer);
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::follow, "newsintel-subscriptions");
        this.reader.setDaemon(true);
    }

    /** Starts following the topic and waits until everything written so far is read. */
    public SubscriptionStore start() {
        reader.start();
        try {
            if (!caughtUp.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Could not read " + Topics.SUBSCRIPTIONS.name() + " within 60 s"
                        + (failure == null ? "" : ": " + failure));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading subscriptions", e);
        }
        return this;
    }

    public List<Subscription> list() {
        return rules.values().stream().sorted(Comparator.comparing(Subscription::id)).toList();
    }

    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /**
     * Writes a rule (new or replacing one) through {@link Subscriptions#publishAt}, which validates it and creates its
     * alert topic first, and returns once this store has read it back.
     *
     * @throws IllegalArgumentException listing the problems of an invalid rule
     */
    public Subscription put(Subscription subscription) {
        awaitWritten(() -> writer.publishAt(subscription));
        return subscription;
    }

    /** Deletes a rule (a tombstone); its alert topic and past alerts stay. False when there was no such rule. */
    public boolean delete(String id) {
        if (!rules.containsKey(id)) {
            return false;
        }
        awaitWritten(() -> writer.deleteAt(id));
        return true;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public boolean healthy() {
        return failure == null && reader.isAlive();
    }

    private void awaitWritten(java.util.function.LongSupplier write) {
        try {
            awaitPosition(write.getAsLong() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a subscription", e);
        }
    }

    private void awaitPosition(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        synchronized (progress) {
            while (position < offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("The subscription change was written but not read back within "
                            + WRITE_TIMEOUT.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    private void follow() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                long next = consumer.position(partition);
                synchronized (progress) {
                    position = next;
                    progress.notifyAll();
                }
                if (next >= end) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("Stopped following {}", Topics.SUBSCRIPTIONS.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            rules.remove(record.key());
            return;
        }
        try {
            Subscription subscription = Json.fromBytes(record.value(), Subscription.class);
            rules.put(record.key(), subscription);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an unreadable subscription {} at offset {}: {}", record.key(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (reader.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        } else {
            consumer.wakeup();
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
