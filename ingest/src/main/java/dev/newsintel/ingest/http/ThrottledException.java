package dev.newsintel.ingest.http;

import java.time.Instant;

/**
 * A host asked us to stay away (HTTP 429, or EDGAR's 403 "request rate threshold exceeded") and the pause is not
 * over: the request was not sent. The source's pass ends and is tried again on its next interval.
 */
public final class ThrottledException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final transient Instant until;

    public ThrottledException(String url, Instant until, String reason) {
        super(url, 0, "paused until " + until + " (" + reason + ")", true, null);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
