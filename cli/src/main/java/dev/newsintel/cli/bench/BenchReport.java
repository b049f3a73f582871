package dev.newsintel.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.events.Json;

/**
 * Writes the results of {@link EndToEndBenchmark}: the JSON as measured, and a Markdown page with the goals, a
 * table per measure and size, and how it was measured.
 */
public final class BenchReport {
    static final List<String> COMPONENTS = List.of("kafka", "elasticsearch", "enrich", "serve", "harness");
    static final double GOAL_THROUGHPUT = 100;
    static final double GOAL_ALERT_P99 = 250;
    static final double GOAL_SEARCHABLE_P99 = 1500;
    /** A live heap at the largest corpus within this factor of the smallest's (plus 32 MB of slack) is flat. */
    static final double FLAT_FACTOR = 1.25;

    private BenchReport() {
    }

    /** Writes {@code <name>.json} and {@code <name>.md} into {@code dir}; returns the Markdown file. */
    public static Path write(ObjectNode results, Path dir, String name, String command) throws IOException {
        Files.createDirectories(dir);
        results.put("command", command);
        results.set("goals", goals(results));
        Files.writeString(dir.resolve(name + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
        Path md = dir.resolve(name + ".md");
        Files.writeString(md, markdown(results, name), StandardCharsets.UTF_8);
        return md;
    }

    // ----- machine

    static ObjectNode machine() {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", procField("/proc/cpuinfo", "model name"));
        String memTotal = procField("/proc/meminfo", "MemTotal");
        if (memTotal != null) {
            m.put("memoryGigabytes", Math.round(Long.parseLong(memTotal.replaceAll("[^0-9]", "")) / 1048576.0));
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            m.put("loadAverageAtStart", load[0] + " " + load[1] + " " + load[2]);
        } catch (IOException | RuntimeException e) {
            m.put("loadAverageAtStart", "unknown");
        }
        return m;
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    static String projectVersion() {
        String version = BenchReport.class.getPackage().getImplementationVersion();
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true)
                    .start();
            String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor() == 0 && !commit.isEmpty()) {
                return (version == null ? "development build" : version) + ", commit " + commit;
            }
        } catch (IOException e) {
            // no git
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return version == null ? "development build" : version;
    }

    // ----- timeline

    /** One point every {@code everySeconds}: searchable documents, and per component cores used, RSS, live heap. */
    static ArrayNode timeline(List<ResourceSampler.Sample> samples, List<double[]> counts, int everySeconds) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        ResourceSampler.Sample previous = null;
        int countIndex = 0;
        double lastCount = 0;
        for (ResourceSampler.Sample s : samples) {
            if (previous != null && s.seconds() - previous.seconds() < everySeconds) {
                continue;
            }
            while (countIndex < counts.size() && counts.get(countIndex)[0] <= s.seconds()) {
                lastCount = counts.get(countIndex++)[1];
            }
            ObjectNode point = out.addObject();
            point.put("seconds", Math.round(s.seconds()));
            point.put("searchable", (long) lastCount);
            point.put("loadAverage", s.loadAverage());
            for (var entry : s.readings().entrySet()) {
                ObjectNode c = point.putObject(entry.getKey());
                if (previous != null && previous.readings().containsKey(entry.getKey())) {
                    double cpu = entry.getValue().cpuSeconds() - previous.readings().get(entry.getKey()).cpuSeconds();
                    c.put("cores", EndToEndBenchmark.round(cpu / (s.seconds() - previous.seconds()), 2));
                }
                c.put("rssMegabytes", EndToEndBenchmark.mb(entry.getValue().rssBytes()));
                if (entry.getValue().heapAfterGcBytes() >= 0) {
                    c.put("liveHeapMegabytes", EndToEndBenchmark.mb(entry.getValue().heapAfterGcBytes()));
                }
            }
            previous = s;
        }
        return out;
    }

    // ----- goals

