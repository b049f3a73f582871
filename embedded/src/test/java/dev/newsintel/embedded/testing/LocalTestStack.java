package dev.newsintel.embedded.testing;

import dev.newsintel.embedded.EmbeddedStack;

/** The real local servers: a KRaft broker in a child JVM and Elasticsearch from the integ-test zip. */
final class LocalTestStack implements TestStack, AutoCloseable {
    private final EmbeddedStack stack;

    LocalTestStack() {
        this.stack = EmbeddedStack.start(EmbeddedStack.Options.defaults());
    }

    @Override
    public String kafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return stack.elasticsearch().url();
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public void restartKafka() {
        stack.kafka().restart();
    }

    @Override
    public void stopElasticsearch() {
        stack.elasticsearch().stop();
    }

    @Override
    public void startElasticsearch() {
        stack.elasticsearch().launch();
    }

    EmbeddedStack stack() {
        return stack;
    }

    @Override
    public void close() {
        stack.close();
    }
}
