package dev.newsintel.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket (in its GCRA form: one "theoretical arrival time" instead of a token count) refilled at
 * {@code permitsPerSecond}, holding at most {@code capacity} tokens.
 *
 * <p>Each permit is granted only when the clock, read under the bucket's lock at the moment of the grant, says so:
 * with a capacity of 1, two grants are never closer than {@code 1/permitsPerSecond}, so no half-open one-second
 * window ever holds more than {@code permitsPerSecond} grants, however many threads ask and however late a
 * sleeping thread wakes up. Waiting goes through the injected {@link Sleeper}.
 */
public final class TokenBucket {
    private final Clock clock;
    private final Sleeper sleeper;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final double permitsPerSecond;
    private final int capacity;
    private long theoreticalArrival = Long.MIN_VALUE;

    public TokenBucket(double permitsPerSecond, int capacity, Clock clock, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive: " + permitsPerSecond);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = capacity;
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / permitsPerSecond));
        this.toleranceNanos = (capacity - 1) * intervalNanos;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a permit is granted and returns the instant it was granted at. */
    public Instant acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                long nowNanos = nanos(now);
                long allowedAt = theoreticalArrival == Long.MIN_VALUE ? nowNanos : theoreticalArrival - toleranceNanos;
                if (nowNanos >= allowedAt) {
                    theoreticalArrival = Math.max(theoreticalArrival, nowNanos) + intervalNanos;
                    return now;
                }
                wait = Duration.ofNanos(allowedAt - nowNanos);
            }
            sleeper.sleep(wait);
        }
    }

    /** Takes a permit if one is available now. */
    public synchronized boolean tryAcquire() {
        long nowNanos = nanos(clock.instant());
        if (theoreticalArrival == Long.MIN_VALUE || nowNanos >= theoreticalArrival - toleranceNanos) {
            theoreticalArrival = Math.max(theoreticalArrival, nowNanos) + intervalNanos;
            return true;
        }
        return false;
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    public int capacity() {
        return capacity;
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
