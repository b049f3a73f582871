package dev.newsintel.ingest;

import java.util.Arrays;

import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;

/**
 * How large a raw document may be. Bodies up to {@link #MAX_BODY_BYTES} go through whole; larger ones are cut to
 * that size and flagged {@code truncated} with their original length, never dropped. The limit leaves room under
 * the raw topics' {@link Topics#MAX_MESSAGE_BYTES} for the JSON envelope (base64 grows a body by a third).
 */
public final class SizePolicy {
    public static final int MAX_BODY_BYTES = Topics.MAX_MESSAGE_BYTES / 2;

    private SizePolicy() {
    }

    public static RawDocument bounded(RawDocument document) {
        byte[] body = document.body();
        if (body.length <= MAX_BODY_BYTES) {
            return document;
        }
        return new RawDocument(document.schemaVersion(), document.id(), document.kind(), document.sourceId(),
                document.url(), document.contentType(), document.charset(), document.fetchedAt(),
                document.publishedAt(), document.metadata(), Arrays.copyOf(body, MAX_BODY_BYTES), true, body.length);
    }
}
