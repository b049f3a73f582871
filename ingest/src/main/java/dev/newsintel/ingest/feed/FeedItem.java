package dev.newsintel.ingest.feed;

import java.time.Instant;

/**
 * One entry of an RSS, Atom or JSON feed.
 *
 * @param content the entry's HTML or text content (RSS description / content:encoded, Atom content / summary,
 *                JSON Feed content_html / content_text), possibly only a summary of the article
 */
public record FeedItem(String id, String title, String link, Instant published, String author, String content,
                       String contentType) {
}
