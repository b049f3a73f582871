package dev.newsintel.cli.bench;

import java.time.Instant;

import dev.newsintel.events.RawDocument;

/** Where a benchmark's documents come from: composed ({@link CorpusComposer}) or replayed ({@link ReplayCorpus}). */
public interface DocumentSupply {
    /** The next document, fetched (published to the raw topic) at {@code fetchedAt}; never the same id twice. */
    RawDocument next(Instant fetchedAt);
}
