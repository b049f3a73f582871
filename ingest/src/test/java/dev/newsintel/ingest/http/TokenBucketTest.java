package dev.newsintel.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsintel.ingest.testing.FakeClock;

class TokenBucketTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-06T21:00:00Z"));

    @Test
    void capacityOneSpacesGrantsEvenly() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(10, 1, clock, clock.sleeper());
        List<Instant> grants = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            grants.add(bucket.acquire());
        }
        for (int i = 1; i < grants.size(); i++) {
            assertThat(Duration.between(grants.get(i - 1), grants.get(i))).isEqualTo(Duration.ofMillis(100));
        }
        assertThat(maxInAnyWindow(grants, Duration.ofSeconds(1))).isEqualTo(10);
    }

    @Test
    void idleTimeDoesNotBankMoreThanTheCapacity() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(10, 3, clock, clock.sleeper());
        bucket.acquire();
        clock.advance(Duration.ofMinutes(5));
        Instant start = clock.instant();
        List<Instant> grants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            grants.add(bucket.acquire());
        }
        // three at once (the capacity), then one every 100 ms
        assertThat(grants.subList(0, 3)).containsOnly(start);
        assertThat(grants.get(3)).isEqualTo(start.plusMillis(100));
        assertThat(grants.get(5)).isEqualTo(start.plusMillis(300));
    }

    @Test
    void tryAcquireNeverWaits() {
        TokenBucket bucket = new TokenBucket(2, 1, clock, clock.sleeper());
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock, clock.sleeper()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(5, 0, clock, clock.sleeper()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exponentialBackoffGrowsWithJitterAndIsCapped() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8), new java.util.Random(7));
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(8000, 1000L << (attempt - 1));
            Duration d = backoff.delay(attempt);
            assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    /** The largest number of instants inside any half-open window of the given length. */
    static int maxInAnyWindow(List<Instant> sorted, Duration window) {
        int max = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (!sorted.get(j).plus(window).isAfter(sorted.get(i))) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }
}
