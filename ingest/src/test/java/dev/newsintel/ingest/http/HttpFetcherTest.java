package dev.newsintel.ingest.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.edgar.EdgarGate;
import dev.newsintel.ingest.testing.FakeClock;

class HttpFetcherTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-06T21:00:00Z"));
    private final IngestMetrics metrics = IngestMetrics.inMemory();

    private HttpFetcher fetcher(RequestGate gate) {
        return new HttpFetcher(HttpFetcher.defaultClient(), "NewsIntel tests test@example.com", gate,
                Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8), new java.util.Random(1)),
                clock.sleeper(), clock, metrics, Duration.ofSeconds(10));
    }

    private URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void decodesGzipAndSendsTheUserAgent() throws Exception {
        byte[] page = "<html><body>Caf\u00e9 news</body></html>".getBytes(StandardCharsets.UTF_8);
        server.stubFor(get("/page").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withHeader("Content-Encoding", "gzip")
                .withHeader("ETag", "\"v1\"").withBody(gzip(page))));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/page"), 1024));

        assertThat(result.body()).isEqualTo(page);
        assertThat(result.contentType()).isEqualTo("text/html");
        assertThat(result.charset()).isEqualTo("UTF-8");
        assertThat(result.etag()).isEqualTo("\"v1\"");
        server.verify(getRequestedFor(urlEqualTo("/page"))
                .withHeader("User-Agent", equalTo("NewsIntel tests test@example.com"))
                .withHeader("Accept-Encoding", equalTo("gzip, deflate")));
        assertThat(metrics.count("newsintel.ingest.http.responses", "status", "200")).isEqualTo(1);
    }

    @Test
    void conditionalGetSendsValidatorsAndReportsNotModified() throws Exception {
        server.stubFor(get("/feed").withHeader("If-None-Match", equalTo("\"abc\""))
                .willReturn(aResponse().withStatus(304)));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/feed"), 1024)
                .conditional("\"abc\"", "Fri, 06 Mar 2026 20:00:00 GMT"));

        assertThat(result.notModified()).isTrue();
        assertThat(result.body()).isEmpty();
        server.verify(getRequestedFor(urlEqualTo("/feed"))
                .withHeader("If-Modified-Since", equalTo("Fri, 06 Mar 2026 20:00:00 GMT")));
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() throws Exception {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(301).withHeader("Location", "/b")));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/c")));
        server.stubFor(get("/c").willReturn(aResponse().withStatus(200).withBody("here")));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/a"), 1024));

        assertThat(result.uri().getPath()).isEqualTo("/c");
        assertThat(result.requested().getPath()).isEqualTo("/a");
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("here");
    }

    @Test
    void aRedirectLoopEndsWithAClearError() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThatThrownBy(() -> fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/loop"), 1024)))
                .isInstanceOf(FetchException.class).hasMessageContaining("more than 5 redirects")
                .hasMessageContaining("/loop");
    }

    @Test
    void retries503WithBackoffWithoutSleeping() throws Exception {
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/flaky"), 1024));

        assertThat(result.status()).isEqualTo(200);
        // back-off of 1 s then 2 s, each jittered into its upper half, waited on the fake clock
        assertThat(clock.sleeps()).hasSize(2);
        assertThat(clock.sleeps().get(0).toMillis()).isBetween(500L, 1000L);
        assertThat(clock.sleeps().get(1).toMillis()).isBetween(1000L, 2000L);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        server.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        server.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/slow"), 1024));

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void notFoundIsAPermanentFailureWithTheUrl() {
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("<h1>Not here</h1>")));

        assertThatThrownBy(() -> fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/gone"), 1024)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).contains(server.baseUrl() + "/gone").contains("Not here");
                });
    }

    @Test
    void bodiesOverTheBoundAreCutAndFlagged() throws Exception {
        byte[] big = new byte[50_000];
        java.util.Arrays.fill(big, (byte) 'x');
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(big)));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/big"), 10_000));

        assertThat(result.body()).hasSize(10_000);
        assertThat(result.truncated()).isTrue();
        assertThat(result.originalLength()).isGreaterThan(10_000);
    }

    @Test
    void aGzipBombStopsAtTheBound() throws Exception {
        byte[] zeros = new byte[20 * 1024 * 1024];
        server.stubFor(get("/bomb").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
                .withBody(gzip(zeros))));

        FetchResult result = fetcher(RequestGate.OPEN).fetch(FetchRequest.get(url("/bomb"), 64 * 1024));

        assertThat(result.body()).hasSize(64 * 1024);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void edgar429PausesEveryRequestForTenMinutes() throws Exception {
        server.stubFor(get("/limited").willReturn(aResponse().withStatus(429)));
        server.stubFor(get("/other").willReturn(aResponse().withStatus(200).withBody("ok")));
        EdgarGate gate = new EdgarGate(10, Duration.ofMinutes(10), clock, clock.sleeper());
        HttpFetcher edgar = fetcher(gate);

        assertThatThrownBy(() -> edgar.fetch(FetchRequest.get(url("/limited"), 1024)))
                .isInstanceOf(ThrottledException.class);
        // another URL is not even requested while the pause lasts
        assertThatThrownBy(() -> edgar.fetch(FetchRequest.get(url("/other"), 1024)))
                .isInstanceOf(ThrottledException.class).hasMessageContaining("paused until 2026-03-06T21:10");
        server.verify(0, getRequestedFor(urlEqualTo("/other")));
        server.verify(1, getRequestedFor(urlEqualTo("/limited")));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(edgar.fetch(FetchRequest.get(url("/other"), 1024)).status()).isEqualTo(200);
    }

    @Test
    void edgar403RateThresholdPausesToo() {
        server.stubFor(get("/blocked").willReturn(aResponse().withStatus(403)
                .withBody("<html><body>Your Request Originates from an Undeclared Automated Tool</body></html>")));
        EdgarGate gate = new EdgarGate(10, Duration.ofMinutes(10), clock, clock.sleeper());

        assertThatThrownBy(() -> fetcher(gate).fetch(FetchRequest.get(url("/blocked"), 1024)))
                .isInstanceOf(FetchException.class).hasMessageContaining("Undeclared Automated Tool");
        assertThat(gate.pausedUntil()).isEqualTo(Instant.parse("2026-03-06T21:10:00Z"));
    }

    @Test
    void hostPolitenessPausesOnlyTheHostThatAskedFor429() throws Exception {
        server.stubFor(get("/x").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        HostPoliteness politeness = new HostPoliteness(Duration.ofSeconds(1), Duration.ofMinutes(1), clock,
                clock.sleeper());
        HttpFetcher web = fetcher(politeness);

        assertThatThrownBy(() -> web.fetch(FetchRequest.get(url("/x"), 1024))).isInstanceOf(ThrottledException.class);
        assertThatThrownBy(() -> politeness.acquire(url("/y"))).isInstanceOf(ThrottledException.class);
        politeness.acquire(URI.create("http://other.example/z")); // another host is not paused
        clock.advance(Duration.ofSeconds(121));
        politeness.acquire(url("/y"));
    }

    @Test
    void hostPolitenessSpacesRequestsToOneHost() throws Exception {
        HostPoliteness politeness = new HostPoliteness(Duration.ofMillis(500), Duration.ofMinutes(1), clock,
                clock.sleeper());
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            politeness.acquire(URI.create("https://news.example/" + i));
        }
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(2));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
