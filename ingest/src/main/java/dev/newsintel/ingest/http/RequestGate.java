package dev.newsintel.ingest.http;

import java.net.URI;
import java.time.Duration;

/** What stands between a client and a host: rate limits and pauses the host asked for. */
public interface RequestGate {
    /** A gate that lets everything through (tests, or a local mirror). */
    RequestGate OPEN = new RequestGate() {
        @Override
        public Permit acquire(URI uri) {
            return Permit.NONE;
        }

        @Override
        public void onResponse(URI uri, int status, Duration retryAfter) {
        }
    };

    /**
     * Waits until a request to {@code uri} may be sent. The returned permit is closed once the response headers
     * arrived (or the request failed): a gate that bounds requests in flight counts it until then.
     *
     * @throws ThrottledException when the host asked us to pause and the pause is not over
     */
    Permit acquire(URI uri) throws InterruptedException, ThrottledException;

    /** A request in flight; closing it tells the gate the request has reached the server. */
    @FunctionalInterface
    interface Permit extends AutoCloseable {
        Permit NONE = () -> {
        };

        @Override
        void close();
    }

    /** Learns from a response: a 429 (or EDGAR's 403) pauses the host. {@code retryAfter} may be null. */
    void onResponse(URI uri, int status, Duration retryAfter);
}
