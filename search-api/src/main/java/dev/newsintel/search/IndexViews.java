package dev.newsintel.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.events.Alert;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Json;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;

/**
 * What is indexed for each event: the event as it is, plus {@code @timestamp} (for Kibana) and the fields analysts
 * facet on (companies, canonical ids, tickers, CIKs, announcement types) lifted to the top, so a terms aggregation
 * or a filter needs no nested query.
 */
final class IndexViews {
    private IndexViews() {
    }

    static ObjectNode document(EnrichedDocument document) {
        ObjectNode view = Json.MAPPER.valueToTree(document);
        timestamp(view, document.publishedAt() != null ? document.publishedAt() : document.fetchedAt());
        Parties parties = new Parties();
        for (Entity entity : document.entities()) {
            if (entity.type() == EntityType.ORG && entity.canonical() != null) {
                parties.add(entity.canonical());
            }
        }
        if (document.filing() != null && document.filing().company() != null) {
            parties.add(EntityRef.company(document.filing().company(), document.filing().cik(),
                    document.filing().ticker()));
        }
        Set<String> types = new LinkedHashSet<>();
        Set<BigDecimal> amounts = new LinkedHashSet<>();
        for (Announcement announcement : document.announcements()) {
            parties.addAll(announcement);
            types.add(announcement.type().name());
            if (announcement.amount() != null && announcement.amount().usd() != null) {
                amounts.add(announcement.amount().usd());
            }
        }
        parties.writeTo(view, "companies");
        view.put("source", source(document));
        strings(view, "announcementTypes", types);
        ArrayNode usd = view.putArray("amountsUsd");
        amounts.forEach(usd::add);
        return view;
    }

    /** Where a document comes from, for faceting: its site, else its URL's host, else the source that fetched it. */
    static String source(EnrichedDocument document) {
        if (document.site() != null && !document.site().isBlank()) {
            return document.site();
        }
        if (document.url() != null) {
            try {
                String host = java.net.URI.create(document.url().strip()).getHost();
                if (host != null && !host.isBlank()) {
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (IllegalArgumentException e) {
                // not a URL: fall through
            }
        }
        return document.sourceId();
    }

    static ObjectNode announcement(Announcement announcement) {
        ObjectNode view = Json.MAPPER.valueToTree(announcement);
        timestamp(view, announcement.publishedAt());
        Parties parties = new Parties();
        parties.addAll(announcement);
        parties.writeTo(view, "companies");
        return view;
    }

    static ObjectNode story(Story story) {
        ObjectNode view = Json.MAPPER.valueToTree(story);
        timestamp(view, story.lastSeen() != null ? story.lastSeen() : story.firstSeen());
        Parties parties = new Parties();
        story.companies().forEach(parties::add);
        parties.writeTo(view, "companyNames");
        Set<String> sites = new LinkedHashSet<>();
        for (Story.StorySource source : story.sources()) {
            if (source.site() != null) {
                sites.add(source.site());
            }
        }
        strings(view, "sites", sites);
        view.put("sourceCount", story.sources().size());
        story.amounts().stream().map(Money::usd).filter(v -> v != null).max(BigDecimal::compareTo)
                .ifPresent(max -> view.put("maxAmountUsd", max));
        return view;
    }

    static ObjectNode alert(Alert alert) {
        ObjectNode view = Json.MAPPER.valueToTree(alert);
        timestamp(view, alert.createdAt() != null ? alert.createdAt() : alert.publishedAt());
        Parties parties = new Parties();
        if (alert.announcement() != null) {
            parties.addAll(alert.announcement());
            view.put("type", alert.announcement().type().name());
        }
        parties.writeTo(view, "companies");
        return view;
    }

    private static void timestamp(ObjectNode view, Instant timestamp) {
        if (timestamp != null) {
            view.put("@timestamp", timestamp.toString());
        }
    }

    private static void strings(ObjectNode view, String field, Collection<String> values) {
        ArrayNode array = view.putArray(field);
        values.forEach(array::add);
    }

    /** The linked companies of an event, by name, canonical id, ticker and CIK. */
    private static final class Parties {
        private final Set<String> names = new LinkedHashSet<>();
        private final Set<String> ids = new LinkedHashSet<>();
        private final Set<String> tickers = new LinkedHashSet<>();
        private final Set<String> ciks = new LinkedHashSet<>();

        void add(EntityRef ref) {
            if (ref == null) {
                return;
            }
            names.add(ref.name());
            ids.add(ref.id());
            if (ref.ticker() != null) {
                tickers.add(ref.ticker());
            }
            if (ref.cik() != null) {
                ciks.add(ref.cik());
            }
        }

        void addAll(Announcement announcement) {
            add(announcement.company());
            add(announcement.target());
            add(announcement.counterparty());
        }

        void writeTo(ObjectNode view, String namesField) {
            strings(view, namesField, names);
            strings(view, "companyIds", ids);
            strings(view, "tickers", tickers);
            strings(view, "ciks", ciks);
        }
    }
}
