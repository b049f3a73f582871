package dev.newsintel.ingest.feed;

import java.util.List;

/** A parsed feed. */
public record Feed(String format, String title, String link, List<FeedItem> items) {
    public Feed {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
