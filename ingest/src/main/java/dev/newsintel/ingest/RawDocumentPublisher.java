package dev.newsintel.ingest;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;

import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;

/**
 * Publishes raw documents to their raw topic, keyed by document id, with an idempotent producer (a retried send
 * is written once). The record timestamp is the publication time when the source gives one, else the fetch time.
 */
public final class RawDocumentPublisher implements DocumentSink, AutoCloseable {
    private final KafkaProducer<String, RawDocument> producer;

    public RawDocumentPublisher(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        this.producer = new KafkaProducer<>(props, Serdes.String().serializer(),
                EventSerdes.rawDocument().serializer());
    }

    @Override
    public void accept(RawDocument document) {
        send(document);
    }

    public Future<RecordMetadata> send(RawDocument document) {
        RawDocument bounded = SizePolicy.bounded(document);
        return producer.send(new ProducerRecord<>(bounded.kind().rawTopic().name(), null, timestampOf(bounded),
                bounded.id(), bounded));
    }

    /**
     * The record timestamp of a raw document: its publication time when the source gives one, else its fetch time.
     * A publication time in the future (a wrong time zone on a page) would be refused by the broker.
     */
    public static long timestampOf(RawDocument document) {
        return document.publishedAt() != null && document.publishedAt().isBefore(document.fetchedAt())
                ? document.publishedAt().toEpochMilli()
                : document.fetchedAt().toEpochMilli();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
