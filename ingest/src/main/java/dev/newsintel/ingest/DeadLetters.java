package dev.newsintel.ingest;

import java.time.Instant;
import java.util.Arrays;

import dev.newsintel.events.DeadLetter;

/**
 * Dead letters written by ingest. {@code sourceTopic} holds the URL the item came from (there is no source topic
 * yet), partition and offset are -1, the key is the item's id, and the value the fetched bytes when there were any,
 * cut to the size policy.
 */
public final class DeadLetters {
    /** The feed could not be parsed (malformed, hostile, wrong encoding, too large). */
    public static final String FEED_PARSE = "ingest.feed.parse";
    /** An EDGAR page or document could not be used (missing, not what it should be). */
    public static final String EDGAR = "ingest.edgar";
    /** An article page could not be fetched and the feed had no content to stand in for it. */
    public static final String ARTICLE = "ingest.article";

    private DeadLetters() {
    }

    public static DeadLetter of(String stage, String url, String key, String reason, String errorClass, byte[] value,
                                Instant at) {
        byte[] bounded = value == null ? new byte[0]
                : value.length > SizePolicy.MAX_BODY_BYTES ? Arrays.copyOf(value, SizePolicy.MAX_BODY_BYTES) : value;
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, stage, url, -1, -1, key, reason, errorClass, bounded, at);
    }

    public static DeadLetter of(String stage, String url, String key, Throwable error, byte[] value, Instant at) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return of(stage, url, key, message, error.getClass().getName(), value, at);
    }
}
