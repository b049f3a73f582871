package dev.newsintel.search;

import java.time.Duration;

/**
 * How long to wait before the next attempt after {@code attempt} consecutive failures. Injected, so tests run
 * outages with short waits and production backs off to a cap instead of hammering a struggling cluster.
 */
@FunctionalInterface
public interface RetryBackoff {
    Duration delay(int attempt);

    /** {@code initial}, doubled per attempt, never more than {@code max}. */
    static RetryBackoff exponential(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
        return attempt -> {
            int doublings = Math.max(0, Math.min(attempt - 1, 30));
            Duration delay = initial.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        };
    }
}
