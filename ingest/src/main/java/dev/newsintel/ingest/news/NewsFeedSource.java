package dev.newsintel.ingest.news;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.Ids;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.Batch;
import dev.newsintel.ingest.CheckpointedSource;
import dev.newsintel.ingest.DeadLetters;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.SourceFailure;
import dev.newsintel.ingest.feed.Feed;
import dev.newsintel.ingest.feed.FeedFormatException;
import dev.newsintel.ingest.feed.FeedItem;
import dev.newsintel.ingest.feed.FeedParser;
import dev.newsintel.ingest.http.CharsetDetector;
import dev.newsintel.ingest.http.FetchException;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.FetchResult;
import dev.newsintel.ingest.http.HttpFetcher;
import dev.newsintel.ingest.http.ThrottledException;
import dev.newsintel.ingest.http.UrlCanonicalizer;

/**
 * A news feed (RSS, Atom or JSON Feed) and the article pages it links to.
 *
 * <p>A pass fetches the feed with a conditional GET (the checkpoint's ETag / Last-Modified: an unchanged feed costs
 * a 304), parses it safely ({@link FeedParser}), and for each entry not yet in the checkpoint, oldest first, fetches
 * the article page through the per-host politeness gate, following redirects, detects its charset and reads its
 * canonical URL, the source of the document id ({@code Ids.forUrl}). Each article is committed with the entry's
 * key and the document id added to the checkpoint.
 *
 * <p>When the article cannot be had (gone, not allowed, or still failing after {@value #MAX_ARTICLE_ATTEMPTS}
 * passes) the entry's own content from the feed is published instead, flagged with {@code articleError}; an entry
 * with no content at all is dead-lettered. A feed that cannot be parsed is dead-lettered once (its bytes and the
 * reason), and the pass fails with that reason; the other sources are not affected.
 */
public final class NewsFeedSource implements CheckpointedSource {
    private static final Logger LOG = LoggerFactory.getLogger(NewsFeedSource.class);
    static final int SEEN_LIMIT = 2000;
    static final int MAX_ARTICLE_ATTEMPTS = 3;
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final String id;
    private final URI feedUri;
    private final String configuredTitle;
    private final HttpFetcher web;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final FeedParser parser = new FeedParser();

