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
 * The one gate every EDGAR request of the process goes through, so that EDGAR, counting the requests that arrive,
 * never sees more than {@code maxRequestsPerSecond} in any second:
 * <ul>
 *   <li>one request in flight at a time (until its response headers are back), and</li>
 *   <li>a token bucket of capacity one granting {@code maxRequestsPerSecond - 1} starts a second.</li>
 * </ul>
 * Pacing the starts alone is not enough: a request's arrival lags its start by a connection set-up that varies, so
 * requests started 100 ms apart can arrive bunched (measured: 15 in one second with eight threads). With at most one
 * request in flight, the requests arriving in any one-second window are the one in flight when it opens plus those
 * started inside it: at most {@code 1 + (maxRequestsPerSecond - 1)}.
 *
 * <p>EDGAR answers 403 or 429 to a client over its limit and blocks it for 10 minutes; sending more during the
 * block only extends it, so every request then fails fast with a {@link ThrottledException} until the pause is
 * over, process-wide.
 */
public final class EdgarGate implements RequestGate {
    private static final Logger LOG = LoggerFactory.getLogger(EdgarGate.class);

    private final TokenBucket bucket;
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(1, true);
    private final Clock clock;
    private final Duration block;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    /** @param requestsPerSecond the most requests EDGAR may see in any second, at least 2 */
    public EdgarGate(double requestsPerSecond, Duration block, Clock clock, Sleeper sleeper) {
        if (requestsPerSecond < 2) {
            throw new IllegalArgumentException("EDGAR requests per second must be at least 2: " + requestsPerSecond);
        }
        // one of the second's requests may be the one in flight when the second starts
        this.bucket = new TokenBucket(requestsPerSecond - 1, 1, clock, sleeper);
        this.clock = clock;
        this.block = block;
    }

    @Override
    public Permit acquire(URI uri) throws InterruptedException, ThrottledException {
        checkPause(uri);
        inFlight.acquire();
        try {
            checkPause(uri); // a pause may have started while waiting
            bucket.acquire();
        } catch (InterruptedException | ThrottledException | RuntimeException e) {
            inFlight.release();
            throw e;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.release();
            }
        };
    }

    private void checkPause(URI uri) throws ThrottledException {
        Instant until = pausedUntil.get();
        if (clock.instant().isBefore(until)) {
            throw new ThrottledException(uri.toString(), until, "EDGAR fair-access pause");
        }
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
