package dev.newsintel.enrich.alerts;

import java.util.Set;

/**
 * Tells whether a rule's alert topic exists, so the topology never sends to a topic that is missing (brokers run
 * without automatic topic creation, and a send to a missing topic would stall the stream thread until it times
 * out). Called from stream threads: implementations must be thread-safe and fast on the common path.
 */
@FunctionalInterface
public interface AlertTopicCatalog {
    boolean exists(String topic);

    /** A fixed set of topics: tests. */
    static AlertTopicCatalog of(Set<String> topics) {
        Set<String> copy = Set.copyOf(topics);
        return copy::contains;
    }
}
