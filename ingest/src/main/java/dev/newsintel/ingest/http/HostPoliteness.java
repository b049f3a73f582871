package dev.newsintel.ingest.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host politeness for the news sources: at most one request per {@code minInterval} to any one host (shared
 * by every source of the process, so ten feeds linking to one site do not hammer it), and a pause when a host
 * answers 429 ({@code Retry-After} when given, else {@code defaultPause}) or 503 with a {@code Retry-After}.
 */
public final class HostPoliteness implements RequestGate {
    private final Clock clock;
    private final Sleeper sleeper;
    private final double permitsPerSecond;
    private final Duration defaultPause;
    private final Duration maxPause;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public HostPoliteness(Duration minInterval, Duration defaultPause, Clock clock, Sleeper sleeper) {
        if (!minInterval.isPositive()) {
            throw new IllegalArgumentException("minInterval must be positive: " + minInterval);
        }
        this.permitsPerSecond = 1_000_000_000d / minInterval.toNanos();
        this.defaultPause = defaultPause;
        this.maxPause = Duration.ofHours(1);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Permit acquire(URI uri) throws InterruptedException, ThrottledException {
        String host = host(uri);
        Instant until = pausedUntil.get(host);
        if (until != null) {
            if (clock.instant().isBefore(until)) {
                throw new ThrottledException(uri.toString(), until, host + " asked us to slow down");
            }
            pausedUntil.remove(host, until);
        }
        buckets.computeIfAbsent(host, h -> new TokenBucket(permitsPerSecond, 1, clock, sleeper)).acquire();
        return Permit.NONE;
    }

    @Override
    public void onResponse(URI uri, int status, Duration retryAfter) {
        // A 429 always pauses the host; a 503 only when it says for how long (otherwise it is retried with back-off).
        if (status == 429 || status == 503 && retryAfter != null) {
            Duration pause = retryAfter != null ? retryAfter : defaultPause;
            if (pause.compareTo(maxPause) > 0) {
                pause = maxPause;
            }
            pausedUntil.merge(host(uri), clock.instant().plus(pause), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
