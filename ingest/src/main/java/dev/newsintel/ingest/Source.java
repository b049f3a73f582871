package dev.newsintel.ingest;

/** Something documents are pulled from: an EDGAR feed, a news feed, a replay folder. */
public interface Source {
    /** Stable id; keys the source's checkpoints. */
    String id();

    /**
     * Fetches what is new since the last pass and hands each document to {@code sink}. Failures of single
     * documents are handled inside (logged, counted, dead-lettered); an exception means the whole pass failed.
     */
    void poll(DocumentSink sink) throws Exception;
}
