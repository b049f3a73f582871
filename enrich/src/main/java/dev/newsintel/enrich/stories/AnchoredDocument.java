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
 * @param signals        all the document's signatures, for the anchor's task to look for a story among decisions the
 *                       global table does not show yet (null in records written before they were carried)
 */
public record AnchoredDocument(EnrichedDocument document, String anchor, long eventTime, String knownStory,
                               String suggestedStory, List<String> indexKeys, StorySignals signals) {
    public AnchoredDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(anchor, "anchor");
        indexKeys = indexKeys == null ? List.of() : List.copyOf(indexKeys);
    }
}
