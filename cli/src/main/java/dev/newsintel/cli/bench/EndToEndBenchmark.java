package dev.newsintel.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.embedded.EmbeddedStack;
import dev.newsintel.embedded.Versions;
import dev.newsintel.enrich.EnrichApp;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;
import dev.newsintel.events.Topics;
import dev.newsintel.ingest.RawDocumentPublisher;

/**
 * The end-to-end benchmark behind {@code newsintel bench}: a real Kafka broker and Elasticsearch server on this
 * machine, {@code newsintel enrich} and {@code newsintel serve} as child processes (measured apart), and this JVM as
 * the ingest stage (publishing through the ingest's {@link RawDocumentPublisher}) and the observer.
 *
 * <p>For each corpus size (1k, 10k, ... documents, cumulative) it runs two phases:
 * <ol>
 *   <li><b>load</b>: publishes documents as fast as the pipeline takes them, with at most {@code maxBacklog}
 *       published and not yet searchable, and measures the rate at which they become searchable between 10% and
 *       90% of the phase (the steady state: start-up and the final drain excluded), the CPU each component spent
 *       per document, and Elasticsearch's bulk rate;</li>
 *   <li><b>probe</b>: publishes at a fixed rate (50 articles/s by default), open loop, for a warm-up and then a
 *       measured window, and times each document from its publication to searchable, and each alert from the
 *       publication of the document that raised it to its arrival on the alert firehose.</li>
 * </ol>
 * Memory (resident set, and the heap each JVM keeps after a collection) is sampled every second throughout, so the
 * results show how it grows with the corpus.
 */
public final class EndToEndBenchmark {

    /**
     * @param sizes          corpus sizes at which to measure, ascending
     * @param rate           documents per second of the latency probes
     * @param warmup         probe time not measured
     * @param probe          probe time measured
     * @param maxBacklog     most documents published and not yet searchable during a load phase
     * @param enrichThreads  stream threads of the enrich process
     * @param enrichHeap     heap of the enrich process
     * @param serveHeap      heap of the serve process
     * @param pollPeriod     how often the searchability probe searches
     * @param replay         a folder to replay instead of the composed corpus, or null
     * @param seed           seed of the composed corpus
     * @param workDir        where logs and state go
     * @param enrichConfig   Kafka Streams settings for the enrich process ({@code newsintel enrich -c KEY=VALUE})
     */
    public record Settings(List<Integer> sizes, int rate, Duration warmup, Duration probe, int maxBacklog,
                           int enrichThreads, String enrichHeap, String serveHeap, Duration pollPeriod, Path replay,
                           long seed, Path workDir, Map<String, String> enrichConfig) {
        public Settings {
            if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 100)) {
                throw new IllegalArgumentException("--sizes must list corpus sizes of at least 100 documents");
            }
            for (int i = 1; i < sizes.size(); i++) {
                if (sizes.get(i) <= sizes.get(i - 1)) {
                    throw new IllegalArgumentException("--sizes must be ascending: " + sizes);
                }
            }
            if (rate < 1 || rate > 10_000) {
                throw new IllegalArgumentException("--rate must be within [1, 10000] documents per second");
            }
            if (probe.isZero() || probe.isNegative() || warmup.isNegative()) {
                throw new IllegalArgumentException("--probe must be positive and --warmup not negative");
            }
            if (maxBacklog < 10) {
                throw new IllegalArgumentException("--max-backlog must be at least 10");
            }
            if (enrichThreads < 1) {
                throw new IllegalArgumentException("--enrich-threads must be at least 1");
            }
            enrichConfig = enrichConfig == null ? Map.of() : Map.copyOf(enrichConfig);
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final String runTag;

    public EndToEndBenchmark(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.runTag = "r" + Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
    }

