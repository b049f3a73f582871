package dev.newsintel.enrich;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import dev.newsintel.enrich.alerts.AlertMatcher;
import dev.newsintel.enrich.alerts.AlertOutcome;
import dev.newsintel.enrich.alerts.AlertRaiser;
import dev.newsintel.enrich.alerts.AlertRule;
import dev.newsintel.enrich.alerts.AlertTopicCatalog;
import dev.newsintel.enrich.alerts.BuiltInRules;
import dev.newsintel.enrich.alerts.TolerantSubscriptionSerde;
import dev.newsintel.enrich.stories.AnchoredDocument;
import dev.newsintel.enrich.stories.PendingIndexWrites;
import dev.newsintel.enrich.stories.StoryAggregator;
import dev.newsintel.enrich.stories.StoryAssigner;
import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.enrich.stories.StoryRouter;
import dev.newsintel.enrich.stories.StorySpan;
import dev.newsintel.enrich.stories.StoryUpdate;
import dev.newsintel.events.Alert;
import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventFormatException;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.JsonSerde;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Topics;

/**
 * The enrichment topology, built by one plain method that tests call with a {@code TopologyTestDriver} and the
 * {@code enrich} command runs against a real broker. Three sub-topologies, each partitioned by what it decides on:
 *
 * <pre>
 *  document partitions            anchor partitions                 story partitions
 *  raw.filings ─┐                 (story-anchors repartition)       (story-updates repartition)
 *  raw.news ────┴─ parse+enrich ─┬─ route ──────► assign ─┬─► stories.index ──► [global table]
 *                                │  (reads the     (anchors,│─► enriched.documents
 *                                │   story index)  expiry)  │─► announcements
 *                                └─► dlq                    └─ match rules ───► merge story ─┬─► stories
 *                                                              (reads the      (stories,     └─ raise alerts ─┬─► alerts
 *                                                               subscriptions)  expiry)        (raised alerts)  ├─► alerts.&lt;rule&gt;
 *                                                                                                               └─► dlq (no topic)
 * </pre>
 *
 * Raw records are read as bytes and parsed inside the processor, so a record that is not valid JSON is a dead
 * letter like any other failure instead of a deserialization error that stops the stream. Records carry the
 * document's publication time as their timestamp from the first step on. See {@link StoryAssigner} and
 * {@code docs/stories-and-alerts.md} for what story matching guarantees.
 */
public final class EnrichTopology {
    public static final String APPLICATION_ID = "newsintel-enrich";

    /** Global table of the rules ({@link Topics#SUBSCRIPTIONS}). */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions";
    /** Global table of the story index ({@link Topics#STORY_INDEX}). */
    public static final String STORY_INDEX_STORE = "story-index";
    /**
     * Index writes kept for the story-assigning tasks until the global table surely has them: some 2,000 documents'
     * signatures, where the table lags by a commit interval and a poll.
     */
    static final int PENDING_INDEX_WRITES = 50_000;
    /** Anchor signature to its story, on the anchor partitions. */
    public static final String ANCHOR_STORE = "story-anchors";
    public static final String ANCHOR_EXPIRY_STORE = "story-anchor-expiry";
    /** Story id to the story's merged state, on the story partitions. */
    public static final String STORY_STORE = "stories";
    public static final String STORY_EXPIRY_STORE = "story-expiry";
    /** Ids of the alerts raised, on the story partitions. */
    public static final String RAISED_ALERT_STORE = "raised-alerts";

    /** Latest accepted record timestamp ahead of now: brokers refuse records too far in the future. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(50);
    /** Texts over this many characters are measured before they are forwarded (they could exceed a message). */
    private static final int SIZE_CHECK_CHARS = Topics.MAX_MESSAGE_BYTES / 8;
    private static final int MAX_FORWARDED_BYTES = Topics.MAX_MESSAGE_BYTES - 256 * 1024;

    private EnrichTopology() {
    }