    public NewsFeedSource(String id, URI feedUri, String title, HttpFetcher web, Clock clock, IngestMetrics metrics) {
        this.id = id;
        this.feedUri = feedUri;
        this.configuredTitle = title;
        this.web = web;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PollOutcome poll(IngestCheckpoint checkpoint, BatchSink sink) throws Exception {
        FetchResult response = web.fetch(FetchRequest.get(feedUri, FeedParser.MAX_FEED_BYTES + 1)
                .accepting(FEED_ACCEPT).conditional(checkpoint.etag(), checkpoint.lastModified()));
        if (response.notModified()) {
            return PollOutcome.NOT_MODIFIED;
        }
        Feed feed;
        try {
            if (response.truncated()) {
                throw new FeedFormatException("Feed larger than " + FeedParser.MAX_FEED_BYTES + " bytes: refused");
            }
            feed = parser.parse(response.body(), response.charset());
        } catch (FeedFormatException e) {
            metrics.failed(id, "parse");
            String hash = Ids.hash(response.body());
            if (!hash.equals(checkpoint.cursor("rejectedHash"))) {
                // Dead-letter the bytes once; an unchanged broken feed is only counted on later passes.
                sink.commit(new Batch(List.of(), List.of(DeadLetters.of(DeadLetters.FEED_PARSE, feedUri.toString(),
                        id, e, response.body(), clock.instant())),
                        checkpoint.withCursor("rejectedHash", hash, clock.instant())));
                metrics.deadLettered(id, 1);
            }
            throw new SourceFailure("parse", feedUri.toString(), e.getMessage(), e);
        }
        String feedTitle = configuredTitle != null ? configuredTitle : feed.title();
        IngestCheckpoint current = checkpoint.cursor("rejectedHash") == null ? checkpoint
                : checkpoint.withCursor("rejectedHash", null, clock.instant());
        for (FeedItem item : chronological(feed.items())) {
            String link = absolute(item.link(), response.uri());
            String key = link != null ? UrlCanonicalizer.canonicalOrNull(link) : null;
            if (key == null) {
                key = item.id() != null && !item.id().isBlank() ? "id:" + item.id().trim() : null;
            }
            if (key == null || current.hasSeen(key)) {
                continue;
            }
            current = ingestItem(item, key, link, feedTitle, current, sink);
        }
        if (current != checkpoint || !java.util.Objects.equals(response.etag(), checkpoint.etag())
                || !java.util.Objects.equals(response.lastModified(), checkpoint.lastModified())) {
            sink.commit(Batch.checkpointOnly(current.withValidators(response.etag(), response.lastModified(),
                    clock.instant())));
        }
        return PollOutcome.POLLED;
    }

    private IngestCheckpoint ingestItem(FeedItem item, String key, String link, String feedTitle,
                                        IngestCheckpoint current, BatchSink sink) throws Exception {
        String attemptsKey = "attempts:" + Ids.hash(key);
        RawDocument document;
        if (link == null) {
            document = fromFeedEntry(item, key, null, feedTitle, null);
        } else {
            try {
                document = fetchArticle(item, link, feedTitle);
            } catch (ThrottledException e) {
                LOG.debug("{}: {} later: {}", id, link, e.getMessage());
                return current; // not an attempt: the host asked us to wait
            } catch (FetchException e) {
                metrics.failed(id, "fetch");
                int attempts = parseInt(current.cursor(attemptsKey)) + 1;
                if (e.transientFailure() && attempts < MAX_ARTICLE_ATTEMPTS) {
                    LOG.warn("{}: article {} failed (attempt {} of {}): {}", id, link, attempts, MAX_ARTICLE_ATTEMPTS,
                            e.getMessage());
                    IngestCheckpoint next = current.withCursor(attemptsKey, Integer.toString(attempts), clock.instant());
                    sink.commit(Batch.checkpointOnly(next));
                    return next;
                }
                LOG.warn("{}: article {} failed, publishing the feed entry instead: {}", id, link, e.getMessage());
                document = fromFeedEntry(item, key, link, feedTitle, e.getMessage());
            } catch (RuntimeException e) {
                // An unusable link or page (bad URL, unparseable markup): one entry never stops the feed.
                metrics.failed(id, "fetch");
                LOG.warn("{}: article {} unusable, publishing the feed entry instead: {}", id, link, e.toString());
                document = fromFeedEntry(item, key, link, feedTitle, e.toString());
            }
        }
        IngestCheckpoint next = current.withCursor(attemptsKey, null, clock.instant());
        if (document == null) {
            next = next.withSeen(List.of(key), SEEN_LIMIT, clock.instant());
            sink.commit(new Batch(List.of(), List.of(DeadLetters.of(DeadLetters.ARTICLE,
                    link != null ? link : feedUri.toString(), key, "Article unavailable and the feed entry has no "
                            + "content", FetchException.class.getName(), null, clock.instant())), next));
            metrics.deadLettered(id, 1);
            return next;
        }
        if (current.hasSeen(document.id())) {
            // Another entry of this feed already led to the same canonical page.
            next = next.withSeen(List.of(key), SEEN_LIMIT, clock.instant());
            sink.commit(Batch.checkpointOnly(next));
            return next;
        }
        next = next.withSeen(List.of(key, document.id()), SEEN_LIMIT, clock.instant());
        sink.commit(Batch.of(List.of(document), next));
        return next;
    }

    private RawDocument fetchArticle(FeedItem item, String link, String feedTitle)
            throws FetchException, InterruptedException {
        FetchResult page = web.fetch(FetchRequest.get(URI.create(link), SizePolicy.MAX_BODY_BYTES)
                .accepting(PAGE_ACCEPT));
        metrics.fetched(id);
        CharsetDetector.Detected charset = CharsetDetector.detect(page.body(), page.charset());
        String fetched = page.uri().toString();
        String canonical = ArticlePage.isHtml(page.contentType())
                ? ArticlePage.canonicalUrl(page.body(), charset.charset(), fetched)
                : UrlCanonicalizer.canonicalize(fetched);
        Map<String, String> metadata = itemMetadata(item, feedTitle);
        metadata.put(MetadataKeys.CANONICAL_URL, canonical);
        if (!canonical.equals(fetched)) {
            metadata.put(MetadataKeys.FETCHED_URL, fetched);
        }
        put(metadata, MetadataKeys.ETAG, page.etag());
        put(metadata, MetadataKeys.LAST_MODIFIED, page.lastModified());
        metadata.put(MetadataKeys.CHARSET_SOURCE, charset.source());
        if (page.truncated()) {
            metrics.truncated(id);
        }
        return new RawDocument(RawDocument.SCHEMA_VERSION, Ids.forUrl(canonical), DocumentKind.NEWS, id, canonical,
                page.contentType() != null ? page.contentType() : "text/html", charset.charset().name(),
                page.fetchedAt(), item.published(), metadata, page.body(), page.truncated(), page.originalLength());
    }

    /** The feed entry itself as the document, when the article page cannot be had; null when it has no content. */
    private RawDocument fromFeedEntry(FeedItem item, String key, String link, String feedTitle, String error) {
        if ((item.content() == null || item.content().isBlank()) && (item.title() == null || item.title().isBlank())) {
            return null;
        }
        String body = item.content() != null ? item.content() : "";
        String title = item.title() == null ? "" : item.title();
        boolean html = item.contentType() == null || item.contentType().contains("html");
        String text = html
                ? "<html><head><title>" + escape(title) + "</title></head><body>" + body + "</body></html>"
                : title + "\n\n" + body;
        String canonical = link != null ? UrlCanonicalizer.canonicalOrNull(link) : null;
        String documentId = canonical != null ? Ids.forUrl(canonical) : Ids.forUrl(feedUri + "#" + key);
        Map<String, String> metadata = itemMetadata(item, feedTitle);
        put(metadata, MetadataKeys.CANONICAL_URL, canonical);
        put(metadata, MetadataKeys.ARTICLE_ERROR, error);
        return RawDocument.of(documentId, DocumentKind.NEWS, id, canonical, html ? "text/html" : "text/plain",
                clock.instant(), item.published(), metadata, text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> itemMetadata(FeedItem item, String feedTitle) {
        Map<String, String> m = new HashMap<>();
        m.put(MetadataKeys.FEED_URL, feedUri.toString());
        put(m, MetadataKeys.FEED_TITLE, feedTitle);
        put(m, MetadataKeys.FEED_ITEM_ID, item.id());
        put(m, MetadataKeys.TITLE, item.title());
        put(m, MetadataKeys.AUTHOR, item.author());
        if (!item.categories().isEmpty()) {
            m.put(MetadataKeys.CATEGORIES, String.join(",", item.categories()));
        }
        return m;
    }

    /** Oldest first: entries with a date by date, undated ones first in reverse feed order (feeds list newest first). */
    static List<FeedItem> chronological(List<FeedItem> items) {
        List<FeedItem> ordered = new ArrayList<>(items);
        Collections.reverse(ordered);
        ordered.sort(Comparator.comparing(FeedItem::published, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
        return ordered;
    }

    private static String absolute(String link, URI base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(link.trim().replace(" ", "%20"));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
