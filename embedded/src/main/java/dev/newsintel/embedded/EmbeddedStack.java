package dev.newsintel.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and an Elasticsearch server on this machine, started together and stopped together.
 *
 * <pre>{@code
 * try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.defaults())) {
 *     String bootstrap = stack.kafka().bootstrapServers();
 *     String es = stack.elasticsearch().url();
 * }
 * }</pre>
 *
 * <p>Closing stops both servers and deletes their files; a JVM killed before closing is cleaned up after by the
 * next start (see {@link RuntimeDirectory}).
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final RuntimeDirectory runtime;
    private final EmbeddedKafka kafka;
    private final EmbeddedElasticsearch elasticsearch;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedStack(RuntimeDirectory runtime, EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) {
        this.runtime = runtime;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.shutdownHook = new Thread(this::stopQuietly, "newsintel-embedded-stack-shutdown");
    }

    /**
     * @param kafkaPort         0 for any free port
     * @param elasticsearchPort 0 for any free port
     * @param kafkaHeap         JVM heap of the broker, e.g. {@code 512m}
     * @param elasticsearchHeap JVM heap of Elasticsearch, e.g. {@code 512m}
     */
    public record Options(int kafkaPort, int elasticsearchPort, String kafkaHeap, String elasticsearchHeap) {
        public static Options defaults() {
            return new Options(0, 0, env("NEWSINTEL_KAFKA_HEAP", "512m"), env("NEWSINTEL_ES_HEAP", "768m"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** Starts both servers (in parallel: Elasticsearch takes the longer) and returns once both answer. */
    public static EmbeddedStack start(Options options) {
        RuntimeDirectory runtime = RuntimeDirectory.create();
        CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(
                () -> EmbeddedKafka.start(runtime.dir("kafka"), options.kafkaPort(), options.kafkaHeap()));
        CompletableFuture<EmbeddedElasticsearch> es = CompletableFuture.supplyAsync(
                () -> EmbeddedElasticsearch.start(runtime.dir("elasticsearch"), runtime.base(),
                        options.elasticsearchPort(), options.elasticsearchHeap()));
        try {
            CompletableFuture.allOf(kafka, es).join();
        } catch (CompletionException e) {
            kafka.thenAccept(EmbeddedKafka::close);
            es.thenAccept(EmbeddedElasticsearch::close);
            try {
                CompletableFuture.allOf(kafka, es).exceptionally(t -> null).join();
            } finally {
                runtime.delete();
            }
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
        EmbeddedStack stack = new EmbeddedStack(runtime, kafka.join(), es.join());
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        return stack;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedElasticsearch elasticsearch() {
        return elasticsearch;
    }

    public RuntimeDirectory runtime() {
        return runtime;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or ran
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> stopKafka = CompletableFuture.runAsync(kafka::close);
        CompletableFuture<Void> stopEs = CompletableFuture.runAsync(elasticsearch::close);
        try {
            CompletableFuture.allOf(stopKafka, stopEs).join();
        } catch (CompletionException e) {
            LOG.warn("A server did not stop cleanly: {}", e.getCause().getMessage());
        }
        runtime.delete();
        LOG.info("Embedded Kafka and Elasticsearch stopped; {} removed", runtime.run());
    }
}
