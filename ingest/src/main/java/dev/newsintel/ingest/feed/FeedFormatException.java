package dev.newsintel.ingest.feed;

/**
 * The bytes are not a feed we can read safely: malformed or truncated XML/JSON, hostile (entity declarations,
 * external entities), bytes that do not match their declared encoding, too large, or of an unknown format. The
 * message says which, in one line.
 */
public class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