    /** Runs the benchmark and returns the results (see {@link BenchReport} for what they hold). */
    public ObjectNode run() throws IOException, InterruptedException {
        if (!ResourceSampler.available()) {
            throw new IllegalStateException("newsintel bench measures CPU and memory through /proc: it needs Linux");
        }
        Files.createDirectories(settings.workDir());
        ObjectNode results = Json.MAPPER.createObjectNode();
        results.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.set("machine", BenchReport.machine());
        ObjectNode settingsNode = settingsNode();
        results.set("settings", settingsNode);

        say("Starting Kafka and Elasticsearch on this machine...");
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.defaults())) {
            ObjectNode versions = results.putObject("versions");
            versions.put("jdk", Runtime.version().toString() + " (" + System.getProperty("java.vendor") + ")");
            versions.put("kafka", Versions.kafka());
            versions.put("elasticsearch", Versions.elasticsearch());
            versions.put("newsintel", BenchReport.projectVersion());
            String kafka = stack.kafka().bootstrapServers();
            String es = stack.elasticsearch().url();
            settingsNode.put("kafkaHeap", EmbeddedStack.Options.defaults().kafkaHeap());
            settingsNode.put("elasticsearchHeap", EmbeddedStack.Options.defaults().elasticsearchHeap());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
                Topics.ensureCreated(admin, Topics.all());
            }
            List<String> rules = publishRules(kafka);
            settingsNode.put("subscriptions", rules.size() + " user rules (" + String.join(", ", rules)
                    + ") and the 3 built-in rules");
            run(stack, results);
        }
        return results;
    }

    private void run(EmbeddedStack stack, ObjectNode results) throws IOException, InterruptedException {
        String kafka = stack.kafka().bootstrapServers();
        String es = stack.elasticsearch().url();
        String sourceId = "bench-" + runTag;
        DocumentSupply supply = supply(sourceId, results);
        Path logs = settings.workDir().resolve("logs-" + runTag);
        int port = freePort();
        say("Starting newsintel enrich and newsintel serve (logs in " + logs + ")...");
        List<String> enrichArgs = new ArrayList<>(List.of("enrich",
                "--kafka", kafka, "--threads", Integer.toString(settings.enrichThreads()),
                "--application-id", "newsintel-bench-" + runTag,
                "--state-dir", settings.workDir().resolve("enrich-state-" + runTag).toString()));
        settings.enrichConfig().forEach((key, value) -> enrichArgs.addAll(List.of("-c", key + "=" + value)));
        try (StageProcess enrich = StageProcess.start("enrich", settings.enrichHeap(), logs, enrichArgs);
             StageProcess serve = StageProcess.start("serve", settings.serveHeap(), logs, List.of("serve",
                     "--kafka", kafka, "--elasticsearch", es, "--port", Integer.toString(port),
                     "--group", "newsintel-bench-indexer-" + runTag));
             RawDocumentPublisher publisher = new RawDocumentPublisher(kafka, "newsintel-bench-ingest");
             AlertObserver alerts = new AlertObserver(kafka, publications);
             SearchObserver search = new SearchObserver(es, sourceId, settings.pollPeriod())) {
            enrich.awaitLog("Enrich is running", Duration.ofSeconds(120));
            serve.awaitLog("Search API on", Duration.ofSeconds(120));
            ElasticsearchStats esStats = new ElasticsearchStats(es);
            ResourceSampler sampler = new ResourceSampler();
            sampler.addTree("kafka", stack.kafka().pid(), null, null);
            sampler.addTree("elasticsearch", stack.elasticsearch().pid(), null, esStats::oldGenerationBytes);
            sampler.addTree("enrich", enrich.pid(), enrich.gcLog(), null);
            sampler.addTree("serve", serve.pid(), serve.gcLog(), null);
            sampler.addProcess("harness", ProcessHandle.current().pid(), null, EndToEndBenchmark::ownLiveHeap);
            sampler.start(1000);
            alerts.start();
            search.start();
            Run run = new Run(supply, publisher, alerts, search, sampler, esStats);
            ArrayNode checkpoints = results.putArray("checkpoints");
            try {
                for (int size : settings.sizes()) {
                    ObjectNode checkpoint = checkpoints.addObject();
                    checkpoint.put("documents", size);
                    say(String.format(Locale.ROOT, "Loading the corpus to %,d documents...", size));
                    checkpoint.set("load", run.load(size));
                    say(String.format(Locale.ROOT, "Probing latency at %d documents/s (%d s warm-up, %d s measured)...",
                            settings.rate(), settings.warmup().toSeconds(), settings.probe().toSeconds()));
                    checkpoint.set("probe", run.probe());
                    checkpoint.set("memory", run.memory(List.of(enrich, serve)));
                    checkpoint.put("corpusAfterProbe", run.published);
                    say("  " + BenchReport.oneLine(checkpoint));
                    if (!enrich.isAlive() || !serve.isAlive()) {
                        throw new IllegalStateException("A stage exited during the run; see " + logs);
                    }
                }
            } finally {
                sampler.stop();
            }
            ObjectNode totals = results.putObject("totals");
            totals.put("documentsPublished", run.published);
            totals.put("alertsReceived", alerts.received());
            totals.put("alertsReceivedTwice", alerts.duplicates());
            totals.set("alertsByRule", Json.MAPPER.valueToTree(alerts.byRule()));
            totals.put("deadLetters", deadLetters(kafka));
            if (supply instanceof CorpusComposer composer) {
                totals.put("storiesComposed", composer.stories());
            }
            results.set("timeline", BenchReport.timeline(sampler.samples(), run.countTimeline, 10));
        }
    }

    private final Publications publications = new Publications();

    /** How long nothing may happen before a probe starts: a few refresh intervals and commit rounds. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** The state of one run: what was published, and the instruments. */
    private final class Run {
        final DocumentSupply supply;
        final RawDocumentPublisher publisher;
        final AlertObserver alerts;
        final SearchObserver search;
        final ResourceSampler sampler;
        final ElasticsearchStats esStats;
        final List<double[]> countTimeline = new ArrayList<>();
        final long started = System.nanoTime();
        long published;
        int samplesSeen;

        Run(DocumentSupply supply, RawDocumentPublisher publisher, AlertObserver alerts, SearchObserver search,
            ResourceSampler sampler, ElasticsearchStats esStats) {
            this.supply = supply;
            this.publisher = publisher;
            this.alerts = alerts;
            this.search = search;
            this.sampler = sampler;
            this.esStats = esStats;
        }

        /** Publishes up to {@code size} documents as fast as the pipeline indexes them. */
        ObjectNode load(int size) throws InterruptedException {
            long toPublish = size - published;
            if (toPublish <= 0) {
                ObjectNode skipped = Json.MAPPER.createObjectNode();
                skipped.put("documents", 0);
                skipped.put("skipped", "the corpus already held " + published + " documents (the previous probe's"
                        + " included)");
                return skipped;
            }
            long base = published;
            ResourceSampler.Sample before = sampler.sample();
            ElasticsearchStats.Counters esBefore = esStats.counters();
            long alertsBefore = alerts.received();
            long t0 = System.nanoTime();
            List<double[]> phase = new ArrayList<>();
            long searchable = count();
            long lastCountAt = System.nanoTime();
            while (published < size) {
                if (published - searchable < settings.maxBacklog()) {
                    int batch = (int) Math.min(50, size - published);
                    for (int i = 0; i < batch; i++) {
                        publisher.send(supply.next(Instant.now()));
                        published++;
                    }
                } else {
                    Thread.sleep(50);
                }
                if (System.nanoTime() - lastCountAt > 250_000_000L) {
                    searchable = count();
                    lastCountAt = System.nanoTime();
                    phase.add(new double[] {(lastCountAt - t0) / 1e9, searchable - base});
                }
            }
            publisher.flush();
            searchable = awaitSearchable(published, phase, t0, base);
            long t1 = System.nanoTime();
            ResourceSampler.Sample after = sampler.sample();
            ElasticsearchStats.Counters esDelta = esStats.counters().minus(esBefore);
            double seconds = (t1 - t0) / 1e9;

            ObjectNode load = Json.MAPPER.createObjectNode();
            load.put("documents", toPublish);
            load.put("seconds", round(seconds, 1));
            load.put("documentsPerSecondOverall", round(toPublish / seconds, 1));
            double[] window = steadyState(phase, toPublish);
            if (window != null) {
                load.put("documentsPerSecondSteady", round(window[2], 1));
                load.put("steadyWindowSeconds", round(window[1] - window[0], 1));
            }
            load.put("alerts", alerts.received() - alertsBefore);
            ObjectNode bulk = load.putObject("elasticsearch");
            bulk.put("indexOperationsPerSecond", round(esDelta.indexed() / seconds, 1));
            bulk.put("shardBulkRequestsPerSecond", round(esDelta.shardBulks() / seconds, 1));
            bulk.put("bulkMegabytesPerSecond", round(esDelta.bulkBytes() / seconds / 1e6, 2));
            bulk.put("meanShardBulkMillis", esDelta.shardBulks() == 0 ? 0
                    : round((double) esDelta.bulkMillis() / esDelta.shardBulks(), 1));
            bulk.put("indexOperationsPerDocument", round((double) esDelta.indexed() / toPublish, 2));
            load.set("cpu", cpu(before, after, seconds, toPublish));
            return load;
        }

        /**
         * Waits until the stages have finished what the load phase left them: stories and alerts (the last
         * sub-topology) and the indexing of stories and alerts trail the documents becoming searchable. Without
         * this the probe measures that backlog, not latency at the probe rate. Quiet means no alert and no index
         * operation for {@link #QUIET}; returns how long it took.
         */
        Duration awaitQuiet(Duration timeout) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long alertCount = alerts.received();
            long indexed = esStats.counters().indexed();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Thread.sleep(250);
                long a = alerts.received();
                long i = esStats.counters().indexed();
                if (a != alertCount || i != indexed) {
                    alertCount = a;
                    indexed = i;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                    break;
                }
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }

        /** Publishes at the probe rate, open loop, and times alerts and searchability of the measured part. */
        ObjectNode probe() throws InterruptedException {
            Duration drained = awaitQuiet(Duration.ofMinutes(5));
            alerts.reset();
            search.reset();
            publications.clear();
            long alertsBefore = alerts.received();
            int rate = settings.rate();
            long warmupDocs = rate * settings.warmup().toSeconds();
            long total = warmupDocs + rate * settings.probe().toSeconds();
            long intervalNanos = 1_000_000_000L / rate;
            long t0 = System.nanoTime();
            ResourceSampler.Sample before = null;
            ElasticsearchStats.Counters esBefore = null;
            long measureStart = 0;
            long lag = 0;
            for (long i = 0; i < total; i++) {
                long due = t0 + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    lag = Math.max(lag, -wait);
                }
                if (i == warmupDocs) {
                    before = sampler.sample();
                    esBefore = esStats.counters();
                    measureStart = System.nanoTime();
                }
                if (i % rate == 0) {
                    count(); // once a second, for the timeline
                }
                RawDocument document = supply.next(Instant.now());
                long sent = System.nanoTime();
                boolean measured = i >= warmupDocs;
                publications.record(document.id(), document.url(), sent, measured);
                search.published(new Publications.Sent(document.id(), sent, measured));
                publisher.send(document);
                published++;
            }
            long measureEnd = System.nanoTime();
            ResourceSampler.Sample after = sampler.sample();
            ElasticsearchStats.Counters esDelta = esStats.counters().minus(esBefore);
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (search.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int notFound = search.pending();
            Thread.sleep(3_000); // late alerts
            double seconds = (measureEnd - measureStart) / 1e9;
            long measuredDocs = total - warmupDocs;

            ObjectNode probe = Json.MAPPER.createObjectNode();
            probe.put("targetRate", rate);
            probe.put("achievedRate", round(measuredDocs / seconds, 1));
            probe.put("maxPublishLagMillis", round(lag / 1e6, 1));
            probe.put("drainSecondsBefore", round(drained.toMillis() / 1e3, 1));
            probe.put("measuredDocuments", measuredDocs);
            probe.put("warmupDocuments", warmupDocs);
            probe.set("searchableMillis", Json.MAPPER.valueToTree(search.reset().summary()));
            probe.put("notSearchableWithin180s", notFound);
            probe.set("alertMillis", Json.MAPPER.valueToTree(alerts.reset().summary()));
            probe.put("alertsDuringProbe", alerts.received() - alertsBefore);
            probe.put("elasticsearchIndexOperationsPerSecond", round(esDelta.indexed() / seconds, 1));
            probe.set("cpu", cpu(before, after, seconds, measuredDocs));
            long count = count();
            if (count < published) {
                probe.put("searchableAtEnd", count);
            }
            return probe;
        }

        /** Memory of each component now, and the largest live heap seen since the previous checkpoint. */
        /**
         * Memory of each component at the end of a checkpoint: its resident set now and at most since the previous
         * checkpoint; and for the JVMs the live set: the heap after a full collection the benchmark asks for
         * ({@code jcmd <pid> GC.run} for the stages, {@code System.gc()} here; Elasticsearch's old generation, which
         * it cannot be asked to collect), and the highest heap after any collection since the previous checkpoint
         * (which includes garbage the young collections leave in the old generation).
         */
        ObjectNode memory(List<StageProcess> stages) throws InterruptedException {
            for (StageProcess stage : stages) {
                fullGc(stage.pid());
            }
            System.gc();
            Thread.sleep(2_000); // the collections finish and reach the GC logs
            ObjectNode memory = Json.MAPPER.createObjectNode();
            ResourceSampler.Sample now = sampler.sample();
            List<ResourceSampler.Sample> all = sampler.samples();
            List<ResourceSampler.Sample> recent = all.subList(Math.min(samplesSeen, all.size()), all.size());
            samplesSeen = all.size();
            for (var entry : now.readings().entrySet()) {
                ObjectNode c = memory.putObject(entry.getKey());
                c.put("rssMegabytes", mb(entry.getValue().rssBytes()));
                long maxRss = recent.stream().mapToLong(s -> rss(s, entry.getKey())).max()
                        .orElse(entry.getValue().rssBytes());
                c.put("maxRssMegabytes", mb(Math.max(maxRss, entry.getValue().rssBytes())));
                if (entry.getValue().heapAfterGcBytes() >= 0) {
                    c.put("liveHeapMegabytes", mb(entry.getValue().heapAfterGcBytes()));
                    long maxHeap = recent.stream().mapToLong(s -> liveHeap(s, entry.getKey()))
                            .max().orElse(-1);
                    c.put("maxHeapAfterGcMegabytes", mb(Math.max(maxHeap, entry.getValue().heapAfterGcBytes())));
                }
                if (entry.getValue().collections() > 0) {
                    c.put("gcPausesMillisTotal", Math.round(entry.getValue().gcPauseMillis()));
                }
            }
            return memory;
        }

        /** Asks a JVM for a full collection through the JDK's jcmd; best effort (no jcmd: the figure is older). */
        private static void fullGc(long pid) {
            java.nio.file.Path jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!java.nio.file.Files.isExecutable(jcmd)) {
                return;
            }
            try {
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException e) {
                // no full collection: the live heap is then the latest heap after a collection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static long rss(ResourceSampler.Sample sample, String component) {
            ResourceSampler.Reading r = sample.readings().get(component);
            return r == null ? 0 : r.rssBytes();
        }

        private static long liveHeap(ResourceSampler.Sample sample, String component) {
            ResourceSampler.Reading r = sample.readings().get(component);
            return r == null ? -1 : r.heapAfterGcBytes();
        }

        private long count() {
            long c = search.count();
            if (c >= 0) {
                countTimeline.add(new double[] {(System.nanoTime() - started) / 1e9, c});
            }
            return Math.max(c, 0);
        }

        /** Waits until {@code expected} documents are searchable; fails when nothing moves for three minutes. */
        private long awaitSearchable(long expected, List<double[]> phase, long t0, long base)
                throws InterruptedException {
            long searchable = count();
            long lastProgress = System.nanoTime();
            long last = searchable;
            while (searchable < expected) {
                Thread.sleep(250);
                searchable = count();
                phase.add(new double[] {(System.nanoTime() - t0) / 1e9, searchable - base});
                if (searchable > last) {
                    last = searchable;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "Only %d of %d documents became searchable, and none for 3 minutes: see the stage logs"
                                    + " in %s", searchable, expected, settings.workDir()));
                }
            }
            return searchable;
        }

        private ObjectNode cpu(ResourceSampler.Sample before, ResourceSampler.Sample after, double seconds,
                               long documents) {
            ObjectNode cpu = Json.MAPPER.createObjectNode();
            double total = 0;
            for (var entry : after.readings().entrySet()) {
                ResourceSampler.Reading b = before.readings().get(entry.getKey());
                double used = entry.getValue().cpuSeconds() - (b == null ? 0 : b.cpuSeconds());
                total += used;
                ObjectNode c = cpu.putObject(entry.getKey());
                c.put("cores", round(used / seconds, 2));
                c.put("cpuMillisPerDocument", round(used * 1000 / documents, 2));
            }
            ObjectNode all = cpu.putObject("total");
            all.put("cores", round(total / seconds, 2));
            all.put("cpuMillisPerDocument", round(total * 1000 / documents, 2));
            cpu.put("loadAverage", round(after.loadAverage(), 2));
            if (before.machineBusySeconds() >= 0 && after.machineBusySeconds() >= 0) {
                double others = after.machineBusySeconds() - before.machineBusySeconds() - total;
                cpu.put("otherProcessesCores", round(Math.max(0, others) / seconds, 2));
            }
            return cpu;
        }
    }

    /**
     * The steady-state window of a load phase: from when 10% of its documents were searchable to when 90% were;
     * returns {start, end, documents per second}, or null when the phase was too short to tell.
     */
    static double[] steadyState(List<double[]> timeline, long documents) {
        double start = -1;
        double end = -1;
        double startCount = 0;
        double endCount = 0;
        for (double[] point : timeline) {
            if (start < 0 && point[1] >= documents * 0.1) {
                start = point[0];
                startCount = point[1];
            }
            if (end < 0 && point[1] >= documents * 0.9) {
                end = point[0];
                endCount = point[1];
            }
        }
        if (start < 0 || end <= start) {
            return null;
        }
        return new double[] {start, end, (endCount - startCount) / (end - start)};
    }

    private DocumentSupply supply(String sourceId, ObjectNode results) throws IOException {
        ObjectNode corpus = results.putObject("corpus");
        if (settings.replay() != null) {
            ReplayCorpus replay = new ReplayCorpus(settings.replay(), sourceId);
            corpus.put("source", "replay of " + settings.replay().toAbsolutePath());
            corpus.put("folderDocuments", replay.size());
            corpus.put("unreadableFiles", replay.failures().size());
            return replay;
        }
        CorpusComposer.Settings composed = CorpusComposer.Settings.defaults(settings.seed(), runTag);
        // The simulated news timeline ends about now: ~2,000 documents a day, like a busy day of tech news and 8-Ks.
        long planned = settings.sizes().get(settings.sizes().size() - 1)
                + (long) settings.sizes().size() * settings.rate() * (settings.warmup().toSeconds()
                + settings.probe().toSeconds());
        composed = composed.withFirstPublished(Instant.now().minus(composed.spacing().multipliedBy(planned)),
                composed.spacing());
        corpus.put("source", "composed by CorpusComposer (seed " + settings.seed() + ")");
        corpus.put("newsPerDay", 86_400 / composed.spacing().toSeconds());
        corpus.put("filingShare", composed.filingShare());
        corpus.put("syndicatedCopyShare", composed.syndicatedShare());
        corpus.put("outletsPerStory", "1 (45%), 2 (25%), 3 (15%), 4 (10%), 5 (5%)");
        CorpusComposer composer = new CorpusComposer(composed);
        long bytes = 0;
        CorpusComposer sample = new CorpusComposer(composed);
        for (int i = 0; i < 500; i++) {
            bytes += sample.next(Instant.now()).body().length;
        }
        corpus.put("meanDocumentBytes", bytes / 500);
        return composer;
    }

    /** A realistic set of user rules: watchlists, thresholds, model criteria and terms. */
    private List<String> publishRules(String kafka) {
        Instant now = Instant.now();
        List<Subscription> rules = List.of(
                rule("big-tech", List.of("MSFT", "AAPL", "NVDA", "GOOGL", "AMZN", "META"), List.of(), null, null, null,
                        List.of(), now),
                rule("chip-makers", List.of("NVDA", "AMD", "INTC", "AVGO", "QCOM", "TSM", "ASML", "MU"), List.of(),
                        null, null, null, List.of(), now),
                rule("funding-100m", List.of(), List.of(AnnouncementType.FUNDING_ROUND), new BigDecimal("1e8"), null,
                        null, List.of(), now),
                rule("acquisitions-1b", List.of(), List.of(AnnouncementType.ACQUISITION), new BigDecimal("1e9"), null,
                        null, List.of(), now),
                rule("open-models", List.of(), List.of(AnnouncementType.MODEL_RELEASE), null, null, true, List.of(),
                        now),
                rule("large-models", List.of(), List.of(AnnouncementType.MODEL_RELEASE), null, 100_000_000_000L, null,
                        List.of(), now),
                rule("executive-changes", List.of(), List.of(AnnouncementType.EXECUTIVE_CHANGE), null, null, null,
                        List.of(), now),
                rule("earnings-10b", List.of(), List.of(AnnouncementType.EARNINGS), new BigDecimal("1e10"), null, null,
                        List.of(), now),
                rule("partnerships", List.of(), List.of(AnnouncementType.PARTNERSHIP), null, null, null, List.of(),
                        now),
                rule("kestrel", List.of(), List.of(), null, null, null, List.of("kestrel"), now),
                rule("nemotron", List.of(), List.of(), null, null, null, List.of("nemotron"), now),
                rule("antitrust-deals", List.of(), List.of(AnnouncementType.ACQUISITION), null, null, null,
                        List.of("regulatory", "approval"), now));
        try (Subscriptions subscriptions = new Subscriptions(kafka)) {
            rules.forEach(subscriptions::publish);
        }
        return rules.stream().map(Subscription::id).toList();
    }

    private static Subscription rule(String id, List<String> companies, List<AnnouncementType> types,
                                     BigDecimal minUsd, Long minParameters, Boolean open, List<String> terms,
                                     Instant now) {
        return new Subscription(Subscription.SCHEMA_VERSION, "bench-" + id, id, companies, types, minUsd,
                minParameters, open, terms, now, now);
    }

    private long deadLetters(String kafka) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            var partitions = admin.describeTopics(List.of(Topics.DLQ.name())).allTopicNames().get()
                    .get(Topics.DLQ.name()).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(Topics.DLQ.name(), p.partition()),
                    OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private ObjectNode settingsNode() {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.set("sizes", Json.MAPPER.valueToTree(settings.sizes()));
        s.put("probeRate", settings.rate());
        s.put("probeWarmupSeconds", settings.warmup().toSeconds());
        s.put("probeMeasuredSeconds", settings.probe().toSeconds());
        s.put("maxBacklog", settings.maxBacklog());
        s.put("enrichThreads", settings.enrichThreads());
        s.put("enrichHeap", settings.enrichHeap());
        s.put("serveHeap", settings.serveHeap());
        s.put("searchPollMillis", settings.pollPeriod().toMillis());
        s.put("enrichConfig", settings.enrichConfig().isEmpty()
                ? "defaults (exactly_once_v2, commit.interval.ms " + EnrichApp.DEFAULT_COMMIT_INTERVAL_MS + ")"
                : settings.enrichConfig().toString());
        s.put("stages", "newsintel enrich and newsintel serve as child JVMs (G1); Kafka and Elasticsearch embedded;"
                + " this JVM publishes through the ingest stage's RawDocumentPublisher and observes");
        return s;
    }

    /** Heap in use after the latest collection of each heap pool of this JVM. */
    private static long ownLiveHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                total += pool.getCollectionUsage().getUsed();
            }
        }
        return total;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static long mb(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0);
    }
}
