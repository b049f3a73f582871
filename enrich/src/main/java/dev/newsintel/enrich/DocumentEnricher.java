package dev.newsintel.enrich;

import java.time.Clock;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.newsintel.enrich.analysis.Analysis;
import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.RawDocument;

/**
 * Turns a raw document into an enriched one. Pure and thread-safe: the topology, the {@code extract} command and
 * the benchmarks all call this one method.
 */
public final class DocumentEnricher {
    private final Clock clock;
    private final TextAnalyzer analyzer;

    public DocumentEnricher(Clock clock) {
        this(clock, TextAnalyzer.shared());
    }

    public DocumentEnricher(Clock clock, TextAnalyzer analyzer) {
        this.clock = clock;
        this.analyzer = analyzer;
    }

    /**
     * @throws EnrichmentException when the document cannot be enriched (the topology dead-letters it)
     */
    public EnrichedDocument enrich(RawDocument raw) {
        String body = raw.bodyAsString();
        String title;
        String text;
        String contentType = raw.contentType() == null ? "" : raw.contentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("html")) {
            Document html = Jsoup.parse(body, raw.url() == null ? "" : raw.url());
            title = html.title();
            text = html.body() == null ? "" : html.body().text();
        } else {
            String stripped = body.strip();
            int newline = stripped.indexOf('\n');
            title = newline > 0 ? stripped.substring(0, newline).strip() : stripped;
            text = stripped;
        }
        if (title == null || title.isBlank()) {
            title = raw.metadata("title");
        }
        // Entities, quantities and announcements of the clean text (TextAnalyzer, enrich part 2).
        java.util.Map<String, String> context = new java.util.HashMap<>(raw.metadata());
        if (raw.url() != null) {
            context.put("url", raw.url());
        }
        context.putIfAbsent("source", raw.sourceId());
        Analysis analysis = analyzer.analyze(text, title, raw.id(), raw.publishedAt(), null, context);
        return new EnrichedDocument(EnrichedDocument.SCHEMA_VERSION, raw.id(), raw.kind(), raw.sourceId(), raw.url(),
                title, text, raw.publishedAt(), raw.fetchedAt(), raw.metadata("author"), null, raw.metadata("site"),
                null, analysis.entities(), analysis.quantities(), analysis.announcements(), null, clock.instant(),
                raw.metadata());
    }
}
