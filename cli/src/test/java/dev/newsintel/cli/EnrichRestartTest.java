package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Alert;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;
import dev.newsintel.events.Topics;

/**
 * A real {@code newsintel enrich} process, killed (SIGKILL, no clean shutdown) while raw documents keep arriving,
 * then restarted on the same state directory: every expected alert exists exactly once on the alert topics, and
 * every story is one story.
 */
@WithStack
class EnrichRestartTest {
    private static final int STORIES = 30;
    private static final int COPIES = 3;

    @Test
    void killedMidStreamAndRestartedNoAlertIsLostOrDoubled(TestStack stack, @TempDir Path tmp) throws Exception {
        String kafka = stack.kafkaBootstrapServers();
        String marker = stack.unique("kiwi").replace("-", "");
        String appId = stack.unique("enrich-restart");
        String everyStory = stack.unique("every-story");
        String evenStories = stack.unique("even-stories");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        try (Subscriptions subscriptions = new Subscriptions(kafka)) {
            Instant now = Instant.now();
            subscriptions.publish(new Subscription(1, everyStory, "every story", List.of(), List.of(), null, null,
                    null, List.of(marker), now, now));
            subscriptions.publish(new Subscription(1, evenStories, "even stories", List.of(), List.of(), null, null,
                    null, List.of(marker, "evenstory"), now, now));
        }

        // Copy c of story s: the same text under another URL; copies of a story are far apart in the stream.
        List<RawDocument> documents = new ArrayList<>();
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        for (int c = 0; c < COPIES; c++) {
            for (int s = 0; s < STORIES; s++) {
                String text = storyText(marker, s);
                String id = marker + "-story" + s + "-copy" + c;
                documents.add(RawDocument.of(id, DocumentKind.NEWS, "restart-test",
                        "https://outlet" + c + ".example/" + id, "text/plain", Instant.now(),
                        published.plusSeconds(s * 60L + c), Map.of(), text.getBytes(StandardCharsets.UTF_8)));
            }
        }

        Path stateDir = tmp.resolve("state");
        Process first = startEnrich(kafka, appId, stateDir, tmp.resolve("enrich-1.log"));
        Process second = null;
        try (KafkaProducer<String, RawDocument> producer = producer(kafka);
             TopicReader<Alert> all = new TopicReader<>(kafka, Topics.alertTopic(everyStory).name(), Alert.class,
                     a -> true);
             TopicReader<Alert> even = new TopicReader<>(kafka, Topics.alertTopic(evenStories).name(), Alert.class,
                     a -> true);
             TopicReader<Alert> firehose = new TopicReader<>(kafka, Topics.ALERTS.name(), Alert.class,
                     a -> a.ruleId().equals(everyStory) || a.ruleId().equals(evenStories));
             TopicReader<EnrichedDocument> enriched = new TopicReader<>(kafka, Topics.ENRICHED_DOCUMENTS.name(),
                     EnrichedDocument.class, d -> d.id().startsWith(marker + "-"))) {
            // The first copies go at once; the rest keep arriving, one every 100 ms, from when the first instance
            // has shown it works until after it was killed and its successor took over.
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch running = new CountDownLatch(1);
            Thread feeder = new Thread(() -> {
                try {
                    for (RawDocument document : documents) {
                        if (sent.get() == STORIES) {
                            running.await();
                        }
                        producer.send(new ProducerRecord<>(Topics.RAW_NEWS.name(), null,
                                document.publishedAt().toEpochMilli(), document.id(), document));
                        producer.flush();
                        sent.incrementAndGet();
                        if (sent.get() > STORIES) {
                            Thread.sleep(100);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raw-feeder");
            feeder.start();

            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> all.poll().size() >= 5);
            running.countDown();
            Thread.sleep(1_500);
            int sentAtKill = sent.get();
            first.destroyForcibly().waitFor();
            assertThat(sentAtKill).as("killed mid-stream").isGreaterThan(STORIES).isLessThan(documents.size());

            second = startEnrich(kafka, appId, stateDir, tmp.resolve("enrich-2.log"));
            feeder.join(120_000);
            assertThat(sent.get()).isEqualTo(documents.size());

            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(all.poll()).hasSizeGreaterThanOrEqualTo(STORIES);
                assertThat(even.poll()).hasSizeGreaterThanOrEqualTo(STORIES / 2);
                assertThat(enriched.poll()).hasSizeGreaterThanOrEqualTo(documents.size());
            });
            // Anything doubled would arrive within a commit or two: give it time to show.
            Thread.sleep(5_000);

            List<Alert> everyAlerts = all.poll();
            List<Alert> evenAlerts = even.poll();
            assertThat(everyAlerts).hasSize(STORIES);
            assertThat(evenAlerts).hasSize(STORIES / 2);
            assertThat(everyAlerts).extracting(Alert::storyId).doesNotHaveDuplicates();
            assertThat(evenAlerts).extracting(Alert::storyId).doesNotHaveDuplicates();
            assertThat(firehose.poll()).hasSize(STORIES + STORIES / 2)
                    .extracting(Alert::id).doesNotHaveDuplicates();

            // Every document once, and each story's copies in one story whose id is one of theirs.
            List<EnrichedDocument> docs = enriched.poll();
            assertThat(docs).extracting(EnrichedDocument::id).doesNotHaveDuplicates().hasSize(documents.size());
            Map<String, Set<String>> byStory = docs.stream().collect(Collectors.groupingBy(
                    EnrichedDocument::storyId, Collectors.mapping(EnrichedDocument::id, Collectors.toSet())));
            assertThat(byStory).hasSize(STORIES);
            byStory.forEach((story, ids) -> {
                String prefix = ids.iterator().next().replaceFirst("-copy\\d+$", "");
                assertThat(ids).hasSize(COPIES).allMatch(id -> id.startsWith(prefix + "-copy"));
                assertThat(ids).contains(story);
            });
            assertThat(everyAlerts).extracting(Alert::storyId).containsExactlyInAnyOrderElementsOf(byStory.keySet());
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroy();
                if (!second.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }

    /** A text of made-up words (so no extractor finds facts in it), the marker, and "evenstory" in even ones. */
    private static String storyText(String marker, int story) {
        Random random = new Random(story * 7919L + 17);
        StringBuilder text = new StringBuilder("Bulletin " + marker + " number " + story + "\n");
        String[] syllables = {"ka", "lo", "mi", "ru", "te", "sa", "vo", "ni", "pe", "du", "zo", "fa"};
        for (int w = 0; w < 80; w++) {
            int length = 2 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                text.append(syllables[random.nextInt(syllables.length)]);
            }
            text.append(w % 12 == 11 ? ". " : " ");
        }
        text.append(marker);
        if (story % 2 == 0) {
            text.append(" evenstory");
        }
        return text.toString();
    }

    private static KafkaProducer<String, RawDocument> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), EventSerdes.rawDocument().serializer());
    }

    /** {@code newsintel enrich} in a child JVM, on the test's class path. */
    private static Process startEnrich(String kafka, String appId, Path stateDir, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "dev.newsintel.cli.Main", "enrich", "--kafka", kafka, "--application-id", appId,
                "--state-dir", stateDir.toString(),
                // A killed member is noticed after this long instead of the default 45 s.
                "-c", "session.timeout.ms=8000", "-c", "heartbeat.interval.ms=1000");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

}
