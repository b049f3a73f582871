package dev.newsintel.enrich.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.newsintel.enrich.announcements.AnnouncementExtractor;
import dev.newsintel.enrich.announcements.DocumentContext;
import dev.newsintel.enrich.entities.CompanyDirectory;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.entities.NameFinder;
import dev.newsintel.enrich.nlp.AnalyzedText;
import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.enrich.quantities.QuantityExtractor;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;

/**
 * The one entry point of text analysis: sentences and tokens, then entities (linked to companies), quantities and
 * announcements. {@code DocumentEnricher} calls it on every document's clean text; the eval commands and the
 * benchmarks call it too.
 *
 * <p>Thread-safe: models and lists are loaded once ({@link #shared()}) and every part is stateless or uses OpenNLP's
 * thread-local wrappers.
 */
public final class TextAnalyzer {
    /**
     * Text beyond this many characters is not analysed (it is still indexed): the longest filings run to a few
     * megabytes, and entities and announcements are in their first part. Keeps the cost per document bounded.
     */
    public static final int MAX_ANALYZED_CHARS = 1_000_000;

    private static volatile TextAnalyzer shared;

    private final TextProcessor processor;
    private final EntityRecognizer entities;
    private final QuantityExtractor quantities;
    private final AnnouncementExtractor announcements;

    public TextAnalyzer(TextProcessor processor, EntityRecognizer entities, QuantityExtractor quantities,
                        AnnouncementExtractor announcements) {
        this.processor = processor;
        this.entities = entities;
        this.quantities = quantities;
        this.announcements = announcements;
    }

    /** The analyzer with the bundled models and lists, built once per JVM. */
    public static TextAnalyzer shared() {
        TextAnalyzer a = shared;
        if (a == null) {
            synchronized (TextAnalyzer.class) {
                a = shared;
                if (a == null) {
                    CompanyDirectory companies = CompanyDirectory.bundled();
                    a = new TextAnalyzer(TextProcessor.shared(),
                            new EntityRecognizer(companies, NameFinder.bundled()), new QuantityExtractor(),
                            new AnnouncementExtractor(companies));
                    shared = a;
                }
            }
        }
        return a;
    }

    /**
     * Analyses a document's clean text.
     *
     * @param metadata source metadata; {@code url} and {@code source} (or {@code site}) are copied into announcements
     */
    public Analysis analyze(String text, String title, String documentId, Instant publishedAt, Filing filing,
                            Map<String, String> metadata) {
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        String source = meta.getOrDefault("source", meta.get("site"));
        return analyze(text, new DocumentContext(documentId, title, meta.get("url"), source, publishedAt, filing));
    }

    public Analysis analyze(String text, DocumentContext context) {
        if (text == null || text.isBlank()) {
            return Analysis.EMPTY;
        }
        String analysed = text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
        AnalyzedText at = processor.analyze(analysed);
        List<Quantity> amounts = quantities.extract(analysed, context.filing());
        List<Entity> found = withoutAmounts(entities.recognize(at), amounts);
        List<Announcement> facts = announcements.extract(at, found, amounts, context);
        return new Analysis(found, amounts, facts);
    }

    /**
     * Drops names that overlap an amount or a percentage, and model and product names that overlap a duration: "RMB
     * 178.8" is money, not a model with a version. Parameter and token counts may be part of a model's name ("Llama
     * 3.1 405B").
     */
    static List<Entity> withoutAmounts(List<Entity> found, List<Quantity> amounts) {
        if (amounts.isEmpty()) {
            return found;
        }
        List<Entity> kept = new java.util.ArrayList<>(found.size());
        int q = 0;
        for (Entity e : found) {
            boolean named = e.type() == EntityType.AI_MODEL || e.type() == EntityType.PRODUCT;
            while (q < amounts.size() && amounts.get(q).end() <= e.start()) {
                q++;
            }
            boolean overlaps = false;
            for (int k = q; k < amounts.size() && amounts.get(k).start() < e.end(); k++) {
                QuantityKind kind = amounts.get(k).kind();
                if (kind == QuantityKind.MONEY || kind == QuantityKind.PERCENT
                        || named && kind == QuantityKind.DURATION) {
                    overlaps = true; // no name lies inside an amount ("$111.9 billion", "RMB 178.8 billion")
                    break;
                }
            }
            if (!overlaps) {
                kept.add(e);
            }
        }
        return kept;
    }
}
