package dev.newsintel.ingest.testing;

import java.util.ArrayList;
import java.util.List;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.Batch;
import dev.newsintel.ingest.CheckpointedSource;

/** Collects committed batches in memory, as a worker would commit them, and keeps the latest checkpoint. */
public final class RecordingSink implements CheckpointedSource.BatchSink {
    public final List<Batch> batches = new ArrayList<>();
    public IngestCheckpoint checkpoint;

    public RecordingSink(IngestCheckpoint start) {
        this.checkpoint = start;
    }

    @Override
    public void commit(Batch batch) {
        batches.add(batch);
        checkpoint = batch.checkpoint();
    }

    public List<RawDocument> documents() {
        return batches.stream().flatMap(b -> b.documents().stream()).toList();
    }

    public List<DeadLetter> deadLetters() {
        return batches.stream().flatMap(b -> b.deadLetters().stream()).toList();
    }

    public void clear() {
        batches.clear();
    }

    public List<RawDocument> documentsSnapshot() {
        return new ArrayList<>(documents());
    }
}
