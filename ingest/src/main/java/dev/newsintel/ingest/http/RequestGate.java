package dev.newsintel.ingest.http;

import java.net.URI;
import java.time.Duration;

/** What stands between a client and a host: rate limits and pauses the host asked for. */
public interface RequestGate {
    /** A gate that lets everything through (tests, or a local mirror). */
    RequestGate OPEN = new RequestGate() {
        @Override
        public void acquire(URI uri) {
        }

        @Override
        public void onResponse(URI uri, int status, Duration retryAfter) {
        }
    };

    /**
     * Waits until a request to {@code uri} may be sent.
     *
     * @throws ThrottledException when the host asked us to pause and the pause is not over
     */
    void acquire(URI uri) throws InterruptedException, ThrottledException;

    /** Learns from a response: a 429 (or EDGAR's 403) pauses the host. {@code retryAfter} may be null. */
    void onResponse(URI uri, int status, Duration retryAfter);
}
