package dev.newsintel.ingest.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.SourceDefinition;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.Batch;
import dev.newsintel.ingest.CheckpointedSource;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.SourceFailure;
import dev.newsintel.ingest.http.ThrottledException;

/**
 * An ingest worker: a member of the consumer group {@code newsintel-ingest} on the sources topic. Kafka assigns
 * each member some of the topic's partitions; a worker runs exactly the sources of its partitions, each on its
 * interval, and stops them when the partitions are revoked. Starting a second worker splits the sources between
 * the two; stopping one hands its sources to the others. There is no other scheduler.
 *
 * <h2>Exactly one document per source document</h2>
 * Every batch a source commits (its documents, its dead letters and its new checkpoint) is one Kafka transaction
 * that also commits the worker's position on the source's partition of the sources topic for this consumer group
 * ({@code sendOffsetsToTransaction} with the group metadata, KIP-447):
 * <ul>
 *   <li>documents and checkpoint become visible together or not at all, so a crash never loses a document and a
 *       restarted worker, reading the checkpoint, never publishes one twice;</li>
 *   <li>the group coordinator refuses the transaction of a worker that is no longer the partition's owner (its
 *       generation is stale), so a worker that lost its sources in a rebalance cannot write for them;</li>
 *   <li>a new owner first asks for the partition's committed offsets, which waits until a transaction left open by
 *       the previous owner is committed or aborted, and only then reads the checkpoints.</li>
 * </ul>
 * Readers with {@code isolation.level=read_committed} (the enrich stream, the indexer) therefore see each document
 * once. A reader that reads uncommitted data may also see the records of an aborted transaction: the stable
 * document id makes that harmless downstream (the same id overwrites the same Elasticsearch document).
 */
