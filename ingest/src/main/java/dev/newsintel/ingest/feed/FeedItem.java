package dev.newsintel.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an RSS, Atom or JSON feed.
 *
 * @param link       the article URL: FeedBurner's {@code origLink} when present, else the (alternate) link
 * @param published  publication time, else the last update time, null when the feed gives neither
 * @param content    the entry's HTML or text content (RSS description / content:encoded, Atom content / summary,
 *                   JSON Feed content_html / content_text), possibly only a summary of the article
 * @param categories RSS categories, Atom category terms, JSON Feed tags
 */
public record FeedItem(String id, String title, String link, Instant published, String author, String content,
                       String contentType, List<String> categories) {
    public FeedItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public FeedItem(String id, String title, String link, Instant published, String author, String content,
                    String contentType) {
        this(id, title, link, published, author, content, contentType, List.of());
    }
}
