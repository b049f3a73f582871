package dev.newsintel.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsintel.events.Topics;
import dev.newsintel.search.Elasticsearch;
import dev.newsintel.search.HealthIndicator;
import dev.newsintel.search.HealthIndicators;
import dev.newsintel.search.IndexSetup;
import dev.newsintel.search.Indexer;
import dev.newsintel.search.SearchApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel serve}: the indexer and the search API against existing Kafka and Elasticsearch. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the indexer and the search API until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--port", defaultValue = "8080", description = "API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka));
        Topics.ensureCreated(admin, Topics.all());
        ElasticsearchClient client = Elasticsearch.connect(endpoints.elasticsearch);
        IndexSetup.apply(client);
        Indexer indexer = new Indexer(endpoints.kafka, client);
        Thread indexerThread = new Thread(indexer, "newsintel-indexer");
        Map<String, HealthIndicator> health = new LinkedHashMap<>();
        health.put("kafka", HealthIndicators.kafka(admin));
        health.put("elasticsearch", HealthIndicators.elasticsearch(client));
        health.put("indexer", indexer::health);
        SearchApi api = new SearchApi(client, health);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            indexer.close();
            api.close();
            admin.close();
            stopped.countDown();
        }, "newsintel-serve-shutdown"));
        indexerThread.start();
        int actual = api.start(host, port);
        spec.commandLine().getOut().printf("Search API on http://%s:%d (Ctrl-C to stop)%n", host, actual);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
