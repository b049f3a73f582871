package dev.newsintel.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.newsintel.search.ApiKey;
import dev.newsintel.search.ApiMetrics;
import dev.newsintel.search.Indexer;
import dev.newsintel.search.SearchApi;
import dev.newsintel.search.SearchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel serve}: the indexer and the search API against existing Kafka and Elasticsearch. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the indexer and the search API until Ctrl-C.",
                "Several instances share the indexing by partitions (same --group) and each serves the API."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--port", defaultValue = "8080", description = "API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:NEWSINTEL_API_KEY}",
            description = "Key that changing subscriptions needs (default: $NEWSINTEL_API_KEY; none: changes are refused).")
    String apiKey;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Sustained API requests per second per client address (default: ${DEFAULT-VALUE}; bursts of twice that).")
    double rateLimit;

    @Option(names = "--group", paramLabel = "ID", defaultValue = Indexer.GROUP_ID,
            description = "Consumer group of the indexer (default: ${DEFAULT-VALUE}).")
    String group;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        if (rateLimit <= 0) {
            throw new IllegalArgumentException("--rate-limit must be positive");
        }
        ApiKey key = ApiKey.of(apiKey);
        PrometheusMeterRegistry meters = ApiMetrics.newRegistry();
        SearchServer server = SearchServer.start(new SearchServer.Settings(endpoints.kafka, endpoints.elasticsearch,
                host, port, Indexer.Options.defaults().withGroupId(group).withMeters(meters),
                SearchApi.Options.defaults().withMeters(meters).withApiKey(key)
                        .withRateLimit(rateLimit, (int) Math.max(1, Math.ceil(rateLimit * 2)), Clock.systemUTC())),
                Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            meters.close();
            stopped.countDown();
        }, "newsintel-serve-shutdown"));
        String base = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port();
        var out = spec.commandLine().getOut();
        out.printf("Search API on %s (web page %s/, OpenAPI %s/api/openapi.json; Ctrl-C to stop)%n", base, base, base);
        if (!key.configured()) {
            out.printf("No API key configured: subscriptions are read-only (set --api-key or NEWSINTEL_API_KEY).%n");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