public final class LiveIngestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIngestWorker.class);
    /** The consumer group of the ingest workers. */
    public static final String GROUP = "newsintel-ingest";

    /**
     * @param parallelism        sources polled at the same time by this worker (one transactional producer each)
     * @param transactionTimeout how long an abandoned transaction (a crashed worker) holds its partitions before the
     *                           broker aborts it
     * @param revokeTimeout      how long a rebalance waits for a pass in progress to reach its next batch boundary
     */
    public record Settings(String bootstrapServers, String groupId, IngestTopics topics, int parallelism,
                           Duration transactionTimeout, Duration revokeTimeout, Clock clock) {
        public Settings {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be positive");
            }
        }

        public static Settings defaults(String bootstrapServers) {
            return new Settings(bootstrapServers, GROUP, IngestTopics.DEFAULT, 4, Duration.ofSeconds(60),
                    Duration.ofSeconds(60), Clock.systemUTC());
        }

        public Settings withGroup(String group, IngestTopics topics) {
            return new Settings(bootstrapServers, group, topics, parallelism, transactionTimeout, revokeTimeout, clock);
        }

        public Settings withTransactionTimeout(Duration timeout) {
            return new Settings(bootstrapServers, groupId, topics, parallelism, timeout, revokeTimeout, clock);
        }

        public Settings withParallelism(int threads) {
            return new Settings(bootstrapServers, groupId, topics, threads, transactionTimeout, revokeTimeout, clock);
        }
    }

    private final Settings settings;
    private final SourceFactory factory;
    private final IngestMetrics metrics;
    private final String workerId = UUID.randomUUID().toString().substring(0, 8);
    private final KafkaConsumer<String, byte[]> consumer;
    private final ExecutorService runners;
    private final ThreadLocal<KafkaProducer<String, byte[]>> producer = new ThreadLocal<>();
    private final Set<KafkaProducer<String, byte[]>> producers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger producerSequence = new AtomicInteger();
    private final AtomicReference<ConsumerGroupMetadata> group = new AtomicReference<>();
    private final Thread coordinator;
    private volatile boolean closing;
    private volatile boolean halted;

    // Touched by the coordinator thread only (the consumer and its rebalance callbacks).
    private final Map<String, Owned> owned = new HashMap<>();
    private final Map<TopicPartition, Long> loadingUntil = new HashMap<>();
    private Map<String, IngestCheckpoint> checkpoints = Map.of();
    /** Read by other threads (tests, status lines). */
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** A source owned by this worker. */
    private static final class Owned {
        final String id;
        final TopicPartition partition;
        volatile SourceDefinition definition;
        volatile long definitionOffset;
        volatile IngestCheckpoint checkpoint;
        volatile CheckpointedSource source;
        volatile boolean revoked;
        volatile Instant nextRun = Instant.MIN;
        Future<?> pass;

        Owned(SourceDefinition definition, TopicPartition partition, long offset, IngestCheckpoint checkpoint) {
            this.id = definition.id();
            this.definition = definition;
            this.partition = partition;
            this.definitionOffset = offset;
            this.checkpoint = checkpoint;
        }
    }

    /** Thrown inside a pass whose source this worker no longer owns: nothing more may be committed for it. */
    private static final class Revoked extends Exception {
        private static final long serialVersionUID = 1L;

        Revoked(String id) {
            super("source " + id + " is no longer owned by this worker", null, false, false);
        }
    }

    public LiveIngestWorker(Settings settings, SourceFactory factory, IngestMetrics metrics) {
        this.settings = settings;
        this.factory = factory;
        this.metrics = metrics;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-" + workerId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // read_committed makes committed() wait for a previous owner's open transaction (KIP-447 "require stable").
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        AtomicInteger threads = new AtomicInteger();
        this.runners = Executors.newFixedThreadPool(settings.parallelism(), r -> {
            Thread t = new Thread(r, "newsintel-ingest-" + workerId + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.coordinator = new Thread(this::coordinate, "newsintel-ingest-" + workerId);
    }

    /** Joins the group and starts polling the sources it is assigned. */
    public LiveIngestWorker start() {
        coordinator.start();
        return this;
    }

    public String workerId() {
        return workerId;
    }

    /** The partitions of the sources topic this worker owns now. */
    public Set<Integer> assignedPartitions() {
        Set<Integer> partitions = new HashSet<>();
        assigned.forEach(tp -> partitions.add(tp.partition()));
        return partitions;
    }

    /** The ids of the sources this worker has run at least once since it owns them. */
    public Set<String> runningSources() {
        return Set.copyOf(running);
    }

    // ------------------------------------------------------------------------------------------- coordinator

    private void coordinate() {
        try {
            consumer.subscribe(List.of(settings.topics().sources()), new Rebalance());
            while (!closing) {
                Iterable<ConsumerRecord<String, byte[]>> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    continue;
                }
                group.set(consumer.groupMetadata());
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                }
                finishLoading();
                schedule();
            }
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.error("Ingest worker {} stopped: {}", workerId, e.toString(), e);
            }
        } finally {
            stop(new ArrayList<>(owned.values()), !halted);
            owned.clear();
            try {
                consumer.close(halted ? Duration.ZERO : Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                LOG.debug("Closing the sources consumer", e);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Owned current = owned.get(id);
        if (record.value() == null) {
            if (current != null) {
                LOG.info("Source {} removed", id);
                stop(List.of(current), false);
                owned.remove(id);
            }
            return;
        }
        SourceDefinition definition;
        try {
            definition = Json.fromBytes(record.value(), SourceDefinition.class);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an unreadable source definition {} at {}-{}@{}: {}", id, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (!definition.id().equals(id)) {
            LOG.warn("Ignoring source definition keyed {} but naming {}", id, definition.id());
            return;
        }
        if (current == null) {
            owned.put(id, new Owned(definition, partition, record.offset(),
                    checkpoints.getOrDefault(id, IngestCheckpoint.empty(id))));
        } else {
            current.definitionOffset = record.offset();
            if (!current.definition.equals(definition)) {
                current.definition = definition;
                current.source = null; // rebuilt for the next pass
                current.nextRun = Instant.MIN;
            }
        }
    }

    private void finishLoading() {
        loadingUntil.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void schedule() {
        Instant now = settings.clock().instant();
        for (Owned o : owned.values()) {
            if (loadingUntil.containsKey(o.partition) || o.revoked || now.isBefore(o.nextRun)
                    || o.pass != null && !o.pass.isDone()) {
                continue;
            }
            o.nextRun = Instant.MAX; // until the pass sets the next one
            o.pass = runners.submit(() -> runPass(o));
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions, false);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            awaitPreviousOwners(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            loadingUntil.putAll(end);
            checkpoints = CompactedTopic.readAll(settings.bootstrapServers(), settings.topics().checkpoints(),
                    bytes -> Json.fromBytes(bytes, IngestCheckpoint.class), Duration.ofSeconds(60));
            group.set(consumer.groupMetadata());
            assigned.addAll(partitions);
            LOG.info("Ingest worker {} assigned partitions {} of {}", workerId,
                    partitions.stream().map(TopicPartition::partition).sorted().toList(), settings.topics().sources());
        }

        private void release(Collection<TopicPartition> partitions, boolean wait) {
            List<Owned> leaving = owned.values().stream().filter(o -> partitions.contains(o.partition)).toList();
            stop(leaving, wait);
            leaving.forEach(o -> {
                owned.remove(o.id);
                running.remove(o.id);
            });
            partitions.forEach(loadingUntil::remove);
            assigned.removeAll(partitions);
            if (!partitions.isEmpty()) {
                LOG.info("Ingest worker {} released partitions {}", workerId,
                        partitions.stream().map(TopicPartition::partition).sorted().toList());
            }
        }
    }

    /**
     * Waits until transactions a previous owner left open on these partitions are finished: with read_committed,
     * {@code committed()} does not answer while offsets are pending in a transaction.
     */
    private void awaitPreviousOwners(Collection<TopicPartition> partitions) {
        Instant deadline = Instant.now().plus(settings.transactionTimeout()).plusSeconds(60);
        while (!closing) {
            try {
                consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(30));
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LOG.info("Waiting for a previous owner's open transaction on {} to end", partitions);
            }
        }
    }

    /** Marks sources stopped; with {@code wait}, lets a pass in progress end at its next batch boundary. */
    private void stop(List<Owned> sources, boolean wait) {
        sources.forEach(o -> o.revoked = true);
        if (!wait) {
            return;
        }
        long deadline = System.nanoTime() + settings.revokeTimeout().toNanos();
        for (Owned o : sources) {
            Future<?> pass = o.pass;
            if (pass == null) {
                continue;
            }
            try {
                pass.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warn("Source {} did not stop within {}; interrupting it", o.id, settings.revokeTimeout());
                pass.cancel(true);
            } catch (ExecutionException e) {
                // already logged by the pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled before it ran
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- passes

    private void runPass(Owned o) {
        Instant start = settings.clock().instant();
        String outcome = "failed";
        try {
            if (o.revoked) {
                outcome = "revoked";
                return;
            }
            running.add(o.id);
            CheckpointedSource source = o.source;
            if (source == null) {
                source = factory.create(o.definition);
                o.source = source;
            }
            CheckpointedSource.PollOutcome result = source.poll(o.checkpoint, batch -> commit(o, batch));
            outcome = result == CheckpointedSource.PollOutcome.NOT_MODIFIED ? "not_modified" : "ok";
        } catch (Revoked e) {
            outcome = "revoked";
        } catch (ThrottledException e) {
            outcome = "throttled";
            LOG.info("Source {} paused: {}", o.id, e.getMessage());
        } catch (InterruptedException e) {
            outcome = "interrupted";
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            metrics.failed(o.id, e instanceof SourceFailure f ? f.stage() : stageOf(e));
            LOG.warn("Source {} failed: {}", o.id, e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.debug("Source {} failure", o.id, e);
        } finally {
            Instant end = settings.clock().instant();
            metrics.polled(o.id, outcome, Duration.between(start, end));
            o.nextRun = end.plusSeconds(o.definition.intervalSeconds());
        }
    }

    private static String stageOf(Exception e) {
        if (e instanceof dev.newsintel.ingest.http.FetchException) {
            return "fetch";
        }
        if (e instanceof KafkaException) {
            return "publish";
        }
        return "poll";
    }

    /** One batch, one transaction: documents, dead letters, checkpoint and the group offset together. */
    private void commit(Owned o, Batch batch) throws Revoked {
        if (o.revoked || closing) {
            throw new Revoked(o.id);
        }
        ConsumerGroupMetadata metadata = group.get();
        KafkaProducer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            // First, so a new owner's committed() waits for this transaction (see the class comment).
            p.sendOffsetsToTransaction(Map.of(o.partition, new OffsetAndMetadata(o.definitionOffset + 1)), metadata);
            for (RawDocument document : batch.documents()) {
                RawDocument bounded = SizePolicy.bounded(document);
                p.send(new ProducerRecord<>(settings.topics().raw(bounded.kind()), null,
                        RawDocumentPublisher.timestampOf(bounded), bounded.id(), Json.toBytes(bounded)));
            }
            for (DeadLetter dead : batch.deadLetters()) {
                p.send(new ProducerRecord<>(settings.topics().deadLetters(), dead.key(), Json.toBytes(dead)));
            }
            p.send(new ProducerRecord<>(settings.topics().checkpoints(), o.id, Json.toBytes(batch.checkpoint())));
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException | InvalidProducerEpochException e) {
            discardProducer(p);
            throw e;
        } catch (KafkaException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                discardProducer(p);
            }
            throw e;
        }
        o.checkpoint = batch.checkpoint();
        if (!batch.documents().isEmpty()) {
            metrics.published(o.id, batch.documents().size());
        }
        if (!batch.deadLetters().isEmpty()) {
            metrics.deadLettered(o.id, batch.deadLetters().size());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer.get();
        if (p != null) {
            return p;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // Fencing comes from the group generation (KIP-447), so the id only has to be unique per producer.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.groupId() + "-" + workerId + "-"
                + producerSequence.incrementAndGet());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(settings.transactionTimeout().toMillis()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer());
        created.initTransactions();
        producers.add(created);
        producer.set(created);
        return created;
    }

    private void discardProducer(KafkaProducer<String, byte[]> p) {
        producer.remove();
        producers.remove(p);
        try {
            p.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug("Closing a fenced producer", e);
        }
    }

    /**
     * Stops at once, the way a crash would: passes are interrupted wherever they are and the producers are closed
     * without finishing their transactions (the broker aborts a transaction left open after the transaction
     * timeout). For fault tests.
     */
    public void halt() {
        halted = true;
        closing = true;
        runners.shutdownNow();
        for (KafkaProducer<String, byte[]> p : producers) {
            try {
                p.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Halting a producer", e);
            }
        }
        producers.clear();
        consumer.wakeup();
        try {
            coordinator.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, lets passes in progress end at a batch boundary, leaves the group and closes the producers. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (coordinator.isAlive()) {
                coordinator.join(settings.revokeTimeout().plusSeconds(15).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runners.shutdownNow();
        try {
            runners.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (KafkaProducer<String, byte[]> p : producers) {
            try {
                p.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Closing a producer", e);
            }
        }
        producers.clear();
    }
}
