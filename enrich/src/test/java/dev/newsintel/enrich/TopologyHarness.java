package dev.newsintel.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import dev.newsintel.enrich.stories.StorySpan;
import dev.newsintel.events.Alert;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.JsonSerde;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Story;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Topics;

/** A {@link TopologyTestDriver} over the enrich topology, with typed topics and a log of what came out. */
final class TopologyHarness implements AutoCloseable {
    final TopologyTestDriver driver;
    final EnrichMetrics metrics;
    private final TestInputTopic<String, byte[]> rawNews;
    private final TestInputTopic<String, byte[]> rawFilings;
    private final TestInputTopic<String, Subscription> subscriptions;
    private final TestOutputTopic<String, EnrichedDocument> enriched;
    private final TestOutputTopic<String, Announcement> announcements;
    private final TestOutputTopic<String, Story> stories;
    private final TestOutputTopic<String, Alert> firehose;
    private final TestOutputTopic<String, DeadLetter> dlq;
    private final TestOutputTopic<String, StorySpan> index;
    private final Map<String, TestOutputTopic<String, Alert>> ruleTopics = new HashMap<>();

    final List<TestRecord<String, EnrichedDocument>> documents = new ArrayList<>();
    final Map<String, Story> latestStories = new HashMap<>();
    final List<TestRecord<String, Alert>> alerts = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final List<TestRecord<String, StorySpan>> indexRecords = new ArrayList<>();
    final Map<String, List<TestRecord<String, Alert>>> ruleAlerts = new HashMap<>();

    TopologyHarness(Fixtures enrichment, EnrichTopology.Options options, Path stateDir) {
        this.metrics = options.metrics();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(EnrichTopology.build(enrichment, options), props,
                Instant.parse("2026-03-12T00:00:00Z"));
        var string = Serdes.String();
        rawNews = driver.createInputTopic(Topics.RAW_NEWS.name(), string.serializer(), Serdes.ByteArray().serializer());
        rawFilings = driver.createInputTopic(Topics.RAW_FILINGS.name(), string.serializer(),
                Serdes.ByteArray().serializer());
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), string.serializer(),
                EventSerdes.subscription().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_DOCUMENTS.name(), string.deserializer(),
                EventSerdes.enrichedDocument().deserializer());
        announcements = driver.createOutputTopic(Topics.ANNOUNCEMENTS.name(), string.deserializer(),
                EventSerdes.announcement().deserializer());
        stories = driver.createOutputTopic(Topics.STORIES.name(), string.deserializer(),
                EventSerdes.story().deserializer());
        firehose = driver.createOutputTopic(Topics.ALERTS.name(), string.deserializer(),
                EventSerdes.alert().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), string.deserializer(), EventSerdes.deadLetter().deserializer());
        index = driver.createOutputTopic(Topics.STORY_INDEX.name(), string.deserializer(),
                new JsonSerde<>(StorySpan.class).deserializer());
    }

    static EnrichTopology.Options options(Clock clock, String... ruleIds) {
        java.util.Set<String> topics = new java.util.HashSet<>();
        for (String id : Topics.BUILT_IN_ALERT_RULES) {
            topics.add(Topics.alertTopic(id).name());
        }
        for (String id : ruleIds) {
            topics.add(Topics.alertTopic(id).name());
        }
        return EnrichTopology.Options.defaults(clock)
                .withAlertTopics(dev.newsintel.enrich.alerts.AlertTopicCatalog.of(topics));
    }

    void pipe(RawDocument raw) {
        pipe(raw, raw.fetchedAt());
    }

    void pipe(RawDocument raw, Instant recordTime) {
        var topic = raw.kind() == dev.newsintel.events.DocumentKind.FILING ? rawFilings : rawNews;
        topic.pipeInput(raw.id(), Json.toBytes(raw), recordTime);
        drain();
    }

    void pipeBytes(String key, byte[] value) {
        rawNews.pipeInput(key, value, Instant.parse("2026-03-12T00:00:00Z"));
        drain();
    }

    void rule(Subscription rule) {
        subscriptions.pipeInput(rule.id(), rule);
    }

    void deleteRule(String id) {
        subscriptions.pipeInput(id, (Subscription) null);
    }

    /** Reads every output so far into the logs. */
    void drain() {
        documents.addAll(enriched.readRecordsToList());
        announcements.readRecordsToList();
        stories.readRecordsToList().forEach(r -> latestStories.put(r.key(), r.value()));
        alerts.addAll(firehose.readRecordsToList());
        dlq.readValuesToList().forEach(deadLetters::add);
        indexRecords.addAll(index.readRecordsToList());
    }

    /** Alerts written to a rule's own topic so far. */
    List<TestRecord<String, Alert>> alertsOf(String ruleId) {
        TestOutputTopic<String, Alert> topic = ruleTopics.computeIfAbsent(ruleId, id -> driver.createOutputTopic(
                Topics.alertTopic(id).name(), Serdes.String().deserializer(), EventSerdes.alert().deserializer()));
        ruleAlerts.computeIfAbsent(ruleId, id -> new ArrayList<>()).addAll(topic.readRecordsToList());
        return ruleAlerts.get(ruleId);
    }

    /** How many anchors the story-assigning step holds. */
    long anchorCount() {
        try (var all = driver.<String, Object>getKeyValueStore(EnrichTopology.ANCHOR_STORE).all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    /** The story id the last output of a document carried. */
    String storyOf(String documentId) {
        for (int i = documents.size() - 1; i >= 0; i--) {
            if (documents.get(i).key().equals(documentId)) {
                return documents.get(i).value().storyId();
            }
        }
        throw new AssertionError("No enriched document " + documentId);
    }

    TestRecord<String, EnrichedDocument> lastDocument(String documentId) {
        for (int i = documents.size() - 1; i >= 0; i--) {
            if (documents.get(i).key().equals(documentId)) {
                return documents.get(i);
            }
        }
        throw new AssertionError("No enriched document " + documentId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
