package dev.newsintel.enrich;

import java.time.Instant;
import java.util.Arrays;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.Topics;

/**
 * Builds dead letters that always fit the dead-letter topic. The original bytes are kept whole when they fit; a
 * larger record keeps its first bytes only, and the reason says where the whole record is (raw topics are kept
 * forever, so nothing is lost).
 */
final class DeadLetters {
    /** Room for the rest of the dead letter and the base64 expansion of the value (4/3). */
    static final int MAX_VALUE_BYTES = (Topics.MAX_MESSAGE_BYTES - 1024 * 1024) / 4 * 3;

    private DeadLetters() {
    }

    static DeadLetter of(String stage, String topic, int partition, long offset, String key, Throwable error,
                         byte[] value, Instant failedAt) {
        DeadLetter letter = DeadLetter.of(stage, topic, partition, offset, key, error, null, failedAt);
        return bounded(letter, value);
    }

    static DeadLetter of(String stage, String topic, int partition, long offset, String key, String error,
                         String errorClass, byte[] value, Instant failedAt) {
        return bounded(new DeadLetter(DeadLetter.SCHEMA_VERSION, stage, topic, partition, offset, key, error,
                errorClass, null, failedAt), value);
    }

    private static DeadLetter bounded(DeadLetter letter, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        String error = letter.error();
        if (bytes.length > MAX_VALUE_BYTES) {
            error = error + " (value cut to its first " + MAX_VALUE_BYTES + " of " + bytes.length
                    + " bytes; the whole record is at " + letter.sourceTopic() + "/" + letter.partition() + "@"
                    + letter.offset() + ")";
            bytes = Arrays.copyOf(bytes, MAX_VALUE_BYTES);
        }
        return new DeadLetter(letter.schemaVersion(), letter.stage(), letter.sourceTopic(), letter.partition(),
                letter.offset(), letter.key(), error, letter.errorClass(), bytes, letter.failedAt());
    }
}
