package dev.newsintel.ingest.http;

/**
 * A fetch that did not give a usable response, with the URL and the HTTP status (0 when there was no response).
 *
 * <p>{@link #transientFailure()} tells whether trying again later may help (time-outs, 5xx, 429): the item stays
 * pending. A permanent failure (404, 410, a body that is not what was asked for) is dead-lettered instead.
 */
public class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String url;
    private final int status;
    private final boolean transientFailure;

    public FetchException(String url, int status, String message, boolean transientFailure, Throwable cause) {
        super(url + ": " + message, cause);
        this.url = url;
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public String url() {
        return url;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
