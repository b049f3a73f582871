package dev.newsintel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.cli.bench.BenchReport;
import dev.newsintel.cli.bench.EndToEndBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel bench}: the end-to-end benchmark on the embedded stack; writes a JSON and a Markdown report. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the whole pipeline on this machine: documents per second through ingest, enrich and"
                + " index; latency from publication to alert and to searchable; Elasticsearch's bulk rate; CPU and"
                + " memory of each component; how each grows with the corpus.",
                "Starts its own Kafka and Elasticsearch, runs newsintel enrich and newsintel serve as child"
                        + " processes, and writes DIR/NAME.json and DIR/NAME.md.",
                "The default run (1k and 10k documents) takes about ten minutes on 2 cores; --sizes"
                        + " 1000,10000,100000 about an hour."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000", paramLabel = "N,N,...",
            description = "Corpus sizes (cumulative) at which to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--rate", defaultValue = "50",
            description = "Documents per second of the latency probes (default: ${DEFAULT-VALUE}).")
    int rate;

    // A minute: the first checkpoint comes a minute after four JVMs started on shared cores, and with 15 s of
    // warm-up its tail was still the JIT compiling (docs/benchmarks/experiments/cold-start-*.md).
    @Option(names = "--warmup", defaultValue = "60", paramLabel = "SECONDS",
            description = "Probe time before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--probe", defaultValue = "60", paramLabel = "SECONDS",
            description = "Probe time measured (default: ${DEFAULT-VALUE}).")
    int probe;

    @Option(names = "--max-backlog", defaultValue = "2000", paramLabel = "N",
            description = "Most documents published and not yet searchable during a load phase"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxBacklog;

    @Option(names = "--enrich-threads", defaultValue = "2",
            description = "Stream threads of the enrich process (default: ${DEFAULT-VALUE}).")
    int enrichThreads;

    @Option(names = "--enrich-heap", defaultValue = "1g", description = "Heap of the enrich process (default: ${DEFAULT-VALUE}).")
    String enrichHeap;

    @Option(names = "--serve-heap", defaultValue = "512m", description = "Heap of the serve process (default: ${DEFAULT-VALUE}).")
    String serveHeap;

    @Option(names = "--poll-ms", defaultValue = "100",
            description = "How often the searchability probe searches, in ms (default: ${DEFAULT-VALUE}).")
    int pollMillis;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Replay this folder (any format newsintel ingest --replay reads) instead of the composed"
                    + " corpus; cycled, with new ids, when the sizes ask for more documents than it holds.")
    Path replay;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the composed corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "docs/benchmarks", paramLabel = "DIR",
            description = "Where the results go (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--name", defaultValue = "end-to-end",
            description = "Base name of the result files (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = {"-c", "--enrich-config"}, paramLabel = "KEY=VALUE",
            description = "A Kafka Streams setting for the enrich process, e.g. -c commit.interval.ms=50 (repeatable).")
    java.util.Map<String, String> enrichConfig = new java.util.LinkedHashMap<>();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where stage logs and state go (default: a new temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        if (replay != null && !Files.isDirectory(replay)) {
            throw new IllegalArgumentException("--replay " + replay + " is not a directory");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name must be a file name without a directory: " + name);
        }
        Path work = workDir != null ? workDir : Files.createTempDirectory("newsintel-bench-");
        EndToEndBenchmark.Settings settings = new EndToEndBenchmark.Settings(List.copyOf(sizes), rate,
                Duration.ofSeconds(warmup), Duration.ofSeconds(probe), maxBacklog, enrichThreads, enrichHeap,
                serveHeap, Duration.ofMillis(pollMillis), replay, seed, work, enrichConfig);
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode results = new EndToEndBenchmark(settings, out).run();
        Path md = BenchReport.write(results, outDir, name, "./newsintel " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        out.printf("Results: %s and %s (stage logs in %s)%n", md, md.resolveSibling(name + ".json"), work);
        for (var goal : results.path("goals")) {
            out.printf("  %s %s: %s (target %s)%n", goal.path("met").asBoolean() ? "[met]    " : "[NOT MET]",
                    goal.path("goal").asText(), goal.path("measured").asText(), goal.path("target").asText());
        }
        out.flush();
        return 0;
    }
}
