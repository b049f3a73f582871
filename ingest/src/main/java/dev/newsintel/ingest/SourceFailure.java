package dev.newsintel.ingest;

/** A pass of a source failed at a URL; the message names both, for the log line. */
public final class SourceFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String url;
    private final String stage;

    /** @param stage fetch, parse or publish: the metrics tag */
    public SourceFailure(String stage, String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
        this.stage = stage;
    }

    public String url() {
        return url;
    }

    public String stage() {
        return stage;
    }
}
