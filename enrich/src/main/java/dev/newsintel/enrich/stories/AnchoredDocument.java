package dev.newsintel.enrich.stories;

import java.util.List;
import java.util.Objects;

import dev.newsintel.events.EnrichedDocument;

/**
 * An enriched document on its way to the partition of its anchor, which decides its story. Internal to the enrich
 * topology (its repartition topic), not a pipeline event.
 *
 * @param eventTime      the document's record timestamp (its publication time when known), epoch milliseconds
 * @param knownStory     the story the document was already assigned to, when it is being re-processed
 * @param suggestedStory the story its other signatures point to, taken when the anchor has no story yet
 * @param indexKeys      the signatures to record in the story index once the story is decided
 */
public record AnchoredDocument(EnrichedDocument document, String anchor, long eventTime, String knownStory,
                               String suggestedStory, List<String> indexKeys) {
    public AnchoredDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(anchor, "anchor");
        indexKeys = indexKeys == null ? List.of() : List.copyOf(indexKeys);
    }
}
