package dev.newsintel.ingest;

import dev.newsintel.events.RawDocument;

/** Where a source hands the documents it fetched. */
@FunctionalInterface
public interface DocumentSink {
    void accept(RawDocument document);
}
