package dev.newsintel.enrich;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.newsintel.enrich.analysis.Analysis;
import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.enrich.extract.Extraction;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.RawDocument;

/**
 * Turns a raw document into an enriched one: clean text and metadata ({@link DocumentExtractor}, part 1), then
 * entities, quantities and announcements of that text ({@link TextAnalyzer}, part 2). Pure and thread-safe: the
 * topology, the {@code extract} command and the benchmarks all call this one method.
 */
public final class DocumentEnricher {
    private final Clock clock;
    private final DocumentExtractor extractor;
    private final TextAnalyzer analyzer;

    public DocumentEnricher(Clock clock) {
        this(clock, new DocumentExtractor(), TextAnalyzer.shared());
    }

    public DocumentEnricher(Clock clock, DocumentExtractor extractor) {
        this(clock, extractor, TextAnalyzer.shared());
    }

    public DocumentEnricher(Clock clock, TextAnalyzer analyzer) {
        this(clock, new DocumentExtractor(), analyzer);
    }

    public DocumentEnricher(Clock clock, DocumentExtractor extractor, TextAnalyzer analyzer) {
        this.clock = clock;
        this.extractor = extractor;
        this.analyzer = analyzer;
    }

    /**
     * @throws EnrichmentException when the document cannot be enriched (the topology dead-letters it)
     */
    public EnrichedDocument enrich(RawDocument raw) {
        Extraction extraction = extractor.extract(raw);
        Analysis analysis = analyzer.analyze(extraction.text(), extraction.title(), raw.id(),
                extraction.publishedAt(), extraction.filing(), analysisContext(raw, extraction));
        return new EnrichedDocument(EnrichedDocument.SCHEMA_VERSION, raw.id(), raw.kind(), raw.sourceId(), raw.url(),
                extraction.title(), extraction.text(), extraction.publishedAt(), raw.fetchedAt(), extraction.author(),
                extraction.language(), extraction.site(), extraction.filing(), analysis.entities(),
                analysis.quantities(), analysis.announcements(), null, clock.instant(), metadata(raw, extraction));
    }

    /** What the analyzer may use besides the text: the source's metadata, the URL and the site. */
    private static Map<String, String> analysisContext(RawDocument raw, Extraction extraction) {
        Map<String, String> context = new HashMap<>(raw.metadata());
        if (raw.url() != null) {
            context.put("url", raw.url());
        }
        context.putIfAbsent("source", extraction.site() != null ? extraction.site() : raw.sourceId());
        return context;
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
