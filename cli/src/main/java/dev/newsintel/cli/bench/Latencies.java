package dev.newsintel.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in milliseconds and their percentiles (nearest rank: p99 of 500 samples is the 495th). */
final class Latencies {
    private double[] values = new double[1024];
    private int size;

    synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    /** count, p50, p95, p99, max and mean, in milliseconds; only count when there are no samples. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", size);
        if (size == 0) {
            return out;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        out.put("p50", round(percentile(sorted, 50)));
        out.put("p95", round(percentile(sorted, 95)));
        out.put("p99", round(percentile(sorted, 99)));
        out.put("max", round(sorted[size - 1]));
        out.put("mean", round(Arrays.stream(sorted).average().orElse(0)));
        return out;
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