    /** Turns a raw document into an enriched one; production passes {@code new DocumentEnricher(clock)::enrich}. */
    @FunctionalInterface
    public interface Enrichment {
        /** @throws RuntimeException when the document cannot be enriched (it goes to the dead-letter topic) */
        EnrichedDocument enrich(RawDocument raw);
    }

    /**
     * What the topology needs besides the enrichment.
     *
     * @param stories            how documents are grouped into stories
     * @param largeInvestmentUsd threshold of the built-in large-investments rule
     * @param alertTopics        which rule topics exist
     * @param metrics            counters this instance exposes
     * @param partitions         partitions of the topology's repartition topics (anchors, story updates)
     */
    public record Options(StoryConfig stories, BigDecimal largeInvestmentUsd, AlertTopicCatalog alertTopics,
                          EnrichMetrics metrics, Clock clock, int partitions) {
        public Options {
            Objects.requireNonNull(stories, "stories");
            Objects.requireNonNull(largeInvestmentUsd, "largeInvestmentUsd");
            Objects.requireNonNull(alertTopics, "alertTopics");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be positive");
            }
        }

        /** Default story settings, $1B large investments, only the built-in alert topics known to exist. */
        public static Options defaults(Clock clock) {
            return new Options(StoryConfig.defaults(), BuiltInRules.DEFAULT_LARGE_INVESTMENT_USD,
                    AlertTopicCatalog.of(Set.of(Topics.ALERTS_LARGE_INVESTMENTS.name(),
                            Topics.ALERTS_MODEL_RELEASES.name(), Topics.ALERTS_MATERIAL_EVENTS.name())),
                    new EnrichMetrics(), clock, Topics.RAW_NEWS.partitions());
        }

        public Options withStories(StoryConfig newStories) {
            return new Options(newStories, largeInvestmentUsd, alertTopics, metrics, clock, partitions);
        }

        public Options withLargeInvestmentUsd(BigDecimal threshold) {
            return new Options(stories, threshold, alertTopics, metrics, clock, partitions);
        }

        public Options withAlertTopics(AlertTopicCatalog catalog) {
            return new Options(stories, largeInvestmentUsd, catalog, metrics, clock, partitions);
        }

