package dev.newsintel.enrich.extract;

import java.time.Instant;
import java.util.Map;

import dev.newsintel.events.Filing;

/**
 * A clean document: what {@link DocumentExtractor} makes of a raw one, before any text analysis.
 *
 * @param text        the main text: paragraphs separated by a blank line, headings as paragraphs, list items and
 *                    table rows on their own lines; never null
 * @param publishedAt publication (filings: acceptance) time in UTC, null when unknown
 * @param language    ISO 639-1 code, null when unknown
 * @param filing      SEC structure with offsets into {@code text}; null for news
 * @param notes       how the text was obtained, for the document's metadata: {@code extract.format},
 *                    {@code extract.charset}, {@code extract.truncated} when input was cut
 */
public record Extraction(String title, String text, Instant publishedAt, String author, String language,
                         String site, Filing filing, Map<String, String> notes) {
    public Extraction {
        text = text == null ? "" : text;
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }
}
