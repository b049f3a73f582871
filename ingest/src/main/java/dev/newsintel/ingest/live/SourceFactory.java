package dev.newsintel.ingest.live;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

import dev.newsintel.events.SourceDefinition;
import dev.newsintel.ingest.CheckpointedSource;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.edgar.EdgarClient;
import dev.newsintel.ingest.edgar.EdgarCompanySource;
import dev.newsintel.ingest.edgar.EdgarCurrentSource;
import dev.newsintel.ingest.edgar.EdgarSettings;
import dev.newsintel.ingest.edgar.FilingFetcher;
import dev.newsintel.ingest.edgar.FormFilter;
import dev.newsintel.ingest.http.Backoff;
import dev.newsintel.ingest.http.HostPoliteness;
import dev.newsintel.ingest.http.HttpFetcher;
import dev.newsintel.ingest.http.Sleeper;
import dev.newsintel.ingest.news.NewsFeedSource;

/**
 * Turns source definitions into running sources, sharing what must be shared by the whole process: one EDGAR
 * client (one token bucket for every EDGAR request) and one web fetcher (one politeness gate per host).
 */
public final class SourceFactory {
    /** How this process fetches news: its User-Agent, the pause between two requests to one host, time-outs. */
    public record NewsSettings(String userAgent, Duration perHostInterval, Duration timeout) {
        public static NewsSettings defaults() {
            return new NewsSettings("NewsIntel/0.1 (news feed reader; +https://github.com/newsintel)",
                    Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private final EdgarSettings edgarSettings;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final EdgarClient edgar;
    private final FilingFetcher filings;
    private final HttpFetcher web;

    /**
     * @param edgar EDGAR settings, or null when this process has no User-Agent for EDGAR: its EDGAR sources then
     *              fail with the message that says how to configure one (the news sources still run)
     */
    public SourceFactory(EdgarSettings edgar, NewsSettings news, Clock clock, Sleeper sleeper, IngestMetrics metrics) {
        this.edgarSettings = edgar;
        this.clock = clock;
        this.metrics = metrics;
        this.edgar = edgar == null ? null : EdgarClient.create(edgar, clock, sleeper, metrics);
        this.filings = this.edgar == null ? null : new FilingFetcher(this.edgar, clock, metrics);
        HostPoliteness politeness = new HostPoliteness(news.perHostInterval(), Duration.ofMinutes(1), clock, sleeper);
        this.web = new HttpFetcher(HttpFetcher.defaultClient(), news.userAgent(), politeness,
                Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(20), new Random()), sleeper, clock,
                metrics, news.timeout());
    }

    /**
     * @throws IllegalStateException for an EDGAR source when this process has no EDGAR settings
     */
    public CheckpointedSource create(SourceDefinition definition) {
        return switch (definition.type()) {
            case FEED -> new NewsFeedSource(definition.id(), URI.create(definition.url()), definition.setting("title"),
                    web, clock, metrics);
            case EDGAR_CURRENT -> new EdgarCurrentSource(definition.id(), definition.setting("form"), edgar(), filings,
                    clock, metrics);
            case EDGAR_COMPANY -> new EdgarCompanySource(definition.id(), definition.setting("cik"),
                    definition.setting("ticker"), FormFilter.parse(definition.setting("forms")), edgar(), filings,
                    clock, metrics);
        };
    }

    public boolean edgarConfigured() {
        return edgar != null;
    }

    public EdgarClient edgarClient() {
        return edgar;
    }

    public EdgarSettings edgarSettings() {
        return edgarSettings;
    }

    private EdgarClient edgar() {
        if (edgar == null) {
            throw new IllegalStateException(EdgarSettings.missingUserAgentMessage(null));
        }
        return edgar;
    }
}
