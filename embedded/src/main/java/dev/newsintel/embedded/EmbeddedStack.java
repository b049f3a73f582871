package dev.newsintel.embedded;

import java.util.EnumSet;
import java.util.Set;
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

    /** The servers a stack can run. */
    public enum Server { KAFKA, ELASTICSEARCH }

    /** Starts both servers and stops them at JVM exit if not closed before. */
    public static EmbeddedStack start(Options options) {
        return start(options, EnumSet.allOf(Server.class), true);
    }

    /**
     * Starts the given servers (in parallel: Elasticsearch takes the longer) and returns once all answer.
     *
     * @param shutdownHook stop them at JVM exit; callers that stop their own clients first at exit (so nothing in
     *                     flight is lost) pass false and close the stack themselves, last
     */
    public static EmbeddedStack start(Options options, Set<Server> servers, boolean shutdownHook) {
        RuntimeDirectory runtime = RuntimeDirectory.create();
        CompletableFuture<EmbeddedKafka> kafka = servers.contains(Server.KAFKA)
                ? CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(runtime.dir("kafka"), options.kafkaPort(),
                        options.kafkaHeap()))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedElasticsearch> es = servers.contains(Server.ELASTICSEARCH)
                ? CompletableFuture.supplyAsync(() -> EmbeddedElasticsearch.start(runtime.dir("elasticsearch"),
                        runtime.base(), options.elasticsearchPort(), options.elasticsearchHeap()))
                : CompletableFuture.completedFuture(null);
        try {
            CompletableFuture.allOf(kafka, es).join();
        } catch (CompletionException e) {
            kafka.thenAccept(k -> closeQuietly(k));
            es.thenAccept(s -> closeQuietly(s));
            try {
                CompletableFuture.allOf(kafka, es).exceptionally(t -> null).join();
            } finally {
                runtime.delete();
            }
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
        EmbeddedStack stack = new EmbeddedStack(runtime, kafka.join(), es.join());
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        }
        return stack;
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Could not stop a server after a failed start: {}", e.getMessage());
        }
    }

    /** The broker, or null when this stack was started without one. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The Elasticsearch server, or null when this stack was started without one. */
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
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down (the hook is running or ran), or never registered
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> stopKafka = CompletableFuture.runAsync(() -> closeQuietly(kafka));
        CompletableFuture<Void> stopEs = CompletableFuture.runAsync(() -> closeQuietly(elasticsearch));
        try {
            CompletableFuture.allOf(stopKafka, stopEs).join();
        } catch (CompletionException e) {
            LOG.warn("A server did not stop cleanly: {}", e.getCause().getMessage());
        }
        runtime.delete();
        LOG.info("Embedded Kafka and Elasticsearch stopped; {} removed", runtime.run());
    }
}
