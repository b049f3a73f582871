package dev.newsintel.ingest;

import dev.newsintel.events.IngestCheckpoint;

/**
 * A live source: polled again and again, it fetches only what is new since its checkpoint and hands every unit of
 * work (a filing and its documents, an article) to the sink together with the checkpoint that covers it. The
 * worker writes each {@link Batch} atomically (one Kafka transaction), so after a crash the source resumes exactly
 * after the last batch that was written.
 */
public interface CheckpointedSource {
    /** Stable id: keys the checkpoint and the metrics. */
    String id();

    /**
     * One pass.
     *
     * @param checkpoint where the last committed batch left the source ({@link IngestCheckpoint#empty} the first time)
     * @return how the pass went when it did not fail
     * @throws Exception when the pass failed; what was committed before stays committed, the rest is retried on
     *                   the next pass
     */
    PollOutcome poll(IngestCheckpoint checkpoint, BatchSink sink) throws Exception;

    /** How a pass ended. */
    enum PollOutcome {
        /** The source was read; zero or more batches were committed. */
        POLLED,
        /** The source answered 304 Not Modified: nothing to do. */
        NOT_MODIFIED
    }

    /** Where a source hands its batches; {@link #commit} returns once the batch is durably written. */
    @FunctionalInterface
    interface BatchSink {
        void commit(Batch batch) throws Exception;
    }
}
