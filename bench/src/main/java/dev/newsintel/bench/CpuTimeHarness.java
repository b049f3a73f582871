package dev.newsintel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.events.RawDocument;

/**
 * Pages per CPU-second of one thread (and of the whole JVM, garbage collection included): the per-core figure that a shared, busy machine cannot distort the way it
 * distorts wall-clock throughput (JMH's score counts the time the thread waited for a core). Same pages as
 * {@link ExtractionBenchmark#newsPage()}: warm-up rounds, then measured rounds over the whole corpus.
 *
 * <pre>java -cp bench/target/newsintel-bench.jar:bench/target/lib/* dev.newsintel.bench.CpuTimeHarness [rounds]</pre>
 */
public final class CpuTimeHarness {
    private CpuTimeHarness() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<RawDocument> pages = ExtractionBenchmark.newsPages();
        DocumentExtractor extractor = new DocumentExtractor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int warmup = 0; warmup < 5; warmup++) {
            for (RawDocument page : pages) {
                checksum += extractor.extract(page).text().length();
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processStart = os.getProcessCpuTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (RawDocument page : pages) {
                checksum += extractor.extract(page).text().length();
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double processSeconds = (os.getProcessCpuTime() - processStart) / 1e9;
        int extracted = rounds * pages.size();
        System.out.printf(Locale.ROOT, "%d pages (%d distinct): %.1f pages per CPU-second of the extracting thread, "
                + "%.1f per CPU-second of the whole JVM (GC and JIT threads included), %.1f per wall-second "
                + "(checksum %d)%n", extracted, pages.size(), extracted / cpuSeconds, extracted / processSeconds,
                extracted / wallSeconds, checksum);
    }
}
