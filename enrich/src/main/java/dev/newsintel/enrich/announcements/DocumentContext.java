package dev.newsintel.enrich.announcements;

import java.time.Instant;

import dev.newsintel.events.Filing;

/**
 * What the analysis needs to know about a document besides its text: identity, provenance and, for filings, the
 * SEC structure.
 *
 * @param source the source id or site, copied into each announcement
 * @param filing SEC structure, null for news
 */
public record DocumentContext(String documentId, String title, String url, String source, Instant publishedAt,
                              Filing filing) {
    public DocumentContext {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("DocumentContext.documentId must not be blank");
        }
    }

    public static DocumentContext of(String documentId) {
        return new DocumentContext(documentId, null, null, null, null, null);
    }
}
