package dev.newsintel.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.newsintel.events.Alert;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Json;
import dev.newsintel.events.Story;
import dev.newsintel.events.Topics;

/**
 * Reads enriched documents, announcements, stories and alerts from Kafka and writes them to Elasticsearch with the
 * client's bulk ingester, each with its stable event id as {@code _id}, so a replay overwrites instead of
 * duplicating.
 *
 * <p>Each poll is one bounded batch. Its offsets are committed only once Elasticsearch acknowledged every record
 * of it (or the record went to the dead-letter topic): operations that failed for a transient reason (429, 5xx,
 * Elasticsearch unreachable) are sent again after a back-off, for as long as it takes, with the consumer's
 * partitions paused meanwhile so the group keeps them. An outage therefore delays indexing and loses nothing; a
 * crash re-indexes the last batch, which the stable ids make harmless. Records Elasticsearch refuses for good (a
 * mapping conflict) and records that are not valid events go to {@code newsintel.dlq} with the reason.
 */
public final class Indexer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    public static final String GROUP_ID = "newsintel-indexer";

    /**
     * @param groupId       consumer group; instances with the same group share the partitions
     * @param maxBatch      records per poll, which bounds one batch
     * @param backoff       wait before re-sending operations that failed for a transient reason
     * @param meters        where the indexer's counters and lag gauge go
     * @param targets       the index each kind is written to, when not its alias: a new index version being filled
     *                      before the alias moves to it ({@code newsintel reindex})
     */
    public record Options(String groupId, int maxBatch, RetryBackoff backoff, MeterRegistry meters, Clock clock,
                          Map<IndexKind, String> targets) {
        public Options {
            if (groupId == null || groupId.isBlank()) {
                throw new IllegalArgumentException("Indexer groupId must not be blank");
            }
            if (maxBatch < 1 || maxBatch > 10_000) {
                throw new IllegalArgumentException("Indexer maxBatch must be within [1, 10000], was " + maxBatch);
            }
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }

        public Options(String groupId, int maxBatch, RetryBackoff backoff, MeterRegistry meters, Clock clock) {
            this(groupId, maxBatch, backoff, meters, clock, Map.of());
        }

        /** Writes each kind to the given concrete index instead of its alias. */
        public Options withTargets(Map<IndexKind, String> indices) {
            return new Options(groupId, maxBatch, backoff, meters, clock, indices);
        }

        /** Where records of a kind are written: its target when given, else its alias (the write index). */
        public String indexFor(IndexKind kind) {
            return targets.getOrDefault(kind, kind.alias());
        }

        public static Options defaults() {
            return new Options(GROUP_ID, 500, RetryBackoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(10)),
                    new SimpleMeterRegistry(), Clock.systemUTC());
        }

        public Options withGroupId(String id) {
            return new Options(id, maxBatch, backoff, meters, clock, targets);
        }

        public Options withBackoff(RetryBackoff newBackoff) {
            return new Options(groupId, maxBatch, newBackoff, meters, clock, targets);
        }

        public Options withMeters(MeterRegistry registry) {
            return new Options(groupId, maxBatch, backoff, registry, clock, targets);
        }
    }

    private final Options options;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final ElasticsearchClient client;
    private final BulkIngester<Slot> ingester;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final Counter retries;
    private final Counter deadLettered;
    private final Timer batchTimer;
    private final Map<IndexKind, Counter> indexedByKind = new HashMap<>();
    private volatile boolean retrying;
    private volatile boolean healthy = true;
    private volatile boolean stopped;
    private volatile String lastError;

    public Indexer(String bootstrapServers, ElasticsearchClient client) {
        this(bootstrapServers, client, Options.defaults());
    }

    public Indexer(String bootstrapServers, ElasticsearchClient client, Options options) {
        this.options = options;
        this.client = client;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, options.groupId() + "-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The enrich stream writes in transactions: read only what it committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(options.maxBatch()));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        this.deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());

        // One request in flight and manual flushes: a batch is exactly what one poll returned. The ingester's own
        // back-off re-sends items rejected with 429 a few times; anything still failing comes back to us.
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(options.maxBatch())
                .maxSize(8L * 1024 * 1024)
                .maxConcurrentRequests(1)
                .backoffPolicy(BackoffPolicy.exponentialBackoff(100L, 4))
                .listener(new Listener()));

        MeterRegistry meters = options.meters();
        for (IndexKind kind : IndexKind.values()) {
            indexedByKind.put(kind, Counter.builder("newsintel.indexer.indexed")
                    .description("Records Elasticsearch acknowledged").tag("index", kind.alias()).register(meters));
        }
        this.retries = Counter.builder("newsintel.indexer.retries")
                .description("Bulk operations sent again after a transient failure").register(meters);
        this.deadLettered = Counter.builder("newsintel.indexer.dead.letters")
                .description("Records sent to the dead-letter topic instead of Elasticsearch").register(meters);
        this.batchTimer = Timer.builder("newsintel.indexer.batch")
                .description("Time from poll to commit of one batch").register(meters);
        Gauge.builder("newsintel.indexer.lag", lag, AtomicLong::get)
                .description("Records not yet indexed on the assigned partitions").register(meters);
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("An indexer runs once");
        }
        try {
            consumer.subscribe(topics(), new Rebalance());
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                updateLag();
                if (records.isEmpty()) {
                    continue;
                }
                long started = System.nanoTime();
                if (indexUntilAcknowledged(records)) {
                    commit(records);
                    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            healthy = false;
            lastError = e.toString();
            LOG.error("Indexer stopped", e);
            throw e;
        } finally {
            stopped = true;
            ingester.close();
            deadLetters.close(Duration.ofSeconds(10));
            consumer.close(Duration.ofSeconds(10));
        }
    }

    static List<String> topics() {
        return java.util.Arrays.stream(IndexKind.values()).map(IndexKind::topic).toList();
    }

    /**
     * Sends the batch until every operation is acknowledged or refused for good; false when stopped first (the
     * batch is then left uncommitted, to be read again).
     */
    private boolean indexUntilAcknowledged(ConsumerRecords<String, byte[]> records) {
        List<DeadLetter> poison = new ArrayList<>();
        List<Slot> pending = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                BulkOperation operation = operation(record, options::indexFor);
                if (operation != null) {
                    pending.add(new Slot(record, operation, IndexKind.forTopic(record.topic())));
                }
            } catch (RuntimeException e) {
                poison.add(DeadLetter.of("index.parse", record.topic(), record.partition(), record.offset(),
                        record.key(), e, record.value(), Instant.now(options.clock())));
            }
        }
        List<Slot> all = List.copyOf(pending);
        int attempt = 0;
        while (!pending.isEmpty()) {
            CountDownLatch done = new CountDownLatch(pending.size());
            for (Slot slot : pending) {
                slot.reset(done);
                ingester.add(slot.operation, slot);
            }
            ingester.flush();
            if (!await(done)) {
                return false;
            }
            List<Slot> failed = pending.stream().filter(s -> s.state == State.FAILED).toList();
            if (failed.isEmpty()) {
                break;
            }
            attempt++;
            retries.increment(failed.size());
            retrying = true;
            healthy = false;
            lastError = failed.get(0).reason;
            Duration delay = options.backoff().delay(attempt);
            LOG.warn("{} of {} operations failed ({}); sending them again in {} ms (attempt {})", failed.size(),
                    pending.size(), lastError, delay.toMillis(), attempt + 1);
            if (failed.stream().anyMatch(s -> s.reason != null && s.reason.contains("index_not_found"))) {
                recreateIndices();
            }
            if (!waitPaused(delay)) {
                return false;
            }
            pending = failed;
        }
        retrying = false;
        healthy = true;
        for (Slot slot : all) {
            if (slot.state == State.ACKED) {
                indexed.incrementAndGet();
                indexedByKind.get(slot.kind).increment();
            } else if (slot.state == State.REJECTED) {
                rejected.incrementAndGet();
                LOG.warn("Elasticsearch refused {} {}: {}", slot.kind.alias(), slot.record.key(), slot.reason);
                poison.add(DeadLetter.of("index.rejected", slot.record.topic(), slot.record.partition(),
                        slot.record.offset(), slot.record.key(), new IllegalArgumentException(slot.reason),
                        slot.record.value(), Instant.now(options.clock())));
            }
        }
        sendDeadLetters(poison);
        return true;
    }

    /** The index (or delete, for a tombstone) operation of a record, on its alias; null when nothing to index. */
    static BulkOperation operation(ConsumerRecord<String, byte[]> record) {
        return operation(record, IndexKind::alias);
    }

    /** The operation of a record on the index {@code indexFor} names for its kind. */
    static BulkOperation operation(ConsumerRecord<String, byte[]> record,
                                   java.util.function.Function<IndexKind, String> indexFor) {
        IndexKind kind = IndexKind.forTopic(record.topic());
        if (kind == null) {
            return null;
        }
        String index = indexFor.apply(kind);
        if (record.value() == null) {
            if (record.key() == null) {
                return null;
            }
            return BulkOperation.of(op -> op.delete(d -> d.index(index).id(record.key())));
        }
        String id;
        Object view;
        switch (kind) {
            case DOCUMENTS -> {
                EnrichedDocument document = Json.fromBytes(record.value(), EnrichedDocument.class);
                id = document.id();
                view = IndexViews.document(document);
            }
            case ANNOUNCEMENTS -> {
                Announcement announcement = Json.fromBytes(record.value(), Announcement.class);
                id = announcement.id();
                view = IndexViews.announcement(announcement);
            }
            case STORIES -> {
                Story story = Json.fromBytes(record.value(), Story.class);
                id = story.id();
                view = IndexViews.story(story);
            }
            case ALERTS -> {
                Alert alert = Json.fromBytes(record.value(), Alert.class);
                id = alert.id();
                view = IndexViews.alert(alert);
            }
            default -> throw new IllegalStateException("No view for " + kind);
        }
        return BulkOperation.of(op -> op.index(i -> i.index(index).id(id).document(view)));
    }

    private boolean await(CountDownLatch done) {
        try {
            // The client's socket timeout bounds one request; the loop only watches for a stop meanwhile.
            while (!done.await(1, TimeUnit.SECONDS)) {
                if (!running.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits out a back-off inside {@code poll} with every partition paused: the consumer stays in its group and
     * receives nothing. Records returned anyway (a partition assigned meanwhile) are rewound, not dropped.
     */
    private boolean waitPaused(Duration delay) {
        Set<TopicPartition> assignment = consumer.assignment();
        consumer.pause(assignment);
        try {
            Instant deadline = Instant.now(options.clock()).plus(delay);
            while (running.get()) {
                Duration left = Duration.between(Instant.now(options.clock()), deadline);
                if (left.isNegative() || left.isZero()) {
                    return true;
                }
                ConsumerRecords<String, byte[]> unexpected = consumer.poll(left);
                for (TopicPartition partition : unexpected.partitions()) {
                    consumer.seek(partition, unexpected.records(partition).get(0).offset());
                }
                consumer.pause(consumer.assignment());
            }
            return false;
        } finally {
            consumer.resume(consumer.paused());
        }
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (!assigned.contains(partition)) {
                continue; // revoked while we indexed: its new owner reads the batch again
            }
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.warn("Offsets not committed ({}); the batch will be indexed again, harmlessly", e.getMessage());
        }
    }

    private void sendDeadLetters(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                sent.add(deadLetters.send(new ProducerRecord<>(Topics.DLQ.name(), letter.key(), Json.toBytes(letter))));
            }
            for (var future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
            deadLettered.increment(letters.size());
        } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
            // Not committing is the safe answer: the batch is read again and the letters sent again.
            throw new IllegalStateException("Could not write to the dead-letter topic: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing dead letters", e);
        }
    }

    private void recreateIndices() {
        try {
            IndexSetup.apply(client);
        } catch (RuntimeException e) {
            LOG.debug("Index setup failed, will try again", e);
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    /** Records acknowledged by Elasticsearch since start. */
    public long indexed() {
        return indexed.get();
    }

    /** Records of one kind (documents, announcements, ...) acknowledged by Elasticsearch since start. */
    public long indexed(IndexKind kind) {
        return (long) indexedByKind.get(kind).count();
    }

    /** Records Elasticsearch refused for good (sent to the dead-letter topic). */
    public long rejected() {
        return rejected.get();
    }

    public HealthIndicator.Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", options.groupId());
        details.put("indexed", indexed.get());
        details.put("rejected", rejected.get());
        details.put("lag", lag.get());
        if (retrying) {
            details.put("retrying", true);
        }
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        return healthy && !stopped ? HealthIndicator.Health.up(details) : HealthIndicator.Health.down(details);
    }

    @Override
    public void close() {
        running.set(false);
        if (started.compareAndSet(false, true)) {
            // never ran: release what the constructor opened
            stopped = true;
            ingester.close();
            deadLetters.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
        } else {
            consumer.wakeup();
        }
    }

    private enum State { PENDING, ACKED, REJECTED, FAILED }

    /** One record's operation, the context the bulk ingester hands back with its outcome. */
    private static final class Slot {
        final ConsumerRecord<String, byte[]> record;
        final BulkOperation operation;
        final IndexKind kind;
        volatile State state = State.PENDING;
        volatile String reason;
        private CountDownLatch done;

        Slot(ConsumerRecord<String, byte[]> record, BulkOperation operation, IndexKind kind) {
            this.record = record;
            this.operation = operation;
            this.kind = kind;
        }

        void reset(CountDownLatch latch) {
            state = State.PENDING;
            reason = null;
            done = latch;
        }

        void complete(State outcome, String why) {
            if (state != State.PENDING) {
                return;
            }
            reason = why;
            state = outcome;
            done.countDown();
        }
    }

    private final class Listener implements BulkListener<Slot> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Slot> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Slot> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                Slot slot = contexts.get(i);
                BulkResponseItem item = i < items.size() ? items.get(i) : null;
                if (item == null) {
                    slot.complete(State.FAILED, "no response item");
                } else if (item.error() == null || isMissingDelete(item)) {
                    slot.complete(State.ACKED, null);
                } else {
                    String reason = item.error().type() + ": " + item.error().reason();
                    slot.complete(isTransient(item) ? State.FAILED : State.REJECTED, reason);
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Slot> contexts, Throwable failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            for (Slot slot : contexts) {
                slot.complete(State.FAILED, reason);
            }
        }

        private static boolean isMissingDelete(BulkResponseItem item) {
            return item.status() == 404 && "not_found".equals(item.result());
        }

        private static boolean isTransient(BulkResponseItem item) {
            int status = item.status();
            return status == 429 || status >= 500 || "index_not_found_exception".equals(item.error().type());
        }
    }

    /** Pauses new partitions while a batch waits out a back-off, so nothing is polled past the unindexed batch. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (retrying) {
                consumer.pause(partitions);
            }
        }
    }
}
