package dev.newsintel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;

import dev.newsintel.events.Topics;
import dev.newsintel.ingest.IngestWorker;
import dev.newsintel.ingest.RawDocumentPublisher;
import dev.newsintel.ingest.replay.ReplaySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel ingest}: the ingest workers alone, publishing to the raw topics of an existing Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Runs the ingest workers alone against an existing Kafka cluster.")
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--replay", paramLabel = "DIR", required = true,
            description = "Publish the documents of this folder (.html .htm .txt .json .xml, optionally .gz).")
    Path replay;

    @Override
    public Integer call() {
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
}