        public Options withMetrics(EnrichMetrics newMetrics) {
            return new Options(stories, largeInvestmentUsd, alertTopics, newMetrics, clock, partitions);
        }
    }

    /** The skeleton's signature: the real enricher with default options. */
    public static Topology build(DocumentEnricher enricher, Clock clock) {
        return build(enricher::enrich, Options.defaults(clock));
    }

    public static Topology build(Enrichment enrichment, Options options) {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<StorySpan> spanSerde = new JsonSerde<>(StorySpan.class);
        List<AlertRule> builtIns = BuiltInRules.all(options.largeInvestmentUsd());
        EnrichMetrics metrics = options.metrics();
        PendingIndexWrites pendingIndexWrites = new PendingIndexWrites(PENDING_INDEX_WRITES);

        builder.globalTable(Topics.SUBSCRIPTIONS.name(),
                Consumed.with(Serdes.String(), new TolerantSubscriptionSerde()).withName("subscriptions"),
                Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as(SUBSCRIPTIONS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(new TolerantSubscriptionSerde()));
        builder.globalTable(Topics.STORY_INDEX.name(),
                Consumed.with(Serdes.String(), spanSerde).withName("story-index"),
                Materialized.<String, StorySpan, KeyValueStore<Bytes, byte[]>>as(STORY_INDEX_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(spanSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ANCHOR_STORE),
                Serdes.String(), spanSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ANCHOR_EXPIRY_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_STORE),
                Serdes.String(), EventSerdes.story()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_EXPIRY_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RAISED_ALERT_STORE),
                Serdes.String(), Serdes.String()));

        // 1. Document partitions: parse and enrich; failures are dead letters.
        KStream<String, byte[]> raw = builder.stream(
                List.of(Topics.RAW_FILINGS.name(), Topics.RAW_NEWS.name()),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-documents"));
        var outcomes = raw
                .processValues(() -> new EnrichProcessor(enrichment, options.clock(), metrics), Named.as("enrich"))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.document() != null, Branched.as("ok"))
                .defaultBranch(Branched.as("failed"));
        outcomes.get("outcome-failed").mapValues(Outcome::failure, Named.as("dead-letter"))
                .to(Topics.DLQ.name(), Produced.with(Serdes.String(), EventSerdes.deadLetter()).withName("to-dlq"));

        // 2. Anchor partitions: decide each document's story, in order per anchor.
        var assigned = outcomes.get("outcome-ok")
                .mapValues(Outcome::document, Named.as("document"))
                .process(() -> new StoryRouter(options.stories(), STORY_INDEX_STORE), Named.as("story-route"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(AnchoredDocument.class))
                        .withName("story-anchors").withNumberOfPartitions(options.partitions()))
                .process(() -> new StoryAssigner(options.stories(), ANCHOR_STORE, ANCHOR_EXPIRY_STORE,
                        STORY_INDEX_STORE, pendingIndexWrites), Named.as("story-assign"), ANCHOR_STORE,
                        ANCHOR_EXPIRY_STORE)
                .split(Named.as("assigned-"))
                .branch((key, out) -> out instanceof StoryAssigner.IndexWrite, Branched.as("index"))
                .defaultBranch(Branched.as("document"));
        assigned.get("assigned-index")
                .mapValues(out -> ((StoryAssigner.IndexWrite) out).span(), Named.as("index-entry"))
                .to(Topics.STORY_INDEX.name(), Produced.with(Serdes.String(), spanSerde).withName("to-story-index"));
        KStream<String, StoryAssigner.Assigned> documents = assigned.get("assigned-document")
                .mapValues(out -> (StoryAssigner.Assigned) out, Named.as("assigned"));
        documents.mapValues(StoryAssigner.Assigned::document, Named.as("enriched-document"))
                .to(Topics.ENRICHED_DOCUMENTS.name(),
                        Produced.with(Serdes.String(), EventSerdes.enrichedDocument()).withName("to-enriched-documents"));
        documents.flatMap((key, doc) -> doc.document().announcements().stream()
                        .map(a -> KeyValue.pair(a.id(), a)).toList(), Named.as("announcements"))
                .to(Topics.ANNOUNCEMENTS.name(),
                        Produced.with(Serdes.String(), EventSerdes.announcement()).withName("to-announcements"));

        // 3. Story partitions: merge the story, raise at most one alert per story and rule.
        KStream<String, StoryAggregator.Change> changes = documents
                .process(() -> new AlertMatcher(builtIns, SUBSCRIPTIONS_STORE), Named.as("match-rules"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(StoryUpdate.class))
                        .withName("story-updates").withNumberOfPartitions(options.partitions()))
                .process(() -> new StoryAggregator(options.stories(), options.clock(), STORY_STORE,
                        STORY_EXPIRY_STORE), Named.as("merge-story"), STORY_STORE, STORY_EXPIRY_STORE);
        changes.mapValues(StoryAggregator.Change::story, Named.as("story"))
                .to(Topics.STORIES.name(), Produced.with(Serdes.String(), EventSerdes.story()).withName("to-stories"));
        KStream<String, AlertOutcome> alerts = changes
                .process(() -> new AlertRaiser(builtIns, SUBSCRIPTIONS_STORE, RAISED_ALERT_STORE,
                        options.alertTopics(), options.clock()), Named.as("raise-alerts"), RAISED_ALERT_STORE)
                .peek((key, outcome) -> metrics.alert(), Named.as("count-alerts"));
        alerts.mapValues(AlertOutcome::alert, Named.as("alert"))
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), EventSerdes.alert()).withName("to-alerts"));
        alerts.filter((key, outcome) -> outcome.routable(), Named.as("routable-alerts"))
                .mapValues(AlertOutcome::alert, Named.as("rule-alert"))
                .to((key, alert, context) -> Topics.alertTopic(alert.ruleId()).name(),
                        Produced.with(Serdes.String(), EventSerdes.alert()).withName("to-rule-alerts"));
        alerts.filterNot((key, outcome) -> outcome.routable(), Named.as("unroutable-alerts"))
                .mapValues(outcome -> unroutable(outcome.alert()), Named.as("unroutable-dead-letter"))
                .peek((key, letter) -> metrics.deadLetter(), Named.as("count-unroutable"))
                .to(Topics.DLQ.name(), Produced.with(Serdes.String(), EventSerdes.deadLetter())
                        .withName("unroutable-to-dlq"));
        return builder.build();
    }

    private static DeadLetter unroutable(Alert alert) {
        String topic = Topics.alertTopic(alert.ruleId()).name();
        return DeadLetters.of("enrich.alert-route", topic, -1, -1, alert.ruleId(), "Alert topic " + topic
                        + " does not exist: the alert is on " + Topics.ALERTS.name()
                        + " only. Publish rules with Subscriptions.publish, which creates the topic first.",
                "dev.newsintel.enrich.MissingAlertTopic", Json.toBytes(alert), alert.createdAt());
    }

    /**
     * The timestamp of a document's records: its publication time when known and plausible, else the raw record's
     * (its arrival). A publication time in the future (a wrong time zone) would be refused by the broker; one
     * before 1970 cannot be a Kafka timestamp.
     */
    static long eventTime(EnrichedDocument document, long recordTimestamp, Instant now) {
        Instant published = document.publishedAt();
        if (published == null || published.toEpochMilli() < 0 || published.isAfter(now.plus(MAX_FUTURE))) {
            return recordTimestamp;
        }
        return published.toEpochMilli();
    }

    /** Either an enriched document or the dead letter explaining why there is none. */
    record Outcome(EnrichedDocument document, DeadLetter failure) {
    }

    private static final class EnrichProcessor implements FixedKeyProcessor<String, byte[], Outcome> {
        private final Enrichment enrichment;
        private final Clock clock;
        private final EnrichMetrics metrics;
        private FixedKeyProcessorContext<String, Outcome> context;

        EnrichProcessor(Enrichment enrichment, Clock clock, EnrichMetrics metrics) {
            this.enrichment = enrichment;
            this.clock = clock;
            this.metrics = metrics;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Outcome> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            String stage = "enrich.parse";
            try {
                RawDocument raw = Json.fromBytes(record.value(), RawDocument.class);
                if (raw == null) {
                    throw new EventFormatException("Raw record has no value", null);
                }
                stage = "enrich.extract";
                EnrichedDocument document = enrichment.enrich(raw);
                if (document == null) {
                    throw new EnrichmentException("The enrichment returned no document");
                }
                stage = "enrich.size";
                if (document.text().length() > SIZE_CHECK_CHARS) {
                    int size = Json.toBytes(document).length;
                    if (size > MAX_FORWARDED_BYTES) {
                        throw new EnrichmentException("Enriched document is " + size + " bytes, over the "
                                + MAX_FORWARDED_BYTES + " a record may have");
                    }
                }
                context.forward(record.withValue(new Outcome(document, null))
                        .withTimestamp(eventTime(document, record.timestamp(), clock.instant())));
            } catch (RuntimeException | StackOverflowError e) {
                // One bad document must not stop the stream: it goes to the dead-letter topic, whole.
                RecordMetadata meta = context.recordMetadata().orElse(null);
                Instant now = clock.instant();
                DeadLetter letter = DeadLetters.of(stage, meta == null ? null : meta.topic(),
                        meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), record.key(), e,
                        record.value(), now);
                metrics.deadLetter();
                context.forward(record.withValue(new Outcome(null, letter)).withTimestamp(now.toEpochMilli()));
            }
        }
    }
}
