package dev.newsintel.events;

import java.time.Instant;

/**
 * A record a stage could not process, kept whole with the reason, so nothing is lost and it can be replayed once
 * the cause is fixed.
 *
 * @param stage       which stage failed, e.g. {@code enrich.parse}, {@code enrich.extract}, {@code ingest.fetch}
 * @param sourceTopic topic (or source URL, for ingest) the record came from
 * @param value       the original bytes
 */
public record DeadLetter(int schemaVersion, String stage, String sourceTopic, int partition, long offset, String key,
                         String error, String errorClass, byte[] value, Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;

    public DeadLetter {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(stage, "DeadLetter.stage");
        value = value == null ? new byte[0] : value;
    }

    public static DeadLetter of(String stage, String sourceTopic, int partition, long offset, String key,
                                Throwable error, byte[] value, Instant failedAt) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new DeadLetter(SCHEMA_VERSION, stage, sourceTopic, partition, offset, key, message,
                error.getClass().getName(), value, failedAt);
    }
}
