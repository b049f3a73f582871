package dev.newsintel.ingest.news;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.Ids;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.CheckpointedSource.PollOutcome;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.SourceFailure;
import dev.newsintel.ingest.http.Backoff;
import dev.newsintel.ingest.http.HostPoliteness;
import dev.newsintel.ingest.http.HttpFetcher;
import dev.newsintel.ingest.testing.FakeClock;
import dev.newsintel.ingest.testing.RecordingSink;

class NewsFeedSourceTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-06T12:00:00Z"));
    private final IngestMetrics metrics = IngestMetrics.inMemory();

    private NewsFeedSource source(String path) {
        HttpFetcher web = new HttpFetcher(HttpFetcher.defaultClient(), "NewsIntel tests",
                new HostPoliteness(Duration.ofSeconds(1), Duration.ofMinutes(1), clock, clock.sleeper()),
                Backoff.fixed(Duration.ofSeconds(2)), clock.sleeper(), clock, metrics, Duration.ofSeconds(10));
        return new NewsFeedSource("feed:" + path, URI.create(server.baseUrl() + path), null, web, clock, metrics);
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Chip Wire</title>"
                + String.join("", items) + "</channel></rss>";
    }

    private String item(String title, String link, String date, String description) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + server.baseUrl() + link + "</link>")
                + "<guid>" + title + "</guid><pubDate>" + date + "</pubDate>"
                + (description == null ? "" : "<description>" + description + "</description>") + "</item>";
    }

    @Test
    void fetchesArticlesThroughRedirectsWithCharsetAndCanonicalUrl() throws Exception {
        server.stubFor(get(urlEqualTo("/feed")).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"f1\"")
                .withBody(rss(item("Wafer news", "/r/1", "Fri, 06 Mar 2026 09:00:00 GMT", "teaser")))));
        server.stubFor(get(urlEqualTo("/r/1")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/2026/wafer?utm_campaign=feed")));
        byte[] latin1 = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "<link rel=\"canonical\" href=\"https://chips.example/2026/wafer\"><title>Wafer</title></head>"
                + "<body><p>Caf\u00e9 fabs d\u00e9j\u00e0 vu</p></body></html>").getBytes(StandardCharsets.ISO_8859_1);
        server.stubFor(get(urlEqualTo("/2026/wafer?utm_campaign=feed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withHeader("Last-Modified", "Fri, 06 Mar 2026 09:01:00 GMT")
                .withBody(latin1)));
        NewsFeedSource source = source("/feed");
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        assertThat(source.poll(sink.checkpoint, sink)).isEqualTo(PollOutcome.POLLED);

        RawDocument article = sink.documents().get(0);
        assertThat(article.id()).isEqualTo(Ids.forUrl("https://chips.example/2026/wafer"));
        assertThat(article.url()).isEqualTo("https://chips.example/2026/wafer");
        assertThat(article.body()).isEqualTo(latin1);
        assertThat(article.charset()).isEqualTo("windows-1252");
        assertThat(article.bodyAsString()).contains("Caf\u00e9 fabs d\u00e9j\u00e0 vu");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
        assertThat(article.metadata())
                .containsEntry(MetadataKeys.FEED_URL, server.baseUrl() + "/feed")
                .containsEntry(MetadataKeys.FEED_TITLE, "Chip Wire").containsEntry(MetadataKeys.TITLE, "Wafer news")
                .containsEntry(MetadataKeys.CANONICAL_URL, "https://chips.example/2026/wafer")
                .containsEntry(MetadataKeys.FETCHED_URL, server.baseUrl() + "/2026/wafer?utm_campaign=feed")
                .containsEntry(MetadataKeys.LAST_MODIFIED, "Fri, 06 Mar 2026 09:01:00 GMT")
                .containsEntry(MetadataKeys.CHARSET_SOURCE, "meta");
        assertThat(sink.checkpoint.etag()).isEqualTo("\"f1\"");

        // the feed has not changed: a conditional GET, a 304 and nothing else
        server.stubFor(get(urlEqualTo("/feed")).withHeader("If-None-Match", equalTo("\"f1\""))
                .willReturn(aResponse().withStatus(304)));
        sink.clear();
        assertThat(source.poll(sink.checkpoint, sink)).isEqualTo(PollOutcome.NOT_MODIFIED);
        assertThat(sink.batches).isEmpty();
    }

    @Test
    void aMissingArticleFallsBackToTheFeedEntryAndAnEmptyOneIsDeadLettered() throws Exception {
        server.stubFor(get(urlEqualTo("/feed2")).willReturn(aResponse().withStatus(200).withBody(rss(
                item("Gone story", "/gone", "Fri, 06 Mar 2026 08:00:00 GMT", "the feed's own summary"),
                "<item><link>" + server.baseUrl() + "/empty</link><pubDate>Fri, 06 Mar 2026 07:00:00 GMT</pubDate></item>"))));
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withStatus(410)));
        NewsFeedSource source = source("/feed2");
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);

        assertThat(sink.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(Ids.forUrl(server.baseUrl() + "/gone"));
            assertThat(d.bodyAsString()).contains("<title>Gone story</title>").contains("the feed's own summary");
            assertThat(d.metadata().get(MetadataKeys.ARTICLE_ERROR)).contains("HTTP 404");
        });
        assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("ingest.article");
            assertThat(d.sourceTopic()).isEqualTo(server.baseUrl() + "/empty");
        });
    }

    @Test
    void aFailingArticleIsRetriedOnLaterPassesBeforeFallingBack() throws Exception {
        server.stubFor(get(urlEqualTo("/feed3")).willReturn(aResponse().withStatus(200).withBody(rss(
                item("Flaky", "/flaky", "Fri, 06 Mar 2026 08:00:00 GMT", "summary")))));
        server.stubFor(get(urlEqualTo("/flaky")).willReturn(aResponse().withStatus(502)));
        NewsFeedSource source = source("/feed3");
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);
        source.poll(sink.checkpoint, sink);
        assertThat(sink.documents()).isEmpty();
        source.poll(sink.checkpoint, sink);

        assertThat(sink.documents()).singleElement()
                .satisfies(d -> assertThat(d.metadata().get(MetadataKeys.ARTICLE_ERROR)).contains("HTTP 502"));
        assertThat(sink.checkpoint.cursor()).noneSatisfy((k, v) -> assertThat(k).startsWith("attempts:"));
        sink.clear();
        source.poll(sink.checkpoint, sink);
        assertThat(sink.documents()).isEmpty();
    }

    @Test
    void aBrokenFeedIsDeadLetteredOnceAndFailsWithTheUrl() throws Exception {
        server.stubFor(get(urlEqualTo("/broken")).willReturn(aResponse().withStatus(200)
                .withBody("<rss version=\"2.0\"><channel><title>cut off")));
        NewsFeedSource source = source("/broken");
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        assertThatThrownBy(() -> source.poll(sink.checkpoint, sink)).isInstanceOf(SourceFailure.class)
                .hasMessageContaining(server.baseUrl() + "/broken").hasMessageContaining("Truncated XML feed");
        assertThatThrownBy(() -> source.poll(sink.checkpoint, sink)).isInstanceOf(SourceFailure.class);

        assertThat(sink.deadLetters()).hasSize(1);
        assertThat(metrics.count("newsintel.ingest.failures", "source", source.id(), "stage", "parse")).isEqualTo(2);
    }

    @Test
    void readsJsonFeedsToo() throws Exception {
        server.stubFor(get(urlEqualTo("/feed.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/feed+json").withBody("""
                        {"version":"https://jsonfeed.org/version/1.1","title":"JSON wire","items":[
                          {"id":"j1","url":"%s/j1","title":"JSON story","date_published":"2026-03-06T10:00:00Z"}]}
                        """.formatted(server.baseUrl()))));
        server.stubFor(get(urlEqualTo("/j1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><body>json story</body></html>")));
        NewsFeedSource source = source("/feed.json");
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);

        assertThat(sink.documents()).singleElement().satisfies(d -> {
            assertThat(d.url()).isEqualTo(server.baseUrl() + "/j1");
            assertThat(d.metadata()).containsEntry(MetadataKeys.FEED_TITLE, "JSON wire")
                    .containsEntry(MetadataKeys.CHARSET_SOURCE, "header");
        });
    }

    @Test
    void theDefaultFeedListParses() {
        assertThat(FeedList.defaults()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(e -> assertThat(e.url()).startsWith("https://"));
        assertThatThrownBy(() -> FeedList.parse("https://ok.example/feed\nnot a url\n", "feeds.txt"))
                .hasMessage("feeds.txt line 2: not an http(s) URL: not");
    }
}
