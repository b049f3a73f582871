package dev.newsintel.ingest.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long to wait before retry number {@code attempt} (1 for the first retry). */
@FunctionalInterface
public interface Backoff {
    Duration delay(int attempt);

    /**
     * Exponential back-off with "equal jitter": half of {@code initial * 2^(attempt-1)} (capped at {@code max}) plus
     * a random part up to the other half, so workers that failed together do not retry together.
     */
    static Backoff exponential(Duration initial, Duration max, RandomGenerator random) {
        if (!initial.isPositive() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Back-off needs 0 < initial <= max: " + initial + ", " + max);
        }
        return attempt -> {
            int shift = Math.min(Math.max(attempt, 1) - 1, 30);
            long cappedMillis = Math.min(max.toMillis(), initial.toMillis() << shift);
            long half = cappedMillis / 2;
            return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
        };
    }

    /** The same delay every time (tests, or a deliberately steady pace). */
    static Backoff fixed(Duration delay) {
        return attempt -> delay;
    }
}
