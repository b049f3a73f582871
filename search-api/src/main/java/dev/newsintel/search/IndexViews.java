package dev.newsintel.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Json;

/**
 * What is indexed for each event: the event as it is, plus the fields analysts facet on ({@code @timestamp},
 * companies, tickers, CIKs, announcement types) lifted to the top so a terms aggregation needs no nested query.
 */
final class IndexViews {
    private IndexViews() {
    }

    static ObjectNode document(EnrichedDocument document) {
        ObjectNode view = Json.MAPPER.valueToTree(document);
        Instant timestamp = document.publishedAt() != null ? document.publishedAt() : document.fetchedAt();
        if (timestamp != null) {
            view.put("@timestamp", timestamp.toString());
        }
        Set<String> companies = new LinkedHashSet<>();
        Set<String> tickers = new LinkedHashSet<>();
        Set<String> ciks = new LinkedHashSet<>();
        for (Entity entity : document.entities()) {
            if (entity.type() == EntityType.ORG && entity.canonical() != null) {
                companies.add(entity.canonical().name());
                if (entity.canonical().ticker() != null) {
                    tickers.add(entity.canonical().ticker());
                }
                if (entity.canonical().cik() != null) {
                    ciks.add(entity.canonical().cik());
                }
            }
        }
        if (document.filing() != null) {
            if (document.filing().company() != null) {
                companies.add(document.filing().company());
            }
            if (document.filing().ticker() != null) {
                tickers.add(document.filing().ticker());
            }
            if (document.filing().cik() != null) {
                ciks.add(document.filing().cik());
            }
        }
        companies.forEach(view.putArray("companies")::add);
        tickers.forEach(view.putArray("tickers")::add);
        ciks.forEach(view.putArray("ciks")::add);
        document.announcements().stream().map(a -> a.type().name()).distinct()
                .forEach(view.putArray("announcementTypes")::add);
        return view;
    }
}
