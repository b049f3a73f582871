package dev.newsintel.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import dev.newsintel.enrich.EnrichTopology;
import dev.newsintel.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel reprocess}: sets the enrich application back to the beginning of the raw topics, so that when it
 * starts again it re-enriches every document Kafka keeps (after an extractor improved). Its state stays: a
 * re-processed document keeps its story, and an alert already raised for a story and rule is not raised again.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Sets the enrich application back to the start of the raw topics: when it starts again it"
                + " re-enriches every document, keeping stories and already raised alerts.",
                "Stop every enrich instance of the application first (the command refuses while one runs)."})
final class ReprocessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--application-id", defaultValue = EnrichTopology.APPLICATION_ID,
            description = "The enrich application (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka))) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                        .describedGroups().get(applicationId).get();
                if (!group.members().isEmpty() || group.groupState() == GroupState.STABLE
                        || group.groupState() == GroupState.PREPARING_REBALANCE
                        || group.groupState() == GroupState.COMPLETING_REBALANCE) {
                    throw new IllegalStateException("Enrich application " + applicationId + " is running ("
                            + group.members().size() + " members): stop every instance, then run reprocess again");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.RAW_NEWS.name(), Topics.RAW_FILINGS.name())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p -> {
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                });
            }
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            long documents = 0;
            var starts = admin.listOffsets(earliest).all().get();
            var ends = admin.listOffsets(latest).all().get();
            for (var start : starts.entrySet()) {
                reset.put(start.getKey(), new OffsetAndMetadata(start.getValue().offset()));
                documents += ends.get(start.getKey()).offset() - start.getValue().offset();
            }
            admin.alterConsumerGroupOffsets(applicationId, reset).all().get();
            out.printf("Enrich application %s set back to the start of %s and %s: about %d records will be"
                            + " re-enriched when it starts.%n", applicationId, Topics.RAW_NEWS.name(),
                    Topics.RAW_FILINGS.name(), documents);
            out.flush();
            return 0;
        }
    }
}
