package dev.newsintel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

import dev.newsintel.events.Topics;
import dev.newsintel.search.Elasticsearch;
import dev.newsintel.search.IndexKind;
import dev.newsintel.search.IndexSetup;
import dev.newsintel.search.Indexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel reindex}: builds new versions of the indices from Kafka (the enriched documents, announcements,
 * stories and alerts topics, from their beginning), then moves the aliases to them in one atomic step, so readers
 * switch from the old version to the complete new one at once. The {@code serve} indexers keep running throughout:
 * they write through the aliases, so after the switch into the new versions.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Fills new index versions (newsintel-documents-v2, ...) from the Kafka topics, then moves the"
                + " aliases to them atomically; serve keeps running. Run it after a change of the index templates, or"
                + " after newsintel reprocess to build the re-enriched documents into a fresh index.",
                "The old versions stay (to move back: point the aliases at them again) unless --delete-old."})
final class ReindexCommand implements Callable<Integer> {
    private static final Pattern VERSION = Pattern.compile("-v(\\d+)$");

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--version", paramLabel = "N",
            description = "Version of the new indices (default: one more than the highest existing).")
    Integer version;

    @Option(names = "--delete-old", negatable = false, description = "Delete the old index versions after the switch.")
    boolean deleteOld;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "120",
            description = "Give up (leaving the aliases where they were) after this long (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ElasticsearchClient es = Elasticsearch.connect(endpoints.elasticsearch);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka))) {
            Topics.ensureCreated(admin, Topics.all());
            IndexSetup.apply(es);
            Map<IndexKind, List<String>> current = new LinkedHashMap<>();
            int highest = 0;
            for (IndexKind kind : IndexKind.values()) {
                List<String> indices = new ArrayList<>(es.indices().getAlias(r -> r.name(kind.alias())).result()
                        .keySet());
                current.put(kind, indices);
                for (String index : indices) {
                    Matcher m = VERSION.matcher(index);
                    if (m.find()) {
                        highest = Math.max(highest, Integer.parseInt(m.group(1)));
                    }
                }
            }
            int next = version != null ? version : highest + 1;
            if (next <= highest) {
                throw new IllegalArgumentException("--version " + next + " is not above the existing version " + highest);
            }
            Map<IndexKind, String> targets = new LinkedHashMap<>();
            for (IndexKind kind : IndexKind.values()) {
                String target = kind.alias() + "-v" + next;
                es.indices().create(r -> r.index(target));
                targets.put(kind, target);
            }
            out.printf("Filling %s from Kafka...%n", String.join(", ", targets.values()));
            out.flush();

            String group = "newsintel-reindex-v" + next;
            Indexer indexer = new Indexer(endpoints.kafka, es, Indexer.Options.defaults().withGroupId(group)
                    .withTargets(targets));
            Thread thread = new Thread(indexer, "newsintel-reindexer");
            thread.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
            try {
                awaitCaughtUp(admin, group, commitTargets(admin), deadline, indexer, out);
                // One request: readers see the old versions or the new ones, never a mix.
                List<Action> actions = new ArrayList<>();
                for (IndexKind kind : IndexKind.values()) {
                    for (String old : current.get(kind)) {
                        actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(kind.alias()))));
                    }
                    actions.add(Action.of(a -> a.add(r -> r.index(targets.get(kind)).alias(kind.alias())
                            .isWriteIndex(true))));
                }
                es.indices().updateAliases(u -> u.actions(actions));
                // What the serve indexers wrote to the old versions just before the switch is in Kafka too.
                awaitCaughtUp(admin, group, commitTargets(admin), deadline, indexer, out);
            } finally {
                indexer.close();
                thread.join(30_000);
            }
            admin.deleteConsumerGroups(List.of(group)).all().get();
            for (IndexKind kind : IndexKind.values()) {
                es.indices().refresh(r -> r.index(targets.get(kind)));
                long count = es.count(c -> c.index(targets.get(kind))).count();
                out.printf("  %-24s %s -> %s (%d records)%n", kind.alias(), String.join(", ", current.get(kind)),
                        targets.get(kind), count);
                if (deleteOld && !current.get(kind).isEmpty()) {
                    es.indices().delete(r -> r.index(current.get(kind)));
                }
            }
            out.printf("Aliases moved to version %d%s.%n", next, deleteOld ? "; old versions deleted"
                    : "; old versions kept (newsintel reindex --delete-old next time, or delete them in Elasticsearch)");
            out.flush();
            return 0;
        } finally {
            es._transport().close();
        }
    }

    /**
     * For every partition of the indexed topics, the offset a consumer that has indexed everything there now commits:
     * one past the last record a {@code read_committed} reader sees. (Not simply the end offset: the enrich stage
     * writes in transactions, and the end of a partition is usually a transaction marker no consumer commits past.)
     */
    private Map<TopicPartition, Long> commitTargets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        List<String> topics = new ArrayList<>();
        for (IndexKind kind : IndexKind.values()) {
            topics.add(kind.topic());
        }
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(topic, p.partition());
                    latest.put(tp, OffsetSpec.latest());
                    earliest.put(tp, OffsetSpec.earliest());
                }));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, Long> starts = new HashMap<>();
        admin.listOffsets(earliest).all().get().forEach((tp, info) -> starts.put(tp, info.offset()));
        Map<TopicPartition, Long> targets = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (var end : ends.entrySet()) {
                long start = starts.get(end.getKey());
                long last = lastRecord(consumer, end.getKey(), start, end.getValue());
                if (last >= start) {
                    targets.put(end.getKey(), last + 1); // partitions without records commit nothing
                }
            }
        }
        return targets;
    }

    /** The offset of the last record a read_committed reader sees in {@code [start, end)}, or start - 1. */
    private static long lastRecord(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long start, long end) {
        consumer.assign(List.of(tp));
        long windowEnd = end;
        while (windowEnd > start) {
            long from = Math.max(start, windowEnd - 200);
            consumer.seek(tp, from);
            long last = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < windowEnd && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    if (record.offset() < windowEnd) {
                        last = Math.max(last, record.offset());
                    }
                }
            }
            if (last >= 0) {
                return last;
            }
            windowEnd = from;
        }
        return start - 1;
    }

    /** Waits until the group has committed every partition up to its target. */
    private static void awaitCaughtUp(Admin admin, String group, Map<TopicPartition, Long> targets, long deadline,
                                      Indexer indexer, PrintWriter out) throws Exception {
        long lastReport = System.nanoTime();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long behind = 0;
            for (var target : targets.entrySet()) {
                OffsetAndMetadata c = committed.get(target.getKey());
                behind += Math.max(0, target.getValue() - (c == null ? 0 : c.offset()));
            }
            if (behind == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not caught up before the timeout (" + behind
                        + " offsets behind); the aliases were not moved");
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                out.printf("  %d records indexed, about %d to go%s%n", indexer.indexed(), behind,
                        indexer.health().up() ? "" : " (" + indexer.health().details().get("lastError") + ")");
                out.flush();
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }
}
