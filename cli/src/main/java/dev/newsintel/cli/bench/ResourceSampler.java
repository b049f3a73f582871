package dev.newsintel.cli.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and memory of each component of the pipeline, read from Linux's {@code /proc} (a process and all its
 * descendants: Elasticsearch runs under a small watchdog shell), plus the heap each JVM keeps after a garbage
 * collection: from the GC log of the stages the benchmark starts, from a supplier for the others. Reading
 * {@code /proc} costs microseconds, so sampling does not disturb what it measures.
 */
final class ResourceSampler {
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)\\s+([\\d.]+)ms");

    /** A component to measure: its root pid, and where its heap-after-GC figure comes from (null: none). */
    static final class Component {
        final String name;
        final long pid;
        final Path gcLog;
        final LongSupplier liveHeapBytes;
        final boolean descendants;
        private long gcOffset;
        private long lastHeapAfterGcBytes = -1;
        private long collections;
        private double pauseMillis;

        Component(String name, long pid, boolean descendants, Path gcLog, LongSupplier liveHeapBytes) {
            this.name = name;
            this.pid = pid;
            this.descendants = descendants;
            this.gcLog = gcLog;
            this.liveHeapBytes = liveHeapBytes;
        }
    }

    /**
     * One reading of one component.
     *
     * @param cpuSeconds        user + system CPU time since the process started, its descendants included
     * @param rssBytes          resident memory of the process tree
     * @param heapAfterGcBytes  heap in use after the latest collection (the live set), -1 when unknown
     * @param gcPauseMillis     total GC pause time so far (stages the benchmark starts), 0 when unknown
     */
    record Reading(String component, double cpuSeconds, long rssBytes, long heapAfterGcBytes, long collections,
                   double gcPauseMillis) {
    }

    /** Readings of every component at one moment, {@code seconds} after the sampler started. */
    record Sample(double seconds, double loadAverage, double machineBusySeconds, Map<String, Reading> readings) {
    }

    private final List<Component> components = new CopyOnWriteArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private final double ticksPerSecond = clockTicks();
    private volatile Thread thread;

    /** A process and its descendants (a server under a launcher or watchdog). */
    void addTree(String name, long pid, Path gcLog, LongSupplier liveHeapBytes) {
        components.add(new Component(name, pid, true, gcLog, liveHeapBytes));
    }

    /** A process alone: the benchmark's own JVM, whose children are measured as components of their own. */
    void addProcess(String name, long pid, Path gcLog, LongSupplier liveHeapBytes) {
        components.add(new Component(name, pid, false, gcLog, liveHeapBytes));
    }

    /** Samples every {@code periodMillis} on a daemon thread until {@link #stop()}. */
    void start(long periodMillis) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(sample());
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-resource-sampler");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Reads every component now. */
    synchronized Sample sample() {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Component c : components) {
            readings.put(c.name, read(c));
        }
        return new Sample((System.nanoTime() - started) / 1e9, loadAverage(), machineBusySeconds(), readings);
    }

    private Reading read(Component c) {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(c.pid).ifPresent(root -> {
            tree.add(root);
            if (c.descendants) {
                root.descendants().forEach(tree::add);
            }
        });
        long ticks = 0;
        long rss = 0;
        for (ProcessHandle h : tree) {
            ticks += cpuTicks(h.pid());
            rss += rssBytes(h.pid());
        }
        long heap = -1;
        if (c.gcLog != null) {
            readGcLog(c);
            heap = c.lastHeapAfterGcBytes;
        } else if (c.liveHeapBytes != null) {
            try {
                heap = c.liveHeapBytes.getAsLong();
            } catch (RuntimeException e) {
                heap = -1;
            }
        }
        return new Reading(c.name, ticks / ticksPerSecond, rss, heap, c.collections, c.pauseMillis);
    }

    /** Reads what the GC log gained since the last call: heap after each collection, and pause times. */
    private static void readGcLog(Component c) {
        if (!Files.exists(c.gcLog)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(c.gcLog.toFile(), "r")) {
            if (file.length() < c.gcOffset) {
                c.gcOffset = 0; // a restarted process started a new log
            }
            file.seek(c.gcOffset);
            byte[] bytes = new byte[(int) Math.min(file.length() - c.gcOffset, 8 << 20)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return;
            }
            c.gcOffset += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, end).split("\n")) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    c.lastHeapAfterGcBytes = Long.parseLong(m.group(2)) << 20;
                    c.collections++;
                    c.pauseMillis += Double.parseDouble(m.group(4));
                }
            }
        } catch (IOException e) {
            // the log is being rotated or the process is gone: keep the last figure
        }
    }

    /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15), in clock ticks; 0 when the process is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmRSS of {@code /proc/<pid>/status}, in bytes; 0 when the process is gone. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /**
     * CPU time every core of the machine has spent busy since boot (the first line of /proc/stat: all but idle and
     * I/O wait), -1 when unknown. Minus what our components used, it is what other processes took: the load average
     * cannot tell, since the pipeline's own threads make it.
     */
    double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Whether this machine has {@code /proc} (Linux): without it CPU and memory are not measured. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }
}
