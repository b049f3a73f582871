package dev.newsintel.ingest.edgar;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.ingest.http.RequestGate;
import dev.newsintel.ingest.http.Sleeper;
import dev.newsintel.ingest.http.ThrottledException;
import dev.newsintel.ingest.http.TokenBucket;

/**
 * The one gate every EDGAR request of the process goes through: a token bucket of at most 10 permits a second
 * with a capacity of one (so no second ever sees more than the limit), and a process-wide pause when EDGAR answers
 * 403 or 429. EDGAR blocks a client that went over its limit for 10 minutes; sending more during the block only
 * extends it, so every request fails fast with a {@link ThrottledException} until the pause is over.
 */
public final class EdgarGate implements RequestGate {
    private static final Logger LOG = LoggerFactory.getLogger(EdgarGate.class);

    private final TokenBucket bucket;
    private final Clock clock;
    private final Duration block;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    public EdgarGate(double requestsPerSecond, Duration block, Clock clock, Sleeper sleeper) {
        this.bucket = new TokenBucket(requestsPerSecond, 1, clock, sleeper);
        this.clock = clock;
        this.block = block;
    }

    @Override
    public void acquire(URI uri) throws InterruptedException, ThrottledException {
        Instant until = pausedUntil.get();
        if (clock.instant().isBefore(until)) {
            throw new ThrottledException(uri.toString(), until, "EDGAR fair-access pause");
        }
        bucket.acquire();
    }

    @Override
    public void onResponse(URI uri, int status, Duration retryAfter) {
        if (status == 403 || status == 429) {
            Duration pause = retryAfter != null && retryAfter.compareTo(block) > 0 ? retryAfter : block;
            Instant until = clock.instant().plus(pause);
            Instant previous = pausedUntil.getAndAccumulate(until, (a, b) -> a.isAfter(b) ? a : b);
            if (until.isAfter(previous)) {
                LOG.warn("EDGAR answered HTTP {} for {}: pausing every EDGAR request until {} (SEC fair-access block)",
                        status, uri, until);
            }
        }
    }

    /** The end of the current pause, or null when requests may go. */
    public Instant pausedUntil() {
        Instant until = pausedUntil.get();
        return clock.instant().isBefore(until) ? until : null;
    }

    public TokenBucket bucket() {
        return bucket;
    }
}
