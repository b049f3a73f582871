package dev.newsintel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;

import dev.newsintel.events.SourceDefinition;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.IngestWorker;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.ingest.edgar.EdgarSettings;
import dev.newsintel.ingest.live.LiveIngest;
import dev.newsintel.ingest.replay.ReplaySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel ingest}: the ingest workers alone, publishing to the raw topics of an existing Kafka. With
 * {@code --replay DIR} it publishes a folder and exits; otherwise it registers the live sources of its options and
 * runs a worker of the {@code newsintel-ingest} group until Ctrl-C (start more to split the sources).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Runs the ingest workers alone against an existing Kafka cluster.",
                "With --replay DIR: publishes that folder and exits. Otherwise: polls SEC EDGAR and news feeds until "
                        + "Ctrl-C; several instances split the sources between them."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Mixin
    LiveSourceOptions live;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Publish the documents of this folder (.html .htm .txt .json .xml, optionally .gz) and exit.")
    Path replay;

    @Override
    public Integer call() throws Exception {
        return replay != null ? replay() : runLive();
    }

    private int replay() {
        if (!Files.isDirectory(replay)) {
            throw new IllegalArgumentException("--replay " + replay + " is not a directory");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        ReplaySource source = new ReplaySource(replay, "replay", Clock.systemUTC());
        try (IngestWorker worker = new IngestWorker(new RawDocumentPublisher(endpoints.kafka, "newsintel-ingest"))) {
            worker.runOnce(List.of(source));
        }
        spec.commandLine().getOut().printf("Published %d documents from %s%s%n", source.emitted(), replay,
                source.failures().isEmpty() ? "" : " (" + source.failures().size() + " files failed: "
                        + source.failures() + ")");
        return source.failures().isEmpty() ? 0 : 3;
    }

    private int runLive() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        EdgarSettings edgar = live.edgarSettings();
        if (edgar == null && live.edgarRequested()) {
            out.println("EDGAR sources not started: " + EdgarSettings.missingUserAgentMessage(null));
        }
        LiveIngest.Config config = live.config(edgar);
        if (config.feeds().isEmpty() && edgar == null) {
            throw new IllegalArgumentException("Nothing to ingest: no news feeds and no EDGAR User-Agent "
                    + "(or use --replay DIR)");
        }
        LiveIngest ingest = LiveIngest.start(live.workerSettings(endpoints.kafka), config,
                IngestMetrics.inMemory());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingest.close();
            stopped.countDown();
        }, "newsintel-ingest-shutdown"));
        out.printf("Ingest worker %s running on %s: %d news feeds, %d EDGAR latest-filings feeds, %d watchlist "
                        + "companies registered%s.%nPress Ctrl-C to stop.%n", ingest.worker().workerId(), endpoints.kafka,
                ingest.count(SourceDefinition.Type.FEED), ingest.count(SourceDefinition.Type.EDGAR_CURRENT),
                ingest.count(SourceDefinition.Type.EDGAR_COMPANY),
                ingest.removed().isEmpty() ? "" : " (" + ingest.removed().size() + " others removed)");
        out.flush();
        stopped.await();
        return 0;
    }
}
