package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.cli.bench.CorpusComposer;
import dev.newsintel.cli.bench.StageProcess;
import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Alert;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Json;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.RawDocumentPublisher;

/**
 * The whole pipeline under faults: documents go in through the ingest stage's publisher while {@code newsintel
 * enrich} and {@code newsintel serve} run as real child processes against the real broker and Elasticsearch; in the
 * middle of the stream one thing fails. After recovery every document is searchable exactly once (through the
 * API, counted by the scenario's marker word), every story has exactly one alert for the scenario's rule, on its
 * rule topic, on the firehose and in the alerts index, and nothing else was written for it.
 *
 * <p>One enrich application and one indexer group serve all scenarios, as a deployment would: each fault hits a
 * pipeline that has been running.
 */
@WithStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineFaultTest {
    private static final int DOCUMENTS = 80;
    private static final int FAULT_AT = 20;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestStack stack;
    private Path work;
    private String appId;
    private String indexerGroup;
    private int apiPort;
    private StageProcess enrich;
    private StageProcess serve;
    private int restarts;
    private int scenarios;

    @BeforeAll
    void start(TestStack stack) throws IOException {
        this.stack = stack;
        this.work = Files.createTempDirectory("newsintel-faults-");
        this.appId = stack.unique("fault-enrich");
        this.indexerGroup = stack.unique("fault-indexer");
        try (ServerSocket socket = new ServerSocket(0)) {
            apiPort = socket.getLocalPort();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        startEnrich();
        startServe();
    }

    @AfterAll
    void stop() {
        if (enrich != null) {
            enrich.close();
        }
        if (serve != null) {
            serve.close();
        }
        dev.newsintel.cli.Files2.deleteQuietly(work);
    }

    @Test
    void enrichKilledMidStreamLosesAndDoublesNothing() throws Exception {
        runScenario("kill-enrich", () -> {
            enrich.kill();
            startEnrich();
        });
    }

    @Test
    void indexerKilledMidStreamLosesAndDoublesNothing() throws Exception {
        runScenario("kill-indexer", () -> {
            serve.kill();
            startServe();
        });
    }

    @Test
    void kafkaBrokerRestartLosesAndDoublesNothing() throws Exception {
        runScenario("broker-restart", () -> stack.restartKafka());
    }

    @Test
    void elasticsearchDownForAMinuteLosesAndDoublesNothing() throws Exception {
        runScenario("es-outage", () -> {
            stack.stopElasticsearch();
            try {
                // Documents keep arriving meanwhile; the indexer holds its batch and retries.
                Thread.sleep(60_000);
                assertThat(serve.isAlive()).as("serve survives the outage").isTrue();
            } finally {
                stack.startElasticsearch();
            }
        });
    }

    @Test
    void poisonRecordsMidStreamGoToTheDeadLetterTopicOnceAndTheRestFlows() throws Exception {
        String notJson = stack.unique("poison-not-json");
        String notADocument = stack.unique("poison-no-id");
        Scenario scenario = runScenario("poison", () -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.RAW_NEWS.name(), notJson,
                        "<html>not an event\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1))).get();
                producer.send(new ProducerRecord<>(Topics.RAW_NEWS.name(), notADocument,
                        "{\"schemaVersion\": 1, \"kind\": \"NEWS\", \"body\": \"aGVsbG8=\"}"
                                .getBytes(StandardCharsets.UTF_8))).get();
            }
        });
        try (TopicReader<DeadLetter> dlq = new TopicReader<>(stack.kafkaBootstrapServers(), Topics.DLQ.name(),
                DeadLetter.class, d -> notJson.equals(d.key()) || notADocument.equals(d.key()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(dlq.poll()).hasSize(2));
            Thread.sleep(2_000);
            List<DeadLetter> letters = dlq.poll();
            assertThat(letters).extracting(DeadLetter::key).containsExactlyInAnyOrder(notJson, notADocument);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.stage()).isEqualTo("enrich.parse");
                assertThat(letter.error()).isNotBlank();
                assertThat(letter.sourceTopic()).isEqualTo(Topics.RAW_NEWS.name());
            });
        }
        assertThat(scenario.documents).hasSize(DOCUMENTS);
    }

    // ----- the scenario

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /** What a scenario published: document ids by the story the composer wrote them for. */
    private record Scenario(String marker, String rule, Set<String> documents, Map<Integer, Set<String>> stories) {
    }

    private Scenario runScenario(String name, Fault fault) throws Exception {
        String marker = stack.unique(name).replaceAll("[^A-Za-z0-9]", "");
        String rule = stack.unique("faults-" + name);
        String kafka = stack.kafkaBootstrapServers();
        try (Subscriptions subscriptions = new Subscriptions(kafka)) {
            Instant now = Instant.now();
            subscriptions.publish(new Subscription(Subscription.SCHEMA_VERSION, rule, name, List.of(), List.of(),
                    null, null, null, List.of(marker), now, now));
        }
        // Stories told by up to three outlets, word for word (so the grouping is certain), some 8-K filings. Each
        // scenario's publications lie a week before the previous one's, beyond the story window: the composer's
        // vocabulary is finite, and a story of one scenario with the same facts as another's would rightly join it.
        Instant firstPublished = Instant.now().minus(Duration.ofHours(2)).minus(Duration.ofDays(7L * scenarios++));
        CorpusComposer composer = new CorpusComposer(CorpusComposer.Settings
                .defaults(marker.hashCode(), marker.toLowerCase(java.util.Locale.ROOT))
                .withFirstPublished(firstPublished, Duration.ofSeconds(60))
                .withShares(0.1, 1.0, 3).withMaxCopyGap(10).withMarker(marker));
        List<CorpusComposer.Composed> corpus = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            corpus.add(composer.compose(Instant.now()));
        }
        Set<String> ids = corpus.stream().map(c -> c.document().id()).collect(Collectors.toSet());
        Map<Integer, Set<String>> stories = corpus.stream().collect(Collectors.groupingBy(
                CorpusComposer.Composed::story, Collectors.mapping(c -> c.document().id(), Collectors.toSet())));
        assertThat(ids).hasSize(DOCUMENTS);

        AtomicInteger sent = new AtomicInteger();
        List<Throwable> feedFailures = new ArrayList<>();
        Thread feeder = new Thread(() -> {
            try (RawDocumentPublisher publisher = new RawDocumentPublisher(kafka, "fault-test-ingest")) {
                for (CorpusComposer.Composed c : corpus) {
                    publisher.send(c.document());
                    publisher.flush(); // acknowledged by the broker, through a broker restart too
                    sent.incrementAndGet();
                    Thread.sleep(FEED_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                feedFailures.add(e);
            }
        }, "fault-feeder-" + name);
        feeder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= FAULT_AT);
        int sentAtFault = sent.get();
        fault.inject();
        feeder.join(Duration.ofMinutes(3).toMillis());
        assertThat(feedFailures).isEmpty();
        assertThat(sent.get()).isEqualTo(DOCUMENTS);
        assertThat(sentAtFault).as("the fault happened mid-stream").isLessThan(DOCUMENTS - 10);

        try (TopicReader<Alert> ruleAlerts = new TopicReader<>(kafka, Topics.alertTopic(rule).name(), Alert.class,
                a -> true);
             TopicReader<Alert> firehose = new TopicReader<>(kafka, Topics.ALERTS.name(), Alert.class,
                     a -> a.ruleId().equals(rule));
             TopicReader<EnrichedDocument> enriched = new TopicReader<>(kafka, Topics.ENRICHED_DOCUMENTS.name(),
                     EnrichedDocument.class, d -> ids.contains(d.id()))) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(searchIds(marker)).hasSize(DOCUMENTS);
                List<EnrichedDocument> done = enriched.poll();
                assertThat(done.stream().map(EnrichedDocument::id).distinct().count()).isEqualTo(DOCUMENTS);
                long storiesSoFar = done.stream().map(EnrichedDocument::storyId).distinct().count();
                assertThat(ruleAlerts.poll()).hasSizeGreaterThanOrEqualTo((int) storiesSoFar);
                assertThat(indexedAlerts(rule)).isGreaterThanOrEqualTo((int) storiesSoFar);
            });
            // Anything doubled would show within a commit or two.
            Thread.sleep(5_000);

            // Every document searchable exactly once, and nothing else carries the marker.
            List<String> found = searchIds(marker);
            assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);

            // Each document enriched exactly once (read_committed), in the story of its copies.
            List<EnrichedDocument> documents = enriched.poll();
            assertThat(documents).extracting(EnrichedDocument::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
            Map<String, String> storyOf = new HashMap<>();
            documents.forEach(d -> storyOf.put(d.id(), d.storyId()));
            Set<String> storyIds = new HashSet<>();
            for (Set<String> copies : stories.values()) {
                Set<String> assigned = copies.stream().map(storyOf::get).collect(Collectors.toSet());
                assertThat(assigned).as("copies %s share one story", copies).hasSize(1);
                assertThat(copies).contains(assigned.iterator().next());
                storyIds.add(assigned.iterator().next());
            }
            assertThat(storyIds).hasSize(stories.size());

            // One alert per story for the rule: on its topic, on the firehose, in the alerts index.
            List<Alert> alerts = ruleAlerts.poll();
            assertThat(alerts).extracting(Alert::storyId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(storyIds);
            assertThat(firehose.poll()).extracting(Alert::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::id).toList());
            assertThat(indexedAlerts(rule)).isEqualTo(stories.size());
        }
        assertThat(enrich.isAlive()).isTrue();
        assertThat(serve.isAlive()).isTrue();
        return new Scenario(marker, rule, ids, stories);
    }

    // ----- the stages

    private void startEnrich() {
        enrich = StageProcess.start("enrich-" + (++restarts), "384m", work.resolve("logs"), List.of("enrich",
                "--kafka", stack.kafkaBootstrapServers(), "--application-id", appId,
                "--state-dir", work.resolve("enrich-state").toString(),
                // A killed member is noticed after 8 s instead of the default 45 s.
                "-c", "session.timeout.ms=8000", "-c", "heartbeat.interval.ms=1000"));
        enrich.awaitLog("Enrich is running", Duration.ofSeconds(120));
    }

    private void startServe() {
        serve = StageProcess.start("serve-" + (++restarts), "256m", work.resolve("logs"), List.of("serve",
                "--kafka", stack.kafkaBootstrapServers(), "--elasticsearch", stack.elasticsearchUrl(),
                "--port", Integer.toString(apiPort), "--group", indexerGroup, "--rate-limit", "1000"));
        serve.awaitLog("Search API on", Duration.ofSeconds(120));
    }

    /** Ids of the documents the search API finds for the marker (100 at most: more than any scenario writes). */
    private List<String> searchIds(String marker) throws Exception {
        JsonNode result = get("/api/search?size=100&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
        if (result == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        assertThat(result.path("total").asInt()).isEqualTo(ids.size());
        return ids;
    }

    /** Alerts of the rule in the alerts index, through the API. */
    private int indexedAlerts(String rule) throws Exception {
        JsonNode page = get("/api/subscriptions/" + rule + "/alerts?size=100");
        return page == null ? -1 : page.path("total").asInt(-1);
    }

    /** The API's JSON answer, or null while it cannot answer (restarting, Elasticsearch down). */
    private JsonNode get(String path) throws Exception {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