    static ArrayNode goals(ObjectNode results) {
        ArrayNode goals = Json.MAPPER.createArrayNode();
        List<JsonNode> checkpoints = new ArrayList<>();
        results.path("checkpoints").forEach(checkpoints::add);
        if (checkpoints.isEmpty()) {
            return goals;
        }
        double minThroughput = Double.MAX_VALUE;
        double maxAlertP99 = 0;
        double maxSearchP99 = 0;
        StringBuilder throughput = new StringBuilder();
        StringBuilder alert = new StringBuilder();
        StringBuilder searchable = new StringBuilder();
        int rate = results.path("settings").path("probeRate").asInt();
        for (JsonNode c : checkpoints) {
            String size = size(c.path("documents").asLong());
            if (c.path("load").has("skipped")) {
                append(throughput, size + ": no load phase");
            }
            double steady = c.path("load").path("documentsPerSecondSteady").asDouble(
                    c.path("load").path("documentsPerSecondOverall").asDouble());
            if (!c.path("load").has("skipped")) {
                // The first load phase runs on JVMs that have just started (the JIT still compiling): with later
                // checkpoints to judge, it is reported as the cold start it is, not as a steady state.
                if (c == checkpoints.get(0) && checkpoints.size() > 1) {
                    append(throughput, size + ": " + fmt(steady) + "/s (cold start, not judged)");
                } else {
                    minThroughput = Math.min(minThroughput, steady);
                    append(throughput, size + ": " + fmt(steady) + "/s");
                }
            }
            double a = c.path("probe").path("alertMillis").path("p99").asDouble(Double.NaN);
            double s = c.path("probe").path("searchableMillis").path("p99").asDouble(Double.NaN);
            maxAlertP99 = Math.max(maxAlertP99, Double.isNaN(a) ? Double.MAX_VALUE : a);
            maxSearchP99 = Math.max(maxSearchP99, Double.isNaN(s) ? Double.MAX_VALUE : s);
            append(alert, size + ": " + (Double.isNaN(a) ? "no alerts" : fmt(a) + " ms"));
            append(searchable, size + ": " + (Double.isNaN(s) ? "none" : fmt(s) + " ms"));
        }
        goal(goals, "documents per second end to end (ingest, enrich, index), steady state", ">= 100",
                throughput.toString(), minThroughput != Double.MAX_VALUE && minThroughput >= GOAL_THROUGHPUT);
        goal(goals, "alert p99 at " + rate + " articles/s (publication to alert topic)", "< 250 ms",
                alert.toString(), maxAlertP99 < GOAL_ALERT_P99);
        goal(goals, "searchable p99 at " + rate + " articles/s (publication to searchable)", "< 1500 ms",
                searchable.toString(), maxSearchP99 < GOAL_SEARCHABLE_P99);
        if (checkpoints.size() > 1) {
            JsonNode first = checkpoints.get(0).path("memory");
            JsonNode last = checkpoints.get(checkpoints.size() - 1).path("memory");
            StringBuilder memory = new StringBuilder();
            boolean flat = true;
            for (String component : List.of("enrich", "serve", "elasticsearch")) {
                long a = first.path(component).path("liveHeapMegabytes").asLong(-1);
                long b = last.path(component).path("liveHeapMegabytes").asLong(-1);
                if (a < 0 || b < 0) {
                    continue;
                }
                append(memory, component + " " + a + " → " + b + " MB");
                flat &= b <= a * FLAT_FACTOR + 32;
            }
            goal(goals, "memory flat as the corpus grows (live heap after a full GC; Elasticsearch: old generation; "
                            + size(checkpoints.get(0).path("documents").asLong()) + " → "
                            + size(checkpoints.get(checkpoints.size() - 1).path("documents").asLong()) + ")",
                    "within +25% (+32 MB)", memory.toString(), flat);
        }
        return goals;
    }

    private static void goal(ArrayNode goals, String what, String target, String measured, boolean met) {
        ObjectNode g = goals.addObject();
        g.put("goal", what);
        g.put("target", target);
        g.put("measured", measured);
        g.put("met", met);
    }

