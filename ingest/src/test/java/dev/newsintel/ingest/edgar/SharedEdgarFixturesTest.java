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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.newsintel.events.IngestCheckpoint;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.MetadataKeys;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.testing.FakeClock;
import dev.newsintel.ingest.testing.RecordingSink;

/**
 * The real EDGAR responses of the shared test data ({@code ../shared/testdata/sec-edgar}): every latest-filings page,
 * submissions file, filing index and ticker map, checked against the SEC's own metadata in {@code expected/}; the
 * filings are also served by WireMock and fetched as a source would. Skipped where the folder is missing.
 */
class SharedEdgarFixturesTest {
    private static final Path ROOT = Path.of(System.getProperty("newsintel.shared.testdata", "../../shared/testdata"))
            .resolve("sec-edgar");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-07-01T12:00:00Z"));
    private final IngestMetrics metrics = IngestMetrics.inMemory();

    private static void assumeData() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "shared test data not found at " + ROOT.toAbsolutePath()
                + ": skipping the real EDGAR fixtures");
    }

    private EdgarClient client() {
        URI base = URI.create(server.baseUrl());
        return EdgarClient.create(new EdgarSettings("NewsIntel tests test@example.com", base, base, 10, 100, 10,
                Duration.ofDays(30), SizePolicy.MAX_BODY_BYTES), clock, clock.sleeper(), metrics);
    }

    @Test
    void everyLatestFilingsPageParses() throws Exception {
        assumeData();
        List<Path> pages = files(ROOT.resolve("current-feed"), ".atom");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(5);
        CurrentFeed parser = new CurrentFeed();
        for (Path page : pages) {
            CurrentFeed.Page parsed = parser.parsePage(Files.readAllBytes(page));
            int count = Integer.parseInt(page.getFileName().toString().replaceAll(".*count(\\d+).*", "$1"));
            assertThat(parsed.entries()).as(page.toString()).isEqualTo(count);
            assertThat(parsed.filings()).as(page.toString()).isNotEmpty()
                    .allSatisfy(f -> {
                        assertThat(f.accessionNumber()).matches("\\d{10}-\\d{2}-\\d{6}");
                        assertThat(f.cik()).matches("\\d{10}");
                        assertThat(f.company()).isNotBlank();
                        assertThat(f.form()).isNotBlank();
                        assertThat(f.filedAt()).isNotNull();
                        assertThat(f.acceptedAt()).isNotNull();
                    });
            assertThat(parsed.filings().stream().map(FilingRef::accessionNumber).distinct())
                    .hasSize(parsed.filings().size());
            parsed.filings().stream().filter(f -> f.form().equals("8-K"))
                    .forEach(f -> assertThat(f.items()).as(f.accessionNumber()).isNotEmpty()
                            .allMatch(i -> i.matches("\\d{1,2}\\.\\d{2}")));
        }
    }

    @Test
    void pagingEndsAtTheReal503Page() throws Exception {
        assumeData();
        server.stubFor(get(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("start", equalTo("0"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                        .withBody(Files.readAllBytes(ROOT.resolve("current-feed/getcurrent-count100-start0.atom")))));
        server.stubFor(get(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("start", equalTo("100"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody(
                        Files.readAllBytes(ROOT.resolve("current-feed/error-503-getcurrent-count100-start5100.html")))));
        EdgarClient edgar = client();
        EdgarCurrentSource source = new EdgarCurrentSource("edgar-current:SCHEDULE 13D", "SCHEDULE 13D", edgar,
                new FilingFetcher(edgar, clock, metrics), clock, metrics);
        RecordingSink sink = new RecordingSink(IngestCheckpoint.empty(source.id())
                .withSeen(List.of("0000000000-00-000000"), 10, clock.instant()));

        source.poll(sink.checkpoint, sink);

        server.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/browse-edgar")).withQueryParam("start", equalTo("100")));
        // the index pages are not served here: each 13D/A of the page is dead-lettered with its URL, none is lost
        assertThat(sink.deadLetters()).isNotEmpty().allSatisfy(d -> assertThat(d.sourceTopic()).endsWith("-index.htm"));
        assertThat(sink.checkpoint.seen()).hasSize(1 + sink.deadLetters().size());
    }

    @Test
    void filingIndexPagesAgreeWithTheSecHeaders() throws Exception {
        assumeData();
        JsonNode headers = Json.MAPPER.readTree(ROOT.resolve("expected/filings-header.json").toFile());
        int checked = 0;
        for (JsonNode expected : headers) {
            String accession = expected.path("accession").asText();
            Path index = ROOT.resolve("filings").resolve(accession).resolve(accession + "-index.html");
            if (!Files.exists(index)) {
                continue;
            }
            FilingIndex parsed = FilingIndex.parse(Files.readAllBytes(index), "https://www.sec.gov/");
            assertThat(parsed.form()).isEqualTo(expected.path("form").asText());
            assertThat(parsed.filedAt()).isEqualTo(LocalDate.parse(expected.path("filed_as_of_date").asText(),
                    DateTimeFormatter.BASIC_ISO_DATE));
            if (expected.hasNonNull("acceptance_datetime")) {
                assertThat(parsed.acceptedAt()).isEqualTo(LocalDateTime.parse(expected.path("acceptance_datetime")
                        .asText(), DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atZone(EASTERN).toInstant());
            }
            assertThat(parsed.subjectCompany().cik()).isEqualTo(expected.path("cik").asText());
            assertThat(parsed.items()).hasSize(expected.path("item_information").size());
            String primary = null;
            List<String> exhibits = new ArrayList<>();
            for (JsonNode d : expected.path("documents")) {
                if (primary == null && d.path("type").asText().equals(expected.path("form").asText())) {
                    primary = d.path("filename").isNull() ? "" : d.path("filename").asText();
                }
                if (d.path("type").asText().startsWith("EX-99") && !d.path("filename").isNull()) {
                    exhibits.add(d.path("filename").asText());
                }
            }
            // documents of old filings have no file names (only the complete submission text file holds them)
            assertThat(parsed.primaryDocument(null).fileName()).isEqualTo(primary == null ? "" : primary);
            assertThat(parsed.ex99Exhibits()).extracting(FilingIndex.Document::fileName)
                    .containsExactlyElementsOf(exhibits);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void filingsServedFromTheSharedFoldersArePublishedWithTheirBytes() throws Exception {
        assumeData();
        JsonNode headers = Json.MAPPER.readTree(ROOT.resolve("expected/filings-header.json").toFile());
        EdgarClient edgar = client();
        FilingFetcher fetcher = new FilingFetcher(edgar, clock, metrics);
        int checked = 0;
        for (JsonNode expected : headers) {
            String accession = expected.path("accession").asText();
            Path folder = ROOT.resolve("filings").resolve(accession);
            Path index = folder.resolve(accession + "-index.html");
            if (!Files.exists(index)) {
                continue;
            }
            String cik = expected.path("cik").asText();
            String archive = "/Archives/edgar/data/" + Long.parseLong(cik) + "/" + accession.replace("-", "");
            server.stubFor(get(urlEqualTo(archive + "/" + accession + "-index.htm")).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "text/html").withBody(Files.readAllBytes(index))));
            Map<String, byte[]> served = new HashMap<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    String documentName = name.startsWith("ex-99") ? name.substring(name.indexOf('-', 6) + 1) : name;
                    byte[] bytes = Files.readAllBytes(file);
                    served.put(documentName, bytes);
                    server.stubFor(get(urlEqualTo(archive + "/" + documentName)).willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "text/html").withBody(bytes)));
                }
            }
            FilingRef ref = new FilingRef(accession, cik, null, null, null, null, null, List.of(), null, null);

            FilingFetcher.Result result = fetcher.fetch(ref, "edgar-test");

            FilingIndex parsed = FilingIndex.parse(Files.readAllBytes(index), "https://www.sec.gov/");
            Set<String> expectedNames = new HashSet<>();
            String primary = parsed.primaryDocument(null).fileName();
            expectedNames.add(primary.isBlank() ? accession + ".txt" : primary);
            parsed.ex99Exhibits().forEach(d -> expectedNames.add(d.fileName()));
            List<RawDocument> published = result.documents();
            for (RawDocument d : published) {
                String name = d.id().substring(accession.length() + 1);
                assertThat(d.body()).as(d.id()).isEqualTo(served.get(name));
                assertThat(d.metadata()).containsEntry(MetadataKeys.ACCESSION_NUMBER, accession)
                        .containsEntry(MetadataKeys.CIK, cik)
                        .containsEntry(MetadataKeys.FORM, expected.path("form").asText())
                        .containsEntry(MetadataKeys.COMPANY, expected.path("company_conformed_name").asText())
                        .containsEntry(MetadataKeys.FILED_AT, parsed.filedAt().toString());
            }
            // documents the folder does not have (not recorded) are dead letters, never silently missing
            assertThat(published.size() + result.deadLetters().size()).isEqualTo(expectedNames.size());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void submissionsAgreeWithTheExpected8kItems() throws Exception {
        assumeData();
        Map<String, FilingRef> byAccession = new HashMap<>();
        for (Path file : files(ROOT.resolve("submissions"), ".json")) {
            String name = file.getFileName().toString();
            if (name.contains("-submissions-")) {
                String cik = name.substring(3, 13);
                List<FilingRef> page = Submissions.parsePage(Files.readAllBytes(file), cik, null, null);
                assertThat(page).as(name).isNotEmpty();
                page.forEach(f -> byAccession.putIfAbsent(f.accessionNumber(), f));
                continue;
            }
            Submissions submissions = Submissions.parse(Files.readAllBytes(file));
            assertThat(submissions.cik()).isEqualTo(name.substring(3, 13));
            int rows = Json.MAPPER.readTree(file.toFile()).path("filings").path("recent").path("accessionNumber").size();
            assertThat(submissions.filings()).as(name).hasSize(rows);
            for (Submissions.OlderPage page : submissions.olderPages()) {
                assertThat(page.name()).startsWith("CIK" + submissions.cik() + "-submissions-");
            }
            submissions.filings().forEach(f -> byAccession.putIfAbsent(f.accessionNumber(), f));
        }
        JsonNode expected = Json.MAPPER.readTree(ROOT.resolve("expected/8k-items-from-submissions.json").toFile());
        assertThat(expected.size()).isGreaterThan(1000);
        for (JsonNode row : expected) {
            FilingRef f = byAccession.get(row.path("accessionNumber").asText());
            assertThat(f).as(row.path("accessionNumber").asText()).isNotNull();
            assertThat(f.form()).isEqualTo(row.path("form").asText());
            assertThat(String.join(",", f.items())).isEqualTo(row.path("items").asText());
            assertThat(f.filedAt()).isEqualTo(LocalDate.parse(row.path("filingDate").asText()));
            assertThat(f.acceptedAt()).isEqualTo(Instant.parse(row.path("acceptanceDateTime").asText()));
            assertThat(f.primaryDocument()).isEqualTo(row.path("primaryDocument").asText());
        }
    }

    @Test
    void aMissingCompanyIsAClearError() throws IOException {
        assumeData();
        byte[] notFound = Files.readAllBytes(ROOT.resolve("submissions/error-404-CIK-000000001.xml"));
        assertThatThrownBy(() -> Submissions.parse(notFound)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed submissions JSON");
    }

    @Test
    void tickersResolveThroughSecsMap() throws IOException {
        assumeData();
        CompanyTickers tickers = CompanyTickers.parse(Files.readAllBytes(ROOT.resolve("company_tickers.json")));
        assertThat(tickers.size()).isGreaterThan(5000);
        assertThat(tickers.resolve(List.of("NVDA", "msft", "320193"))).containsExactly(
                new CompanyTickers.Company("0001045810", "NVDA", "NVIDIA CORP"),
                new CompanyTickers.Company("0000789019", "MSFT", "MICROSOFT CORP"),
                new CompanyTickers.Company("0000320193", null, null));
        assertThat(tickers.byTicker("BRK.B").cik()).isEqualTo("0001067983");
        assertThatThrownBy(() -> tickers.resolve(List.of("NVDA", "NOPE1", "NOPE2")))
                .hasMessageContaining("NOPE1, NOPE2");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
