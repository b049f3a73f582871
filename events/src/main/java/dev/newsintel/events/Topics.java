package dev.newsintel.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Every topic of the pipeline, with its settings, in one place. See {@code docs/architecture.md} for the flow.
 *
 * <p>Kafka is the system of record: raw topics keep the original bytes forever (they are how history is
 * re-processed when an extractor improves); everything downstream can be rebuilt from them.
 */
public final class Topics {
    public static final String PREFIX = "newsintel.";

    /** Largest record the raw and enriched topics accept (bodies over the ingest size policy are truncated). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final String DAY_MS = Long.toString(24L * 60 * 60 * 1000);

    /** Source definitions keyed by source id; partitions split the sources among ingest workers. */
    public static final TopicSpec SOURCES = new TopicSpec(PREFIX + "sources", 6, compacted());
    /** Ingest cursors (last ids, ETag, Last-Modified) keyed by source id. */
    public static final TopicSpec INGEST_CHECKPOINTS = new TopicSpec(PREFIX + "ingest.checkpoints", 6, compacted());
    /** SEC filing documents as fetched, keyed by document id. */
    public static final TopicSpec RAW_FILINGS = new TopicSpec(PREFIX + "raw.filings", 6, raw());
    /** News documents as fetched, keyed by document id. */
    public static final TopicSpec RAW_NEWS = new TopicSpec(PREFIX + "raw.news", 6, raw());
    /**
     * Clean, enriched documents keyed by document id. Compacted, not time-retained: records carry the document's
     * publication time as their timestamp, and time-based retention would delete an old document on arrival.
     */
    public static final TopicSpec ENRICHED_DOCUMENTS = new TopicSpec(PREFIX + "enriched.documents", 6,
            compacted(Map.of("compression.type", "zstd", "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES))));
    /** Announcements keyed by announcement id; compacted for the same reason as the enriched documents. */
    public static final TopicSpec ANNOUNCEMENTS = new TopicSpec(PREFIX + "announcements", 6,
            compacted(Map.of("compression.type", "zstd")));
    /** Latest state of each story, keyed by story id. */
    public static final TopicSpec STORIES = new TopicSpec(PREFIX + "stories", 6, compacted());
    /**
     * The story index of the enrich stage, keyed by signature ({@code doc:<id>}, {@code fact:...}, {@code band:...}):
     * which story a document, a fact or a text band belongs to. Written by the topology, read back by every enrich
     * instance as a global table; expired signatures are deleted with tombstones, document assignments are kept.
     */
    public static final TopicSpec STORY_INDEX = new TopicSpec(PREFIX + "stories.index", 6, compacted());
    /** Alert rules keyed by rule id; a null value deletes the rule. Read as a global table. */
    public static final TopicSpec SUBSCRIPTIONS = new TopicSpec(PREFIX + "subscriptions", 1, compacted());
    /** Every alert of every rule (the firehose), keyed by rule id; timestamped when raised. */
    public static final TopicSpec ALERTS = new TopicSpec(PREFIX + "alerts", 6, Map.of());
    /** Built-in alert topics that exist without any rule. */
    public static final TopicSpec ALERTS_MODEL_RELEASES = alertTopic("model-releases");
    public static final TopicSpec ALERTS_LARGE_INVESTMENTS = alertTopic("large-investments");
    public static final TopicSpec ALERTS_MATERIAL_EVENTS = alertTopic("material-events");
    /** Records a stage could not process, keyed by their original key, with the reason. */
    public static final TopicSpec DLQ = new TopicSpec(PREFIX + "dlq", 3,
            Map.of("compression.type", "zstd", "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                    "retention.ms", Long.toString(90 * 24L * 60 * 60 * 1000)));

    private Topics() {
    }

    /** Ids of the built-in alert rules, whose topics exist without any subscription. */
    public static final List<String> BUILT_IN_ALERT_RULES = List.of("model-releases", "large-investments",
            "material-events");

    /** The alert topic of one rule: {@code newsintel.alerts.<ruleId>}. */
    public static TopicSpec alertTopic(String ruleId) {
        return new TopicSpec(PREFIX + "alerts." + ruleId, 3, Map.of());
    }

    /** Every fixed topic; per-rule alert topics are created with their rule. */
    public static List<TopicSpec> all() {
        return List.of(SOURCES, INGEST_CHECKPOINTS, RAW_FILINGS, RAW_NEWS, ENRICHED_DOCUMENTS, ANNOUNCEMENTS, STORIES,
                STORY_INDEX, SUBSCRIPTIONS, ALERTS, ALERTS_MODEL_RELEASES, ALERTS_LARGE_INVESTMENTS, ALERTS_MATERIAL_EVENTS, DLQ);
    }

    /**
     * Creates the topics that do not exist yet; existing topics are left as they are.
     *
     * @throws IllegalStateException when the cluster refuses to create one
     */
    public static void ensureCreated(Admin admin, List<TopicSpec> specs) {
        try {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(TopicSpec::toNewTopic)
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            var result = admin.createTopics(missing);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list or create topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private static Map<String, String> compacted() {
        return Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "segment.ms", DAY_MS);
    }

    private static Map<String, String> compacted(Map<String, String> more) {
        Map<String, String> configs = new HashMap<>(compacted());
        configs.putAll(more);
        return configs;
    }

    private static Map<String, String> raw() {
        Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", "-1");
        configs.put("compression.type", "zstd");
        configs.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        return configs;
    }
}
