package dev.newsintel.events;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A source document exactly as fetched: the original bytes plus where and when they came from.
 *
 * <p>Raw topics keep these long enough to re-process history when an extractor improves, so the body is the
 * original bytes, not a cleaned copy. A body over the size policy is cut and flagged {@link #truncated()}, with
 * {@link #originalLength()} telling how much there was: never silently dropped.
 *
 * @param id             stable id: the accession number (plus document name) for filings, a hash of the canonical
 *                       URL for web documents, a content hash where neither exists
 * @param sourceId       the source that produced it (e.g. {@code edgar-current}, {@code feed:example.com}, {@code replay})
 * @param url            canonical URL when known
 * @param contentType    media type as served or inferred, e.g. {@code text/html}
 * @param charset        charset declared by the transport, null when unknown (enrichment sniffs it then)
 * @param publishedAt    publication time claimed by the source, null when unknown
 * @param metadata       source metadata: for filings cik, company, form, accession, items, acceptedAt...; for news
 *                       feed, feedTitle, author...
 */
public record RawDocument(
        int schemaVersion,
        String id,
        DocumentKind kind,
        String sourceId,
        String url,
        String contentType,
        String charset,
        Instant fetchedAt,
        Instant publishedAt,
        Map<String, String> metadata,
        byte[] body,
        boolean truncated,
        long originalLength) {

    public static final int SCHEMA_VERSION = 1;

    public RawDocument {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "RawDocument.id");
        Objects.requireNonNull(kind, "RawDocument.kind");
        Validation.requireText(sourceId, "RawDocument.sourceId");
        Objects.requireNonNull(fetchedAt, "RawDocument.fetchedAt");
        metadata = Validation.mapOrEmpty(metadata);
        body = body == null ? new byte[0] : body;
        if (originalLength < body.length) {
            originalLength = body.length;
        }
    }

    /** A complete (untruncated) document. */
    public static RawDocument of(String id, DocumentKind kind, String sourceId, String url, String contentType,
                                 Instant fetchedAt, Instant publishedAt, Map<String, String> metadata, byte[] body) {
        return new RawDocument(SCHEMA_VERSION, id, kind, sourceId, url, contentType, null, fetchedAt, publishedAt,
                metadata, body, false, body == null ? 0 : body.length);
    }

    /** The body decoded with the declared charset, or UTF-8 when none is declared or it is unknown. */
    public String bodyAsString() {
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null && Charset.isSupported(charset)) {
            cs = Charset.forName(charset);
        }
        return new String(body, cs);
    }

    public String metadata(String key) {
        return metadata.get(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawDocument r
                && schemaVersion == r.schemaVersion && truncated == r.truncated && originalLength == r.originalLength
                && id.equals(r.id) && kind == r.kind && sourceId.equals(r.sourceId) && Objects.equals(url, r.url)
                && Objects.equals(contentType, r.contentType) && Objects.equals(charset, r.charset)
                && fetchedAt.equals(r.fetchedAt) && Objects.equals(publishedAt, r.publishedAt)
                && metadata.equals(r.metadata) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, sourceId, url, fetchedAt) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawDocument[id=" + id + ", kind=" + kind + ", sourceId=" + sourceId + ", url=" + url
                + ", contentType=" + contentType + ", bytes=" + body.length + (truncated ? " (truncated)" : "") + "]";
    }
}
