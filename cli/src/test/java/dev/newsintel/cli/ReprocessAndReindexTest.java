package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.search.Elasticsearch;
import dev.newsintel.search.IndexKind;
import picocli.CommandLine;

/** Re-processing history: {@code newsintel reprocess} and {@code newsintel reindex} against the real servers. */
@WithStack
class ReprocessAndReindexTest {

    @Test
    void reprocessSetsAStoppedEnrichApplicationBackToTheStartAndRefusesARunningOne(TestStack stack) throws Exception {
        String kafka = stack.kafkaBootstrapServers();
        String app = stack.unique("reprocess-app");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Topics.ensureCreated(admin, Topics.all());
            try (RawDocumentPublisher publisher = new RawDocumentPublisher(kafka, "reprocess-test")) {
                for (int i = 0; i < 3; i++) {
                    publisher.send(RawDocument.of(app + "-" + i, DocumentKind.NEWS, "test", null, "text/plain",
                            Instant.now(), null, Map.of(), ("Document " + i).getBytes(StandardCharsets.UTF_8)));
                }
                publisher.flush();
            }
            // The application read everything: its offsets are at the end of the raw topics.
            Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> done = new java.util.HashMap<>();
            ends.forEach((tp, end) -> done.put(tp, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(app, done).all().get();

            Run run = run("reprocess", "--kafka", kafka, "--application-id", app);
            assertThat(run.exit).as(run.output).isZero();
            assertThat(run.output).contains("set back to the start");
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                    .partitionsToOffsetAndMetadata().get();
            offsets(admin, OffsetSpec.earliest()).forEach((tp, start) ->
                    assertThat(committed.get(tp).offset()).as(tp.toString()).isEqualTo(start));
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(3);

            // While an instance runs, its offsets are its own: the command refuses and says why.
            try (KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, app),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                member.subscribe(List.of(Topics.RAW_NEWS.name()));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                    member.poll(Duration.ofMillis(200));
                }
                Run refused = run("reprocess", "--kafka", kafka, "--application-id", app);
                assertThat(refused.exit).isEqualTo(1);
                assertThat(refused.output).contains("is running", "stop every instance");
            }
        }
    }

    @Test
    void reindexFillsANewVersionFromKafkaAndMovesTheAliasAtOnce(TestStack stack) throws Exception {
        String kafka = stack.kafkaBootstrapServers();
        String marker = stack.unique("reindexmarker").replace("-", "");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        try (KafkaProducer<String, EnrichedDocument> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(),
                EventSerdes.enrichedDocument().serializer())) {
            for (int i = 0; i < 3; i++) {
                String id = marker + "-" + i;
                producer.send(new ProducerRecord<>(Topics.ENRICHED_DOCUMENTS.name(), id, new EnrichedDocument(
                        EnrichedDocument.SCHEMA_VERSION, id, DocumentKind.NEWS, "test", null, "Title " + i,
                        "Text of " + marker + " number " + i, Instant.parse("2026-03-11T10:00:00Z"), Instant.now(),
                        null, "en", "reindex.example", null, List.of(), List.of(), List.of(), null, Instant.now(),
                        Map.of()))).get();
            }
        }
        ElasticsearchClient es = Elasticsearch.connect(stack.elasticsearchUrl());
        try {
            Run first = run("reindex", "--kafka", kafka, "--elasticsearch", stack.elasticsearchUrl());
            assertThat(first.exit).as(first.output).isZero();
            Set<String> afterFirst = es.indices().getAlias(r -> r.name(IndexKind.DOCUMENTS.alias())).result()
                    .keySet();
            assertThat(afterFirst).singleElement().asString().matches("newsintel-documents-v\\d+");
            String version = afterFirst.iterator().next();
            assertThat(count(es, IndexKind.DOCUMENTS.alias(), marker)).isEqualTo(3);

            Run second = run("reindex", "--kafka", kafka, "--elasticsearch", stack.elasticsearchUrl(),
                    "--delete-old");
            assertThat(second.exit).as(second.output).isZero();
            Set<String> afterSecond = es.indices().getAlias(r -> r.name(IndexKind.DOCUMENTS.alias())).result()
                    .keySet();
            int v1 = Integer.parseInt(version.replaceAll(".*-v", ""));
            assertThat(afterSecond).containsExactly("newsintel-documents-v" + (v1 + 1));
            assertThat(es.indices().exists(r -> r.index(version)).value()).as("old version deleted").isFalse();
            assertThat(count(es, IndexKind.DOCUMENTS.alias(), marker)).isEqualTo(3);
            // The alias is the write index of the new version: serve's indexers write there now.
            assertThat(es.indices().getAlias(r -> r.name(IndexKind.DOCUMENTS.alias())).result()
                    .get("newsintel-documents-v" + (v1 + 1)).aliases().get(IndexKind.DOCUMENTS.alias()).isWriteIndex())
                    .isTrue();
        } finally {
            es._transport().close();
        }
    }

    private static long count(ElasticsearchClient es, String index, String marker) throws Exception {
        es.indices().refresh(r -> r.index(index));
        return es.count(c -> c.index(index).query(q -> q.simpleQueryString(s -> s.query(marker).fields("text"))))
                .count();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (String topic : List.of(Topics.RAW_NEWS.name(), Topics.RAW_FILINGS.name())) {
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
        }
        Map<TopicPartition, Long> out = new java.util.HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(e.getMessage());
                    return 1;
                });
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }
}
