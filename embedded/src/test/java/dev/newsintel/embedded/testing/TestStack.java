package dev.newsintel.embedded.testing;

/**
 * The Kafka and Elasticsearch a test runs against: containers where a Docker engine runs, otherwise the real
 * servers of {@link dev.newsintel.embedded.EmbeddedStack}. One per test run, shared by every test class, so tests
 * must use their own topics, consumer groups and indices (see {@link #unique(String)}).
 */
public interface TestStack {
    String kafkaBootstrapServers();

    String elasticsearchUrl();

    /** {@code docker} or {@code local}. */
    String kind();

    /** Restarts the broker, keeping its data and address: fault tests. */
    void restartKafka();

    /** Stops Elasticsearch, keeping its data and address: fault tests. {@link #startElasticsearch()} resumes. */
    void stopElasticsearch();

    void startElasticsearch();

    /** A name no other test of this run uses: {@code prefix-<n>}. */
    default String unique(String prefix) {
        return prefix + "-" + UniqueNames.next();
    }
}
