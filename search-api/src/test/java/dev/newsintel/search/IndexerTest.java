package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Json;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;
import dev.newsintel.events.Topics;

/** The indexer against real Kafka and Elasticsearch: outages, poison records, committed offsets. */
@WithStack
class IndexerTest {

    @Test
    void anElasticsearchOutageLosesAndDoublesNothing(TestStack stack) throws Exception {
        String m = stack.unique("kingfisher");
        String group = stack.unique("outage-indexer");
        createTopics(stack);
        ElasticsearchClient es = Elasticsearch.connect(stack.elasticsearchUrl());
        IndexSetup.apply(es);
        Indexer indexer = new Indexer(stack.kafkaBootstrapServers(), es, Indexer.Options.defaults().withGroupId(group)
                .withBackoff(RetryBackoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(2))));
        Thread thread = new Thread(indexer, "outage-indexer");
        thread.start();
        Map<TopicPartition, Long> published = new HashMap<>();
        try (Fixtures fixtures = new Fixtures(stack.kafkaBootstrapServers(), m)) {
            record(published, fixtures.publishAt(Topics.ENRICHED_DOCUMENTS.name(), "before-" + m,
                    document(fixtures, "before-" + m)));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(es, m) == 1);

            stack.stopElasticsearch();
            List<String> ids = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    String id = "down-" + i + "-" + m;
                    ids.add(id);
                    record(published, fixtures.publishAt(Topics.ENRICHED_DOCUMENTS.name(), id, document(fixtures, id)));
                }
                // A replay of the same document while down must not make a second one.
                record(published, fixtures.publishAt(Topics.ENRICHED_DOCUMENTS.name(), ids.get(0),
                        document(fixtures, ids.get(0))));
                // The indexer notices and keeps trying, with its partitions held.
                await().atMost(Duration.ofSeconds(60)).until(() -> !indexer.health().up()
                        && Boolean.TRUE.equals(indexer.health().details().get("retrying")));
                Thread.sleep(5_000); // several back-offs long: the outage is not a blip
                assertThat(thread.isAlive()).isTrue();
            } finally {
                stack.startElasticsearch();
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(es, m) == 41);
            // Exactly once per id: every id found, none twice.
            SearchResponse<ObjectNode> all = es.search(s -> s.index(IndexKind.DOCUMENTS.alias()).size(100)
                    .query(q -> q.simpleQueryString(sq -> sq.query(m).fields("text"))), ObjectNode.class);
            List<String> found = all.hits().hits().stream().map(h -> h.id()).toList();
            assertThat(found).doesNotHaveDuplicates().containsAll(ids).contains("before-" + m).hasSize(41);

            // The group's committed offsets cover everything published, and health is back.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(stack, group);
                for (var entry : published.entrySet()) {
                    assertThat(committed.get(entry.getKey())).as(entry.getKey().toString()).isNotNull();
                    assertThat(committed.get(entry.getKey()).offset()).isGreaterThan(entry.getValue());
                }
                assertThat(indexer.health().up()).isTrue();
            });
        } finally {
            indexer.close();
            thread.join(20_000);
            es._transport().close();
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndTheRestIsIndexed(TestStack stack) throws Exception {
        String m = stack.unique("shrike");
        createTopics(stack);
        ElasticsearchClient es = Elasticsearch.connect(stack.elasticsearchUrl());
        IndexSetup.apply(es);
        Indexer indexer = new Indexer(stack.kafkaBootstrapServers(), es,
                Indexer.Options.defaults().withGroupId(stack.unique("poison-indexer")));
        Thread thread = new Thread(indexer, "poison-indexer");
        thread.start();
        try (Fixtures fixtures = new Fixtures(stack.kafkaBootstrapServers(), m)) {
            // Not JSON at all.
            fixtures.publishRaw(Topics.ENRICHED_DOCUMENTS.name(), "garbage-" + m,
                    "{not json".getBytes(StandardCharsets.UTF_8));
            // Valid JSON, valid event, but a number no double can hold: Elasticsearch refuses it for good.
            EnrichedDocument huge = document(fixtures, "huge-" + m);
            huge = new EnrichedDocument(1, huge.id(), huge.kind(), huge.sourceId(), huge.url(), huge.title(), huge.text(),
                    huge.publishedAt(), huge.fetchedAt(), null, "en", huge.site(), null, List.of(),
                    List.of(new Quantity(QuantityKind.COUNT, "a lot", 0, 5, new BigDecimal("1e400"), "things", null,
                            null, false, null)), List.of(), null, huge.enrichedAt(), Map.of());
            fixtures.publish(huge);
            fixtures.publish(document(fixtures, "fine-" + m));

            await().atMost(Duration.ofSeconds(60)).until(() -> count(es, m) == 1);
            Map<String, DeadLetter> letters = deadLetters(stack, List.of("garbage-" + m, "huge-" + m));
            assertThat(letters.get("garbage-" + m).stage()).isEqualTo("index.parse");
            assertThat(letters.get("garbage-" + m).error()).contains("Not a valid EnrichedDocument");
            assertThat(new String(letters.get("garbage-" + m).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(letters.get("huge-" + m).stage()).isEqualTo("index.rejected");
            assertThat(letters.get("huge-" + m).error()).contains("failed to parse field [quantities.value]");
            assertThat(letters.get("huge-" + m).sourceTopic()).isEqualTo(Topics.ENRICHED_DOCUMENTS.name());
            assertThat(indexer.rejected()).isEqualTo(1);
            assertThat(indexer.health().up()).isTrue();
        } finally {
            indexer.close();
            thread.join(20_000);
            es._transport().close();
        }
    }

    private static void createTopics(TestStack stack) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Topics.ensureCreated(admin, Topics.all());
        }
    }

    private static EnrichedDocument document(Fixtures fixtures, String id) {
        return fixtures.document(id, DocumentKind.NEWS, "outage.example", "Document " + id, "Body of " + id,
                Fixtures.at("2026-03-11T10:00:00Z"), null, List.of(), List.of());
    }

    private static void record(Map<TopicPartition, Long> published, RecordMetadata metadata) {
        published.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::max);
    }

    private static long count(ElasticsearchClient es, String marker) {
        try {
            es.indices().refresh(r -> r.index(IndexKind.DOCUMENTS.alias()));
            return es.count(c -> c.index(IndexKind.DOCUMENTS.alias())
                    .query(q -> q.simpleQueryString(sq -> sq.query(marker).fields("text")))).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(TestStack stack, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    private static Map<String, DeadLetter> deadLetters(TestStack stack, List<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        Map<String, DeadLetter> found = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < keys.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.put(r.key(), Json.fromBytes(r.value(), DeadLetter.class));
                    }
                });
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        return found;
    }
}
