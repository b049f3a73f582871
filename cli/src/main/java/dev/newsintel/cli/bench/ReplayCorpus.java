package dev.newsintel.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.replay.ReplaySource;

/**
 * The documents of a replay folder, read by the ingest stage's own {@link ReplaySource} (every format it reads),
 * handed out in order; when a run needs more documents than the folder has, the folder is handed out again with
 * each id suffixed by the pass ({@code ~2}, {@code ~3}), so every document is new to the pipeline. Later passes are
 * word-for-word copies: they join their originals' stories and raise no new alerts.
 */
final class ReplayCorpus implements DocumentSupply {
    private final List<RawDocument> documents;
    private final String sourceId;
    private final List<String> failures;
    private long next;

    ReplayCorpus(Path folder, String sourceId) throws IOException {
        ReplaySource source = new ReplaySource(folder, sourceId, Clock.systemUTC());
        List<RawDocument> read = new ArrayList<>();
        source.poll(read::add);
        if (read.isEmpty()) {
            throw new IllegalArgumentException("No documents in " + folder + (source.failures().isEmpty() ? ""
                    : " (" + source.failures().size() + " files failed: " + source.failures().get(0) + ")"));
        }
        this.documents = List.copyOf(read);
        this.sourceId = sourceId;
        this.failures = source.failures();
    }

    int size() {
        return documents.size();
    }

    List<String> failures() {
        return failures;
    }

    @Override
    public RawDocument next(Instant fetchedAt) {
        long n = next++;
        RawDocument d = documents.get((int) (n % documents.size()));
        long pass = n / documents.size() + 1;
        String id = pass == 1 ? d.id() : d.id() + "~" + pass;
        Instant published = d.publishedAt() != null && d.publishedAt().isAfter(fetchedAt) ? fetchedAt : d.publishedAt();
        return new RawDocument(RawDocument.SCHEMA_VERSION, id, d.kind(), sourceId, d.url(), d.contentType(),
                d.charset(), fetchedAt, published, d.metadata(), d.body(), d.truncated(), d.originalLength());
    }
}
