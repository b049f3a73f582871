package dev.newsintel.events;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One thing the ingest workers poll, as kept (keyed by {@link #id()}) in the compacted {@link Topics#SOURCES} topic.
 * Workers of one consumer group split that topic's partitions, so each source is polled by exactly one worker;
 * a null value (tombstone) removes the source.
 *
 * @param id              stable id; keys the source's checkpoint in {@link Topics#INGEST_CHECKPOINTS} and its
 *                        metrics, e.g. {@code edgar-current:8-K}, {@code edgar-company:0001045810},
 *                        {@code feed:https://techcrunch.com/feed/}
 * @param type            what kind of source it is
 * @param url             the feed URL for {@link Type#FEED}; null for EDGAR sources (their URLs come from the
 *                        worker's EDGAR settings, so a mirror can be used without rewriting the topic)
 * @param intervalSeconds how often a worker polls it
 * @param settings        per-type settings: {@code form} for {@link Type#EDGAR_CURRENT}; {@code cik}, {@code ticker},
 *                        {@code company}, {@code forms} for {@link Type#EDGAR_COMPANY}; {@code title} for
 *                        {@link Type#FEED}
 */
public record SourceDefinition(int schemaVersion, String id, Type type, String url, long intervalSeconds,
                               Map<String, String> settings) {

    public static final int SCHEMA_VERSION = 1;

    /** The kinds of source a worker knows how to run. */
    public enum Type {
        /** EDGAR's latest-filings Atom feed for one form type ({@code browse-edgar?action=getcurrent}). */
        EDGAR_CURRENT,
        /** One company's filings through {@code data.sec.gov/submissions/CIK##########.json}. */
        EDGAR_COMPANY,
        /** An RSS 2.0 / RSS 1.0 / Atom / JSON Feed and the article pages it links to. */
        FEED
    }

    public SourceDefinition {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "SourceDefinition.id");
        Objects.requireNonNull(type, "SourceDefinition.type");
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("SourceDefinition.intervalSeconds must be positive: " + id);
        }
        if (type == Type.FEED) {
            Validation.requireText(url, "SourceDefinition.url of feed " + id);
        }
        settings = Validation.mapOrEmpty(settings);
    }

    /** A news feed; its id is {@code feed:<url>}. */
    public static SourceDefinition feed(String url, String title, long intervalSeconds) {
        Validation.requireText(url, "feed url");
        return new SourceDefinition(SCHEMA_VERSION, "feed:" + url, Type.FEED, url, intervalSeconds,
                title == null || title.isBlank() ? Map.of() : Map.of("title", title));
    }

    /** EDGAR's latest filings of one form type (a trailing {@code *} matches a prefix: {@code 424B*}). */
    public static SourceDefinition edgarCurrent(String form, long intervalSeconds) {
        Validation.requireText(form, "form");
        return new SourceDefinition(SCHEMA_VERSION, "edgar-current:" + form.toUpperCase(Locale.ROOT),
                Type.EDGAR_CURRENT, null, intervalSeconds, Map.of("form", form.toUpperCase(Locale.ROOT)));
    }

    /**
     * One company's filings.
     *
     * @param cik   ten digits, zero-padded
     * @param forms comma-separated form types to keep (same syntax as {@link #edgarCurrent})
     */
    public static SourceDefinition edgarCompany(String cik, String ticker, String company, String forms,
                                                long intervalSeconds) {
        Validation.requireText(cik, "cik");
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("cik", cik);
        if (ticker != null && !ticker.isBlank()) {
            settings.put("ticker", ticker);
        }
        if (company != null && !company.isBlank()) {
            settings.put("company", company);
        }
        if (forms != null && !forms.isBlank()) {
            settings.put("forms", forms);
        }
        return new SourceDefinition(SCHEMA_VERSION, "edgar-company:" + cik, Type.EDGAR_COMPANY, null,
                intervalSeconds, settings);
    }

    public String setting(String key) {
        return settings.get(key);
    }
}
