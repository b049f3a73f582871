package dev.newsintel.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document after enrichment: clean text and everything found in it. All offsets point into {@link #text()}.
 *
 * @param site     the publishing site or filer, for faceting ({@code reuters.com}, {@code SEC EDGAR})
 * @param filing   SEC structure, null for news
 * @param storyId  the story this document was grouped into, null until grouped
 * @param metadata source metadata carried over from the raw document
 */
public record EnrichedDocument(
        int schemaVersion,
        String id,
        DocumentKind kind,
        String sourceId,
        String url,
        String title,
        String text,
        Instant publishedAt,
        Instant fetchedAt,
        String author,
        String language,
        String site,
        Filing filing,
        List<Entity> entities,
        List<Quantity> quantities,
        List<Announcement> announcements,
        String storyId,
        Instant enrichedAt,
        Map<String, String> metadata) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedDocument {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "EnrichedDocument.id");
        Objects.requireNonNull(kind, "EnrichedDocument.kind");
        text = text == null ? "" : text;
        entities = Validation.listOrEmpty(entities);
        quantities = Validation.listOrEmpty(quantities);
        announcements = Validation.listOrEmpty(announcements);
        metadata = Validation.mapOrEmpty(metadata);
    }

    public EnrichedDocument withStoryId(String newStoryId) {
        return new EnrichedDocument(schemaVersion, id, kind, sourceId, url, title, text, publishedAt, fetchedAt,
                author, language, site, filing, entities, quantities,
                announcements.stream().map(a -> a.withStoryId(newStoryId)).toList(), newStoryId, enrichedAt,
                metadata);
    }
}
