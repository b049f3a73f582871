package dev.newsintel.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Json;
import dev.newsintel.events.Topics;

/**
 * Reads enriched documents from Kafka and writes them to Elasticsearch with their document id as {@code _id}, so
 * a replay overwrites instead of duplicating. Offsets are committed only after Elasticsearch acknowledged the
 * whole batch: a crash between the two re-indexes the batch, which the stable ids make harmless.
 */
public final class Indexer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    public static final String GROUP_ID = "newsintel-indexer";

    private final KafkaConsumer<String, byte[]> consumer;
    private final ElasticsearchClient client;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean healthy = true;
    private volatile String lastError;

    public Indexer(String bootstrapServers, ElasticsearchClient client) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The enrich stream writes in transactions: read only what it committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.client = client;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ENRICHED_DOCUMENTS.name()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                index(records);
                consumer.commitSync();
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
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void index(ConsumerRecords<String, byte[]> records) {
        List<BulkOperation> operations = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            EnrichedDocument document = Json.fromBytes(record.value(), EnrichedDocument.class);
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(IndexKind.DOCUMENTS.alias())
                    .id(document.id()).document(IndexViews.document(document)))));
        }
        if (operations.isEmpty()) {
            return;
        }
        try {
            BulkResponse response = client.bulk(b -> b.operations(operations));
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    rejected.incrementAndGet();
                    LOG.warn("Elasticsearch rejected {}: {}", item.id(), item.error().reason());
                } else {
                    indexed.incrementAndGet();
                }
            }
            healthy = true;
        } catch (java.io.IOException e) {
            healthy = false;
            lastError = e.toString();
            throw new java.io.UncheckedIOException("Bulk request to Elasticsearch failed", e);
        }
    }

    public long indexed() {
        return indexed.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public HealthIndicator.Health health() {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("indexed", indexed.get());
        details.put("rejected", rejected.get());
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        return healthy ? HealthIndicator.Health.up(details) : HealthIndicator.Health.down(details);
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
