package dev.newsintel.ingest.live;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newsintel.events.Json;
import dev.newsintel.events.SourceDefinition;

/**
 * The set of sources, kept in the compacted sources topic: what {@code newsintel ingest} and {@code up} register
 * from their options, and what every worker of the group reads. Registering a definition again is harmless
 * (compaction keeps the latest); removing writes a tombstone, and the worker that owns it stops it.
 */
public final class SourceCatalog {
    private final String bootstrapServers;
    private final String topic;

    public SourceCatalog(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Writes these definitions and waits until the broker has them. */
    public void register(Collection<SourceDefinition> definitions) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (SourceDefinition d : definitions) {
                producer.send(new ProducerRecord<>(topic, d.id(), Json.toBytes(d))).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not register sources in " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering sources", e);
        }
    }

    /** Removes sources by id (tombstones). */
    public void remove(Collection<String> ids) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(topic, id, null)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not remove sources from " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing sources", e);
        }
    }

    /** Registers {@code definitions} and removes every other source: the catalog becomes exactly this set. */
    public List<String> replaceWith(Collection<SourceDefinition> definitions) {
        Set<String> wanted = definitions.stream().map(SourceDefinition::id).collect(Collectors.toSet());
        List<String> stale = readAll().keySet().stream().filter(id -> !wanted.contains(id)).sorted().toList();
        register(definitions);
        remove(stale);
        return stale;
    }

    /** Every registered source, by id. */
    public Map<String, SourceDefinition> readAll() {
        return CompactedTopic.readAll(bootstrapServers, topic, bytes -> Json.fromBytes(bytes, SourceDefinition.class),
                Duration.ofSeconds(60));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsintel-source-catalog");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
