package dev.newsintel.search;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. The clock is injected so
 * tests step time instead of sleeping. Buckets of clients that went quiet (full again) are dropped when the table
 * grows, so a scan from many addresses cannot grow it without bound.
 */
public final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("Rate limit needs perSecond > 0 and burst >= 1, got " + perSecond
                    + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token of {@code client}'s bucket; false when it is empty. */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** How long until {@code client} has a token again. */
    public Duration retryAfter(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            return Duration.ZERO;
        }
        synchronized (bucket) {
            double missing = Math.max(0, 1 - bucket.tokens);
            return Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000));
        }
    }

    private void evictIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, perSecond, burst);
                if (bucket.tokens >= burst) {
                    it.remove();
                }
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double perSecond, double burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) / 1000.0 * perSecond);
                updated = now;
            }
        }
    }
}
