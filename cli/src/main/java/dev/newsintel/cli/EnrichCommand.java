package dev.newsintel.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;

import dev.newsintel.enrich.EnrichApp;
import dev.newsintel.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsintel enrich}: the Kafka Streams topology alone; start several to share the partitions. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Runs the enrichment stream alone until Ctrl-C.",
                "Several instances (on one or many machines) share the work by partitions."})
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    Endpoints endpoints;

    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${sys:java.io.tmpdir}/newsintel-enrich-state",
            description = "Kafka Streams state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EnrichApp app = new EnrichApp(endpoints.kafka, stateDir, threads, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "newsintel-enrich-shutdown"));
        app.start();
        stopped.await();
        return 0;
    }
}
