package dev.newsintel.ingest.edgar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.testing.FakeClock;
import dev.newsintel.ingest.testing.RecordingSink;

class EdgarSourcesTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final IngestMetrics metrics = IngestMetrics.inMemory();

    private EdgarClient client(int pageSize) {
        URI base = URI.create(server.baseUrl());
        EdgarSettings settings = new EdgarSettings("NewsIntel tests test@example.com", base, base, 10, pageSize, 10,
                Duration.ofDays(30), SizePolicy.MAX_BODY_BYTES);
        return EdgarClient.create(settings, clock, clock.sleeper(), metrics);
    }

    private static EdgarFixtures.Filing filing(int n, String form, String primary, String exhibit) {
        return new EdgarFixtures.Filing(String.format("0000950170-26-%06d", n), "0001045810", "NVIDIA CORP", form,
                "2026-03-06", Instant.parse("2026-03-06T21:00:00Z").plusSeconds(n), List.of("2.02", "9.01"),
                primary, exhibit);
    }

    private void servePages(String type, List<EdgarFixtures.Filing> newestFirst, int pageSize, boolean endWith503) {
        int pages = (newestFirst.size() + pageSize - 1) / pageSize;
        for (int p = 0; p < pages; p++) {
            List<EdgarFixtures.Filing> page = newestFirst.subList(p * pageSize,
                    Math.min(newestFirst.size(), (p + 1) * pageSize));
            server.stubFor(get(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("type", equalTo(type))
                    .withQueryParam("start", equalTo(Integer.toString(p * pageSize)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                            .withBody(EdgarFixtures.atomPage(page))));
        }
        if (endWith503) {
            server.stubFor(get(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("type", equalTo(type))
                    .withQueryParam("start", equalTo(Integer.toString(pages * pageSize)))
                    .willReturn(aResponse().withStatus(503).withBody("<title>SEC.gov | File Unavailable</title>")));
        }
    }

    @Test
    void latestFilingsPublishPrimaryDocumentAndPressReleaseWithMetadata() throws Exception {
        EdgarFixtures.Filing f = filing(1, "8-K", "nvda-20260306.htm", "q4fy26pr.htm");
        EdgarFixtures.serve(server, f);
        servePages("8-K", List.of(f), 100, false);
        EdgarClient edgar = client(100);
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:8-K", "8-K", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);

        assertThat(sink.documents()).extracting(RawDocument::id)
                .containsExactly(f.accession() + "/nvda-20260306.htm", f.accession() + "/q4fy26pr.htm");
        RawDocument primary = sink.documents().get(0);
        assertThat(primary.kind()).isEqualTo(DocumentKind.FILING);
        assertThat(primary.url()).isEqualTo(server.baseUrl() + f.folder() + "/nvda-20260306.htm");
        assertThat(primary.contentType()).isEqualTo("text/html");
        assertThat(primary.publishedAt()).isEqualTo(f.accepted());
        assertThat(primary.metadata()).containsEntry(MetadataKeys.CIK, "0001045810")
                .containsEntry(MetadataKeys.COMPANY, "NVIDIA CORP").containsEntry(MetadataKeys.FORM, "8-K")
                .containsEntry(MetadataKeys.ACCESSION_NUMBER, f.accession())
                .containsEntry(MetadataKeys.FILED_AT, "2026-03-06")
                .containsEntry(MetadataKeys.ACCEPTED_AT, f.accepted().toString())
                .containsEntry(MetadataKeys.ITEMS, "2.02,9.01")
                .containsEntry(MetadataKeys.PRIMARY_DOCUMENT, "nvda-20260306.htm")
                .doesNotContainKey(MetadataKeys.EXHIBIT);
        assertThat(new String(primary.body())).contains("primary document " + f.accession());
        RawDocument exhibit = sink.documents().get(1);
        assertThat(exhibit.metadata()).containsEntry(MetadataKeys.EXHIBIT, "EX-99.1")
                .containsEntry(MetadataKeys.DESCRIPTION, "PRESS RELEASE");
        // one batch per filing, the accession in its checkpoint; the image is not fetched
        assertThat(sink.batches).hasSize(1);
        assertThat(sink.checkpoint.seen()).containsExactly(f.accession());
        server.verify(0, getRequestedFor(urlEqualTo(f.folder() + "/image.jpg")));

        // nothing new: a second pass publishes nothing
        sink.clear();
        source.poll(sink.checkpoint, sink);
        assertThat(sink.documents()).isEmpty();
    }

    @Test
    void firstPassReadsOnePageLaterPassesCatchUpUntilNothingIsNew() throws Exception {
        List<EdgarFixtures.Filing> all = new ArrayList<>();
        for (int n = 7; n >= 1; n--) {
            EdgarFixtures.Filing f = filing(100 + n, "8-K", "doc" + n + ".htm", null);
            EdgarFixtures.serve(server, f);
            all.add(f);
        }
        // feed of five (newest first), pages of two
        servePages("8-K", all.subList(2, 7), 2, true);
        EdgarClient edgar = client(2);
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:8-K", "8-K", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);
        // only the first page, oldest first
        assertThat(sink.documents()).extracting(d -> d.metadata(MetadataKeys.ACCESSION_NUMBER))
                .containsExactly(all.get(3).accession(), all.get(2).accession());

        // two new filings arrive on top: the next pass reads page 0 (all new) and page 1 (nothing new), then stops
        servePages("8-K", all, 2, true);
        sink.clear();
        source.poll(sink.checkpoint, sink);
        assertThat(sink.documents()).extracting(d -> d.metadata(MetadataKeys.ACCESSION_NUMBER))
                .containsExactly(all.get(1).accession(), all.get(0).accession());
        server.verify(0, getRequestedFor(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("start", equalTo("4")));
    }

    @Test
    void pagingPastTheEndStopsAtEdgars503() throws Exception {
        List<EdgarFixtures.Filing> all = new ArrayList<>();
        for (int n = 6; n >= 1; n--) {
            EdgarFixtures.Filing f = filing(200 + n, "10-K", "k" + n + ".htm", null);
            EdgarFixtures.serve(server, f);
            all.add(f);
        }
        servePages("10-K", all, 2, true);
        EdgarClient edgar = client(2);
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:10-K", "10-K", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        IngestCheckpoint old = IngestCheckpoint.empty(source.id())
                .withSeen(List.of("0000000000-00-000001"), 10, clock.instant());
        RecordingSink sink = new RecordingSink(old);

        source.poll(sink.checkpoint, sink);

        assertThat(sink.documents()).hasSize(6);
        // the 503 page is asked for once (no retries past the first page) and ends the pass without an error
        server.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("start", equalTo("6")));
        // no back-off: the only waits are the token bucket's pacing, 1/9 s between request starts
        assertThat(clock.sleeps()).isNotEmpty().allMatch(d -> d.compareTo(Duration.ofMillis(112)) <= 0);
    }

    @Test
    void aMissingFilingIsDeadLetteredAndTheOthersGoOn() throws Exception {
        EdgarFixtures.Filing gone = filing(301, "8-K", "gone.htm", null);
        EdgarFixtures.Filing fine = filing(302, "8-K", "fine.htm", "ex99.htm");
        EdgarFixtures.serve(server, fine);
        server.stubFor(get(urlEqualTo(gone.folder() + "/" + gone.accession() + "-index.htm"))
                .willReturn(aResponse().withStatus(404)));
        servePages("8-K", List.of(fine, gone), 100, false);
        EdgarClient edgar = client(100);
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:8-K", "8-K", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        source.poll(sink.checkpoint, sink);

        assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic()).endsWith(gone.accession() + "-index.htm");
            assertThat(d.error()).contains("HTTP 404");
            assertThat(d.key()).isEqualTo(gone.accession());
        });
        assertThat(sink.documents()).hasSize(2);
        assertThat(sink.checkpoint.seen()).containsExactly(gone.accession(), fine.accession());
    }

    @Test
    void aTransientFailureLeavesTheFilingForTheNextPass() throws Exception {
        EdgarFixtures.Filing first = filing(401, "8-K", "a.htm", null);
        EdgarFixtures.Filing flaky = filing(402, "8-K", "b.htm", null);
        EdgarFixtures.serve(server, first);
        EdgarFixtures.serve(server, flaky);
        server.stubFor(get(urlEqualTo(flaky.folder() + "/b.htm")).willReturn(aResponse().withStatus(500)));
        servePages("8-K", List.of(flaky, first), 100, false);
        EdgarClient edgar = client(100);
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:8-K", "8-K", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        assertThatThrownBy(() -> source.poll(sink.checkpoint, sink)).hasMessageContaining("HTTP 500");
        assertThat(sink.checkpoint.seen()).containsExactly(first.accession());
        // retried twice with back-off (the ~111 ms waits are the token bucket's pacing), all on the fake clock
        assertThat(clock.sleeps()).filteredOn(d -> d.compareTo(Duration.ofMillis(200)) > 0).hasSize(2);

        EdgarFixtures.serve(server, flaky);
        source.poll(sink.checkpoint, sink);
        assertThat(sink.checkpoint.seen()).containsExactly(first.accession(), flaky.accession());
        assertThat(sink.documents()).extracting(RawDocument::id).containsExactly(first.accession() + "/a.htm",
                flaky.accession() + "/b.htm");
    }

    @Test
    void watchlistCompanyReadsRecentAndOlderPagesSinceTheLookback() throws Exception {
        String cik = "0000789019";
        EdgarFixtures.Filing recent8k = new EdgarFixtures.Filing("0001193125-26-000301", cik, "MICROSOFT CORP", "8-K",
                "2026-03-05", Instant.parse("2026-03-05T21:04:38Z"), List.of("2.02", "9.01"), "msft-8k.htm", "ex991.htm");
        EdgarFixtures.Filing recent10q = new EdgarFixtures.Filing("0001193125-26-000200", cik, "MICROSOFT CORP",
                "10-Q", "2026-02-20", Instant.parse("2026-02-20T21:00:00Z"), List.of(), "msft-10q.htm", null);
        EdgarFixtures.Filing older8k = new EdgarFixtures.Filing("0001193125-26-000100", cik, "MICROSOFT CORP", "8-K",
                "2026-02-10", Instant.parse("2026-02-10T21:00:00Z"), List.of("5.02"), "msft-502.htm", null);
        EdgarFixtures.serve(server, recent8k);
        EdgarFixtures.serve(server, recent10q);
        EdgarFixtures.serve(server, older8k);
        String submissions = """
                {"cik":"0000789019","name":"MICROSOFT CORP","tickers":["MSFT"],"filings":{
                 "recent":{"accessionNumber":["0001193125-26-000301","0001628280-26-000250","0001193125-26-000200"],
                           "filingDate":["2026-03-05","2026-02-25","2026-02-20"],"reportDate":["2026-03-05","",""],
                           "acceptanceDateTime":["2026-03-05T21:04:38.000Z","2026-02-25T22:00:00.000Z","2026-02-20T21:00:00.000Z"],
                           "form":["8-K","4","10-Q"],"items":["2.02,9.01","",""],
                           "primaryDocument":["msft-8k.htm","xslF345X05/doc4.xml","msft-10q.htm"]},
                 "files":[{"name":"CIK0000789019-submissions-001.json","filingCount":2,"filingFrom":"2026-01-01","filingTo":"2026-02-15"}]}}
                """;
        String page = """
                {"accessionNumber":["0001193125-26-000100","0001193125-26-000050"],"filingDate":["2026-02-10","2026-01-20"],
                 "acceptanceDateTime":["2026-02-10T21:00:00.000Z","2026-01-20T21:00:00.000Z"],"form":["8-K","8-K"],
                 "items":["5.02","8.01"],"primaryDocument":["msft-502.htm","msft-801.htm"]}
                """;
        server.stubFor(get(urlEqualTo("/submissions/CIK0000789019.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"s1\"").withBody(submissions)));
        server.stubFor(get(urlEqualTo("/submissions/CIK0000789019.json")).withHeader("If-None-Match", equalTo("\"s1\""))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get(urlEqualTo("/submissions/CIK0000789019-submissions-001.json"))
                .willReturn(aResponse().withStatus(200).withBody(page)));
        EdgarClient edgar = client(100);
        EdgarCompanySource source = new EdgarCompanySource("edgar-company:" + cik, cik, "MSFT",
                FormFilter.parse("8-K,10-Q"), edgar, new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id()));

        assertThat(source.poll(sink.checkpoint, sink)).isEqualTo(dev.newsintel.ingest.CheckpointedSource.PollOutcome.POLLED);

        // 30 days before 2026-03-10: the 2026-01-20 8-K is too old, the Form 4 is not wanted; oldest first
        assertThat(sink.documents()).extracting(RawDocument::id).containsExactly(
                "0001193125-26-000100/msft-502.htm", "0001193125-26-000200/msft-10q.htm",
                "0001193125-26-000301/msft-8k.htm", "0001193125-26-000301/ex991.htm");
        assertThat(sink.documents().get(0).metadata()).containsEntry(MetadataKeys.TICKER, "MSFT")
                .containsEntry(MetadataKeys.ITEMS, "5.02").containsEntry(MetadataKeys.COMPANY, "MICROSOFT CORP");
        assertThat(sink.checkpoint.etag()).isEqualTo("\"s1\"");
        assertThat(sink.checkpoint.cursor("since")).isEqualTo("2026-02-08");

        sink.clear();
        assertThat(source.poll(sink.checkpoint, sink))
                .isEqualTo(dev.newsintel.ingest.CheckpointedSource.PollOutcome.NOT_MODIFIED);
        assertThat(sink.batches).isEmpty();
    }

    @Test
    void refusesSecWithoutAContactButAllowsAMirror() {
        assertThatThrownBy(() -> EdgarSettings.defaults(null).validated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--edgar-user-agent")
                .hasMessageContaining("NEWSINTEL_EDGAR_USER_AGENT");
        assertThatThrownBy(() -> EdgarSettings.defaults("JustAName").validated())
                .hasMessageContaining("has no contact e-mail");
        assertThat(EdgarSettings.defaults("Jane Doe jane@example.com").validated().userAgent())
                .isEqualTo("Jane Doe jane@example.com");
        EdgarSettings mirror = EdgarSettings.defaults(null).withBaseUrls(URI.create("http://127.0.0.1:9/"),
                URI.create("http://127.0.0.1:9"));
        assertThat(mirror.validated().effectiveUserAgent()).isNotBlank();
        assertThatThrownBy(() -> EdgarSettings.defaults("a b@c.io").withMaxRequestsPerSecond(11))
                .hasMessageContaining("10");
    }

    @Test
    void formFilterMatchesAmendmentsAndPrefixes() {
        FormFilter filter = FormFilter.parse("8-K, 424B*, SC 13D");
        assertThat(filter.matches("8-K")).isTrue();
        assertThat(filter.matches("8-K/A")).isTrue();
        assertThat(filter.matches("8-K12B")).isFalse();
        assertThat(filter.matches("424B2")).isTrue();
        assertThat(filter.matches("sc 13d/a")).isTrue();
        assertThat(filter.matches("SC 13G")).isFalse();
        assertThat(FormFilter.parse(null).patterns()).isEqualTo(FormFilter.DEFAULT_FORMS);
    }
}
