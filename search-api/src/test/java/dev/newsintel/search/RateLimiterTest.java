package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T00:00:00Z"));

    @Test
    void burstThenSustainedRatePerClient() {
        RateLimiter limiter = new RateLimiter(10, 3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("another client has its own bucket").isTrue();
        assertThat(limiter.retryAfter("a")).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("refills up to the burst, not beyond").isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryBackoff backoff = RetryBackoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(1));
    }
}
