package dev.newsintel.ingest.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.SourceDefinition;
import dev.newsintel.events.TopicSpec;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.http.Sleeper;

/**
 * Live workers against a real Kafka broker and feeds served by WireMock: restarts and crashes never duplicate or
 * lose a document, a second worker takes half the partitions of the sources topic, and a hostile feed is
 * dead-lettered while the other sources keep going.
 */
@WithStack
class LiveIngestWorkerTest {
    @RegisterExtension
    static WireMockExtension web = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private record Setup(LiveIngestWorker.Settings settings, IngestTopics topics) {
    }

    private static Setup setup(TestStack stack) {
        String prefix = stack.unique("ingest-it");
        IngestTopics topics = new IngestTopics(prefix + ".sources", prefix + ".checkpoints", prefix + ".raw.filings",
                prefix + ".raw.news", prefix + ".dlq");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Topics.ensureCreated(admin, List.of(
                    new TopicSpec(topics.sources(), 6, Topics.SOURCES.configs()),
                    new TopicSpec(topics.checkpoints(), 6, Topics.INGEST_CHECKPOINTS.configs()),
                    new TopicSpec(topics.rawFilings(), 2, Topics.RAW_FILINGS.configs()),
                    new TopicSpec(topics.rawNews(), 3, Topics.RAW_NEWS.configs()),
                    new TopicSpec(topics.deadLetters(), 1, Topics.DLQ.configs())));
        }
        LiveIngestWorker.Settings settings = new LiveIngestWorker.Settings(stack.kafkaBootstrapServers(),
                prefix + "-group", topics, 4, Duration.ofSeconds(10), Duration.ofSeconds(30), Clock.systemUTC());
        return new Setup(settings, topics);
    }

    private static LiveIngestWorker worker(Setup setup, IngestMetrics metrics) {
        SourceFactory factory = new SourceFactory(null, new SourceFactory.NewsSettings("NewsIntel IT",
                Duration.ofMillis(10), Duration.ofSeconds(10)), Clock.systemUTC(), Sleeper.SYSTEM, metrics);
        return new LiveIngestWorker(setup.settings(), factory, metrics).start();
    }

    @Test
    void aRestartedWorkerResumesFromItsCheckpointWithoutDuplicates(TestStack stack) {
        Setup setup = setup(stack);
        String marker = stack.unique("okapi");
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            articles.add("/" + marker + "/a" + i);
        }
        NewsFixtures.serveFeed(web, "/" + marker + "/feed.xml", marker, articles);
        SourceDefinition feed = SourceDefinition.feed(web.baseUrl() + "/" + marker + "/feed.xml", null, 1);
        new SourceCatalog(stack.kafkaBootstrapServers(), setup.topics().sources()).register(List.of(feed));

        IngestMetrics first = IngestMetrics.inMemory();
        try (LiveIngestWorker worker = worker(setup, first)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(stack, setup.topics().rawNews()).size() == 5);
            // a few more passes of an unchanged feed publish nothing
            await().atMost(Duration.ofSeconds(30)).until(() -> first.total("newsintel.ingest.polls") >= 3);
        }
        // two new articles while no worker runs
        articles.add("/" + marker + "/a5");
        articles.add("/" + marker + "/a6");
        NewsFixtures.serveFeed(web, "/" + marker + "/feed.xml", marker, articles);

        IngestMetrics second = IngestMetrics.inMemory();
        try (LiveIngestWorker restarted = worker(setup, second)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(stack, setup.topics().rawNews()).size() >= 7);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.total("newsintel.ingest.polls") >= 3);
        }
        List<RawDocument> documents = committed(stack, setup.topics().rawNews());
        assertThat(documents).hasSize(7);
        assertThat(documents.stream().map(RawDocument::id).distinct()).hasSize(7);
        assertThat(second.total("newsintel.ingest.documents.published")).isEqualTo(2);
        RawDocument a0 = documents.stream().filter(d -> d.url().endsWith("/a0")).findFirst().orElseThrow();
        assertThat(a0.url()).isEqualTo(web.baseUrl() + "/" + marker + "/a0"); // canonical: no utm_source
        assertThat(a0.metadata()).containsEntry(MetadataKeys.FEED_URL, feed.url())
                .containsEntry(MetadataKeys.TITLE, marker + " story 0")
                .containsEntry(MetadataKeys.CANONICAL_URL, a0.url())
                .containsEntry(MetadataKeys.FETCHED_URL, a0.url() + "?utm_source=rss")
                .doesNotContainKey(MetadataKeys.ARTICLE_ERROR);
        assertThat(a0.body()).asString(StandardCharsets.UTF_8).contains("Body of " + marker + " story 0");
        assertThat(a0.charset()).isEqualTo("UTF-8");
        assertThat(a0.publishedAt()).isEqualTo(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        Map<String, IngestCheckpoint> checkpoints = CompactedTopic.readAll(stack.kafkaBootstrapServers(),
                setup.topics().checkpoints(), b -> Json.fromBytes(b, IngestCheckpoint.class), Duration.ofSeconds(30));
        assertThat(checkpoints.get(feed.id()).seen()).hasSize(14); // entry key and document id of each article
    }

    @Test
    void aCrashedWorkerLosesNothingAndDuplicatesNothing(TestStack stack) {
        Setup setup = setup(stack);
        String marker = stack.unique("tapir");
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add("/" + marker + "/a" + i);
        }
        NewsFixtures.serveFeed(web, "/" + marker + "/feed.xml", marker, articles);
        // the fourth article is slow: the worker is killed while the pass is in flight
        web.stubFor(get(urlPathEqualTo("/" + marker + "/a3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withFixedDelay(4000)
                .withBody("<html><head><title>slow</title></head><body>slow</body></html>")));
        new SourceCatalog(stack.kafkaBootstrapServers(), setup.topics().sources())
                .register(List.of(SourceDefinition.feed(web.baseUrl() + "/" + marker + "/feed.xml", null, 1)));

        LiveIngestWorker doomed = worker(setup, IngestMetrics.inMemory());
        await().atMost(Duration.ofSeconds(60)).until(() -> committed(stack, setup.topics().rawNews()).size() >= 3);
        doomed.halt();

        try (LiveIngestWorker successor = worker(setup, IngestMetrics.inMemory())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> committed(stack, setup.topics().rawNews()).size() >= 6);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        }
        List<RawDocument> documents = committed(stack, setup.topics().rawNews());
        assertThat(documents).hasSize(6);
        assertThat(documents.stream().map(RawDocument::id).distinct()).hasSize(6);
    }

    @Test
    void aSecondWorkerTakesHalfThePartitionsAndEachSourceRunsOnce(TestStack stack) {
        Setup setup = setup(stack);
        String marker = stack.unique("quagga");
        List<SourceDefinition> sources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String path = "/" + marker + "/f" + i + "/feed.xml";
            NewsFixtures.serveFeed(web, path, marker + i, List.of("/" + marker + "/f" + i + "/story"));
            sources.add(SourceDefinition.feed(web.baseUrl() + path, null, 1));
        }
        new SourceCatalog(stack.kafkaBootstrapServers(), setup.topics().sources()).register(sources);

        try (LiveIngestWorker a = worker(setup, IngestMetrics.inMemory())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> a.assignedPartitions().size() == 6);
            try (LiveIngestWorker b = worker(setup, IngestMetrics.inMemory())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> a.assignedPartitions().size() == 3
                        && b.assignedPartitions().size() == 3);
                assertThat(intersection(a.assignedPartitions(), b.assignedPartitions())).isEmpty();
                // every source runs on the worker that owns its partition, and only there
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Set<String> all = new HashSet<>(a.runningSources());
                    all.addAll(b.runningSources());
                    assertThat(all).hasSize(12);
                });
                assertThat(intersection(a.runningSources(), b.runningSources())).isEmpty();
                for (SourceDefinition s : sources) {
                    int partition = Utils.toPositive(Utils.murmur2(s.id().getBytes(StandardCharsets.UTF_8))) % 6;
                    LiveIngestWorker owner = a.assignedPartitions().contains(partition) ? a : b;
                    assertThat(owner.runningSources()).as(s.id() + " on partition " + partition).contains(s.id());
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(stack, setup.topics().rawNews()).size() >= 12);
            }
        }
        List<RawDocument> documents = committed(stack, setup.topics().rawNews());
        assertThat(documents).hasSize(12);
        assertThat(documents.stream().map(RawDocument::id).distinct()).hasSize(12);
    }

    @Test
    void aHostileFeedIsDeadLetteredOnceAndTheOtherSourcesGoOn(TestStack stack) {
        Setup setup = setup(stack);
        String marker = stack.unique("ibex");
        String hostile = "/" + marker + "/evil.xml";
        web.stubFor(get(urlEqualTo(hostile)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody("""
                        <?xml version="1.0"?>
                        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                        """)));
        NewsFixtures.serveFeed(web, "/" + marker + "/good.xml", marker, List.of("/" + marker + "/ok"));
        SourceDefinition evil = SourceDefinition.feed(web.baseUrl() + hostile, null, 1);
        SourceDefinition good = SourceDefinition.feed(web.baseUrl() + "/" + marker + "/good.xml", null, 1);
        new SourceCatalog(stack.kafkaBootstrapServers(), setup.topics().sources()).register(List.of(evil, good));
        IngestMetrics metrics = IngestMetrics.inMemory();

        try (LiveIngestWorker worker = worker(setup, metrics)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(stack, setup.topics().rawNews()).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    metrics.count("newsintel.ingest.polls", "source", evil.id(), "outcome", "failed") >= 3);
        }
        List<DeadLetter> dead = committedValues(stack, setup.topics().deadLetters(), DeadLetter.class);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("ingest.feed.parse");
            assertThat(d.sourceTopic()).isEqualTo(evil.url());
            assertThat(d.error()).contains("declares entities");
            assertThat(new String(d.value(), StandardCharsets.UTF_8)).contains("<!ENTITY xxe");
        });
        assertThat(metrics.count("newsintel.ingest.failures", "source", evil.id(), "stage", "parse")).isGreaterThanOrEqualTo(3);
        assertThat(committed(stack, setup.topics().rawNews()).get(0).body()).asString(StandardCharsets.UTF_8)
                .doesNotContain("root:");
    }

    private static Set<Object> intersection(Set<?> a, Set<?> b) {
        Set<Object> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    static List<RawDocument> committed(TestStack stack, String topic) {
        return committedValues(stack, topic, RawDocument.class);
    }

    /** Every committed record of a topic, read from the start with read_committed. */
    static <T> List<T> committedValues(TestStack stack, String topic, Class<T> type) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(Json.fromBytes(record.value(), type));
                }
            }
        }
        return values;
    }
}
