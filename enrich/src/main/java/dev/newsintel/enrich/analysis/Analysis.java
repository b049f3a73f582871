package dev.newsintel.enrich.analysis;

import java.util.List;

import dev.newsintel.events.Announcement;
import dev.newsintel.events.Entity;
import dev.newsintel.events.Quantity;

/** What {@link TextAnalyzer} found in a document's text; all offsets point into that text. */
public record Analysis(List<Entity> entities, List<Quantity> quantities, List<Announcement> announcements) {
    public static final Analysis EMPTY = new Analysis(List.of(), List.of(), List.of());

    public Analysis {
        entities = List.copyOf(entities);
        quantities = List.copyOf(quantities);
        announcements = List.copyOf(announcements);
    }
}
