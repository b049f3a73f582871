package dev.newsintel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.newsintel.embedded.EmbeddedStack;
import dev.newsintel.embedded.EmbeddedStack.Server;
import dev.newsintel.ingest.SampleCorpus;
import dev.newsintel.search.IndexKind;
import dev.newsintel.search.Indexer;
import dev.newsintel.events.SourceDefinition;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.edgar.EdgarSettings;
import dev.newsintel.ingest.live.LiveIngest;
import dev.newsintel.ingest.live.Reachability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel up}: the whole pipeline on embedded (or given) Kafka and Elasticsearch, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline (ingest, enrich, index, search API) until Ctrl-C.",
                "Starts a local Kafka broker and Elasticsearch unless --kafka / --elasticsearch point at running ones.",
                "Polls SEC EDGAR and news feeds when the network is reachable; without network (or with --offline) it",
                "loads the bundled sample corpus instead; with --replay DIR only the documents of that folder."})
final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Search API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface the API listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Load this folder of documents (.html .htm .txt .json .xml, optionally .gz) instead of the sample corpus.")
    Path replay;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Use this Kafka cluster instead of starting one.")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "Use this Elasticsearch instead of starting one.")
    String elasticsearch;

    @Option(names = "--offline", negatable = false,
            description = "Do not use live sources: load the bundled sample corpus.")
    boolean offline;

    @Mixin
    LiveSourceOptions live;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:NEWSINTEL_API_KEY}",
            description = "Key that changing subscriptions needs (default: $NEWSINTEL_API_KEY, else one is generated and printed).")
    String apiKey;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (replay != null && !Files.isDirectory(replay)) {
            throw new IllegalArgumentException("--replay " + replay + " is not a directory");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        // Decide (and validate) the live sources before starting any server.
        String offlineReason = replay != null || offline ? null : Reachability.problem(live.probe(),
                LiveSourceOptions.probeTimeout());
        boolean liveSources = replay == null && !offline && offlineReason == null;
        EdgarSettings edgar = liveSources ? live.edgarSettings() : null;
        LiveIngest.Config liveConfig = liveSources ? live.config(edgar) : null;
        EnumSet<Server> embedded = EnumSet.noneOf(Server.class);
        if (kafka == null) {
            embedded.add(Server.KAFKA);
        }
        if (elasticsearch == null) {
            embedded.add(Server.ELASTICSEARCH);
        }
        EmbeddedStack stack = null;
        if (!embedded.isEmpty()) {
            out.println("Starting " + (embedded.size() == 2 ? "Kafka and Elasticsearch"
                    : embedded.contains(Server.KAFKA) ? "Kafka" : "Elasticsearch") + " on this machine...");
            out.flush();
            stack = EmbeddedStack.start(EmbeddedStack.Options.defaults(), embedded, false);
        }
        String kafkaServers = kafka != null ? kafka : stack.kafka().bootstrapServers();
        String esUrl = elasticsearch != null ? elasticsearch : stack.elasticsearch().url();
        Path work = stack != null ? stack.runtime().dir("pipeline")
                : Files.createTempDirectory("newsintel-up-");

        // A development stack: rather than refuse subscription changes, make a key and print it.
        boolean generatedKey = apiKey == null || apiKey.isBlank();
        String key = generatedKey ? dev.newsintel.search.ApiKey.generate() : apiKey;
        CountDownLatch stopped = new CountDownLatch(1);
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(new Pipeline.Settings(kafkaServers, esUrl, host, port, work.resolve("streams"),
                    Clock.systemUTC(), key));
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            }
            throw e;
        }
        EmbeddedStack ownedStack = stack;
        LiveIngest[] liveIngest = new LiveIngest[1];
        Thread hook = new Thread(() -> {
            // Stop our clients first, then the servers they talk to: nothing in flight is lost.
            if (liveIngest[0] != null) {
                liveIngest[0].close();
            }
            pipeline.close();
            if (ownedStack != null) {
                ownedStack.close();
            } else {
                dev.newsintel.cli.Files2.deleteQuietly(work);
            }
            stopped.countDown();
        }, "newsintel-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        String base = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + pipeline.port();
        if (liveSources) {
            if (edgar == null && live.edgarRequested()) {
                out.println("EDGAR sources not started: " + EdgarSettings.missingUserAgentMessage(null));
            }
            liveIngest[0] = LiveIngest.start(live.workerSettings(kafkaServers), liveConfig,
                    new IngestMetrics(pipeline.meters()));
            printUp(out, base, kafkaServers, esUrl, key, generatedKey);
            out.printf("  Live sources    %d news feeds, %d EDGAR latest-filings feeds, %d watchlist companies%n",
                    liveIngest[0].count(SourceDefinition.Type.FEED),
                    liveIngest[0].count(SourceDefinition.Type.EDGAR_CURRENT),
                    liveIngest[0].count(SourceDefinition.Type.EDGAR_COMPANY));
            out.printf("                  documents become searchable as they are fetched%n");
            out.flush();
        } else {
            if (offlineReason != null) {
                out.println("No network (" + offlineReason + "): loading the bundled sample corpus instead of live "
                        + "sources.");
            }
            Path folder = replay != null ? replay : SampleCorpus.copyTo(work.resolve("sample-corpus"));
            int loaded = pipeline.replay(folder);
            printUp(out, base, kafkaServers, esUrl, key, generatedKey);
            out.printf("  Loaded          %d documents from %s%n", loaded,
                    replay != null ? replay : "the sample corpus");
            out.flush();
            awaitIndexed(pipeline, loaded, out);
        }
        out.printf("Press Ctrl-C to stop.%n");
        out.flush();
        stopped.await();
        return 0;
    }

    private void printUp(PrintWriter out, String base, String kafkaServers, String esUrl, String key,
                         boolean generatedKey) {
        out.printf("%nNewsIntel is up.%n");
        out.printf("  Web page        %s/%n", base);
        out.printf("  Search          %s/api/search?q=nvidia%n", base);
        out.printf("  API reference   %s/api/openapi.json%n", base);
        out.printf("  API key         %s%s%n", generatedKey ? key : "(as given)",
                generatedKey ? " (generated; send as X-Api-Key to change subscriptions)" : "");
        out.printf("  Health          %s/health%n", base);
        out.printf("  Kafka           %s%s%n", kafkaServers, kafka == null ? " (embedded)" : "");
        out.printf("  Elasticsearch   %s%s%n", esUrl, elasticsearch == null ? " (embedded)" : "");
    }

    private static void awaitIndexed(Pipeline pipeline, int expected, PrintWriter out) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Indexer indexer = pipeline.indexer();
        while (indexer.indexed(IndexKind.DOCUMENTS) < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        out.printf("  Searchable      %d documents, %d announcements, %d stories so far%n",
                indexer.indexed(IndexKind.DOCUMENTS), indexer.indexed(IndexKind.ANNOUNCEMENTS),
                indexer.indexed(IndexKind.STORIES));
        out.flush();
    }
}
