package dev.newsintel.ingest.feed;

/** The bytes are not a feed we can read safely: malformed, hostile (DTDs, entities) or of an unknown format. */
public class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