    private static void append(StringBuilder sb, String part) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(part);
    }

    // ----- markdown

    static String oneLine(JsonNode c) {
        JsonNode load = c.path("load");
        JsonNode probe = c.path("probe");
        return String.format(Locale.ROOT, "%s documents: %s docs/s steady; at %s docs/s alert p99 %s ms, searchable"
                        + " p99 %s ms; enrich live heap %s MB",
                size(c.path("documents").asLong()), fmt(load.path("documentsPerSecondSteady").asDouble(
                        load.path("documentsPerSecondOverall").asDouble())),
                fmt(probe.path("achievedRate").asDouble()), fmt(probe.path("alertMillis").path("p99").asDouble()),
                fmt(probe.path("searchableMillis").path("p99").asDouble()),
                c.path("memory").path("enrich").path("liveHeapMegabytes").asText("?"));
    }

    static String markdown(JsonNode r, String name) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.path("machine");
        JsonNode s = r.path("settings");
        md.append("# End-to-end benchmark\n\n");
        md.append("Generated by `").append(r.path("command").asText("./newsintel bench")).append("` on ")
                .append(r.path("generatedAt").asText()).append(" (raw results: [").append(name).append(".json](")
                .append(name).append(".json)).\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %d GB RAM, %s; load average %s at the start, "
                        + "%s on average during the run. JDK %s; Kafka %s; Elasticsearch %s; NewsIntel %s.\n\n",
                m.path("cores").asInt(), m.path("cpuModel").asText(), m.path("memoryGigabytes").asInt(),
                m.path("os").asText(), m.path("loadAverageAtStart").asText(), fmt(meanLoad(r)),
                r.path("versions").path("jdk").asText(), r.path("versions").path("kafka").asText(),
                r.path("versions").path("elasticsearch").asText(), r.path("versions").path("newsintel").asText()));
        double others = maxOtherCores(r);
        if (others > SHARED_CORES) {
            md.append(String.format(Locale.ROOT, "**The machine was shared**: processes outside the pipeline used up"
                    + " to %s cores during a measured phase (other builds and tests), CPU the pipeline did not get;"
                    + " figures are lower bounds of what a dedicated machine does.\n\n", fmt(others)));
        } else if (others >= 0) {
            md.append(String.format(Locale.ROOT, "The machine ran nothing else: processes outside the pipeline used at"
                    + " most %s cores during the measured phases.\n\n", fmt(others)));
        }

        md.append("## Goals\n\n| goal | target | measured | met |\n|---|---|---|---|\n");
        for (JsonNode g : r.path("goals")) {
            md.append("| ").append(g.path("goal").asText()).append(" | ").append(g.path("target").asText())
                    .append(" | ").append(g.path("measured").asText()).append(" | ")
                    .append(g.path("met").asBoolean() ? "yes" : "**no**").append(" |\n");
        }

        md.append("\n## Throughput and latency by corpus size\n\n");
        md.append("| corpus | load: docs/s steady (overall) | ES index ops/s | ES shard bulks/s (mean ms) | probe rate"
                + " | alert ms p50 / p95 / p99 (n) | searchable ms p50 / p95 / p99 (n) |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode c : r.path("checkpoints")) {
            JsonNode load = c.path("load");
            JsonNode es = load.path("elasticsearch");
            JsonNode probe = c.path("probe");
            md.append("| ").append(size(c.path("documents").asLong())).append(" | ")
                    .append(fmt(load.path("documentsPerSecondSteady").asDouble())).append(" (")
                    .append(fmt(load.path("documentsPerSecondOverall").asDouble())).append(") | ")
                    .append(fmt(es.path("indexOperationsPerSecond").asDouble())).append(" | ")
                    .append(fmt(es.path("shardBulkRequestsPerSecond").asDouble())).append(" (")
                    .append(fmt(es.path("meanShardBulkMillis").asDouble())).append(") | ")
                    .append(fmt(probe.path("achievedRate").asDouble())).append("/s | ")
                    .append(percentiles(probe.path("alertMillis"))).append(" | ")
                    .append(percentiles(probe.path("searchableMillis"))).append(" |\n");
        }

        md.append("\n## CPU by component\n\nCPU milliseconds per document during each load phase (cores busy in"
                + " brackets), from `/proc/<pid>/stat` of each process tree; other processes: the machine's busy"
                + " time (`/proc/stat`) minus the pipeline's, in cores.\n\n| corpus |");
        for (String c : COMPONENTS) {
            md.append(' ').append(c).append(" |");
        }
        md.append(" total | other processes (cores) |\n|---:|");
        md.append("---:|".repeat(COMPONENTS.size() + 2)).append('\n');
        for (JsonNode c : r.path("checkpoints")) {
            md.append("| ").append(size(c.path("documents").asLong())).append(" |");
            JsonNode cpu = c.path("load").path("cpu");
            for (String comp : COMPONENTS) {
                md.append(' ').append(fmt(cpu.path(comp).path("cpuMillisPerDocument").asDouble())).append(" (")
                        .append(fmt(cpu.path(comp).path("cores").asDouble())).append(") |");
            }
            md.append(' ').append(fmt(cpu.path("total").path("cpuMillisPerDocument").asDouble())).append(" (")
                    .append(fmt(cpu.path("total").path("cores").asDouble())).append(") | ")
                    .append(cpu.has("otherProcessesCores") ? fmt(cpu.path("otherProcessesCores").asDouble()) : "-")
                    .append(" |\n");
        }

        md.append("\n## Memory as the corpus grows\n\nAt the end of each checkpoint: resident set (RSS) of each"
                + " process tree, and the live heap: the heap in use after a full collection the benchmark asks for"
                + " (`jcmd <pid> GC.run`; for Elasticsearch, which cannot be asked, its old generation), in MB.\n\n"
                + "| corpus |");
        for (String c : COMPONENTS) {
            md.append(' ').append(c).append(" RSS / live |");
        }
        md.append("\n|---:|").append("---:|".repeat(COMPONENTS.size())).append('\n');
        for (JsonNode c : r.path("checkpoints")) {
            md.append("| ").append(size(c.path("documents").asLong())).append(" |");
            for (String comp : COMPONENTS) {
                JsonNode mem = c.path("memory").path(comp);
                md.append(' ').append(mem.path("rssMegabytes").asText("-")).append(" / ")
                        .append(mem.has("liveHeapMegabytes") ? mem.path("liveHeapMegabytes").asText() : "-")
                        .append(" |");
            }
            md.append('\n');
        }

        JsonNode totals = r.path("totals");
        md.append(String.format(Locale.ROOT, "%nIn all: %,d documents published, %,d alerts received (%d twice), %d"
                        + " dead letters%s.%n",
                totals.path("documentsPublished").asLong(), totals.path("alertsReceived").asLong(),
                totals.path("alertsReceivedTwice").asLong(), totals.path("deadLetters").asLong(),
                totals.has("storiesComposed") ? String.format(Locale.ROOT, ", %,d stories composed",
                        totals.path("storiesComposed").asLong()) : ""));

        md.append("\n## Method\n\n").append(METHOD).append("\n## Settings\n\n");
        JsonNode corpus = r.path("corpus");
        md.append("- Corpus: ").append(corpus.path("source").asText());
        if (corpus.has("meanDocumentBytes")) {
            md.append(String.format(Locale.ROOT, "; %s bytes a document on average; %d%% 8-K filings, the rest news"
                            + " pages (three layouts) and wire copy; outlets per story %s; %d%% of later copies"
                            + " syndicated word for word; about %s documents a simulated day",
                    corpus.path("meanDocumentBytes").asText(), Math.round(corpus.path("filingShare").asDouble() * 100),
                    corpus.path("outletsPerStory").asText(),
                    Math.round(corpus.path("syndicatedCopyShare").asDouble() * 100),
                    corpus.path("newsPerDay").asText()));
        }
        md.append(".\n");
        for (var it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString()).append('\n');
        }
        return md.toString();
    }

    private static final String METHOD = """
            - **Stages.** A real Kafka broker (child JVM) and Elasticsearch (child process) from `embedded/`;
              `newsintel enrich` and `newsintel serve` as child JVMs on the same jars, each with its own heap and GC
              log; the benchmark JVM publishes through the ingest stage's `RawDocumentPublisher` (idempotent,
              zstd, 20 ms linger, as `newsintel ingest` does) and observes. Everything shares this machine's cores.
            - **Load phases** publish documents as fast as the pipeline indexes them, keeping at most `maxBacklog`
              published but not yet searchable. Throughput is the rate at which documents became searchable between
              10% and 90% of the phase (steady state: start-up and the final drain are excluded); "overall" is the
              whole phase, first publication to last document searchable.
            - **Latency probes** start once the load phase's backlog is gone (stories, alerts and their indexing
              trail the documents: no alert and no index operation for 3 s), then publish at a fixed rate, open
              loop (a late send does not delay the next), after a warm-up that is not measured. *Publication* is
              `System.nanoTime()` just before the send to the raw topic (the producer's 20 ms linger is inside the
              measurement). *Searchable*: a search of the
              `newsintel-documents` alias for the ids published and not yet found (at most the 1,000 oldest), every
              `searchPollMillis`: a document counts when a search finds it, which happens only after an index refresh
              (1 s), not when a GET by id would return it. Resolution: the poll period plus one search (a few ms), so
              each latency is over-stated by up to one period. *Alert*: a `read_committed` consumer of
              `newsintel.alerts` (the firehose every rule's alerts go to), receiving as soon as the enrich
              transaction commits; an alert is timed from the publication of the document that raised it (its
              `url`). Same monotonic clock on both ends, so no clock skew.
            - **CPU and memory**: `/proc/<pid>/stat` (user + system time) and `/proc/<pid>/status` (VmRSS) of each
              process and its descendants, every second. Live heap at each checkpoint: a full collection is asked of
              each stage (`jcmd <pid> GC.run`) and the heap after it read from the stage's GC log; Elasticsearch's
              old generation from its node stats; this JVM's after `System.gc()`.
            - **Elasticsearch bulk rate** from the node's stats: index operations (documents, announcements, stories
              and alerts) and shard-level bulk requests per second.
            """;

    /** Other processes' CPU above which a run is reported as shared (a tenth of a core is background noise). */
    private static final double SHARED_CORES = 0.25;

    /** The most cores processes outside the pipeline used during a load phase or a probe; -1 when unknown. */
    private static double maxOtherCores(JsonNode r) {
        double max = -1;
        for (JsonNode c : r.path("checkpoints")) {
            for (JsonNode cpu : List.of(c.path("load").path("cpu"), c.path("probe").path("cpu"))) {
                if (cpu.has("otherProcessesCores")) {
                    max = Math.max(max, cpu.path("otherProcessesCores").asDouble());
                }
            }
        }
        return max;
    }

    private static double meanLoad(JsonNode r) {
        double sum = 0;
        int n = 0;
        for (JsonNode p : r.path("timeline")) {
            if (p.path("loadAverage").asDouble(-1) >= 0) {
                sum += p.path("loadAverage").asDouble();
                n++;
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static String percentiles(JsonNode l) {
        if (l.path("count").asInt() == 0) {
            return "no samples";
        }
        return fmt(l.path("p50").asDouble()) + " / " + fmt(l.path("p95").asDouble()) + " / "
                + fmt(l.path("p99").asDouble()) + " (" + l.path("count").asInt() + ")";
    }

    static String size(long documents) {
        if (documents >= 1000 && documents % 1000 == 0) {
            return documents / 1000 + "k";
        }
        return Long.toString(documents);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
