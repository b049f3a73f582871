package dev.newsintel.ingest;

import java.util.List;
import java.util.Objects;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.RawDocument;

/**
 * What a source commits in one go: documents for the raw topics, items that could not be ingested (for the
 * dead-letter topic, with the reason) and the checkpoint that covers both.
 */
public record Batch(List<RawDocument> documents, List<DeadLetter> deadLetters, IngestCheckpoint checkpoint) {
    public Batch {
        documents = documents == null ? List.of() : List.copyOf(documents);
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    public static Batch of(List<RawDocument> documents, IngestCheckpoint checkpoint) {
        return new Batch(documents, List.of(), checkpoint);
    }

    public static Batch checkpointOnly(IngestCheckpoint checkpoint) {
        return new Batch(List.of(), List.of(), checkpoint);
    }
}
