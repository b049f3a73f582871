package dev.newsintel.events;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic and the settings it is created with.
 *
 * @param partitions the unit of parallelism: at most this many ingest workers, enrich threads or indexers share it
 * @param configs    topic-level configs (retention, compaction, compression, max message size)
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        Validation.requireText(name, "TopicSpec.name");
        if (partitions < 1) {
            throw new IllegalArgumentException("TopicSpec.partitions must be positive: " + name);
        }
        configs = Validation.mapOrEmpty(configs);
    }

    /** The admin request; replication is left to the cluster's {@code default.replication.factor}. */
    public NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }
}
