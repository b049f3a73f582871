package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Filing.XbrlFact;
import dev.newsintel.events.Json;

/** The real EDGAR filings in ../shared/testdata/sec-edgar against their SEC headers and iXBRL facts. */
class SecEdgarSharedDataTest {
    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void fullSubmissionsMatchTheirSecHeaders() throws IOException {
        Path dir = secEdgar();
        JsonNode expected = Json.MAPPER.readTree(dir.resolve("expected/filings-header.json").toFile());
        int checked = 0;
        for (JsonNode filing : expected) {
            String accession = filing.path("accession").asText();
            Path txt = dir.resolve("filings").resolve(accession).resolve(accession + ".txt");
            if (!Files.exists(txt)) {
                continue;
            }
            Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/plain", Files.readAllBytes(txt),
                    null));
            Filing f = e.filing();
            assertThat(f.accessionNumber()).isEqualTo(accession);
            assertThat(f.form()).isEqualTo(filing.path("form").asText());
            assertThat(f.cik()).isEqualTo(filing.path("cik").asText());
            assertThat(f.company()).isEqualTo(filing.path("company_conformed_name").asText());
            assertThat(f.filedAt()).isEqualTo(LocalDate.parse(filing.path("filed_as_of_date").asText(),
                    DateTimeFormatter.BASIC_ISO_DATE));
            String accepted = filing.path("acceptance_datetime").asText("");
            if (!accepted.isEmpty()) {
                assertThat(f.acceptedAt()).isEqualTo(java.time.LocalDateTime.parse(accepted,
                        DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atZone(java.time.ZoneId.of("America/New_York"))
                        .toInstant());
            }
            if (f.form().startsWith("8-K")) {
                assertThat(f.items()).as(accession).hasSize(filing.path("item_information").size());
                assertThat(f.sections()).as(accession).isNotEmpty();
                boolean hasExhibit99 = false;
                for (JsonNode doc : filing.path("documents")) {
                    hasExhibit99 |= doc.path("type").asText().startsWith("EX-99");
                }
                assertThat(f.sections().stream().anyMatch(s -> s.item().startsWith("EX-99")))
                        .as(accession + " EX-99 section").isEqualTo(hasExhibit99);
            }
            assertThat(e.text()).doesNotContain("<DOCUMENT>", "</TEXT>", "ix:nonfraction");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void numericInlineXbrlFactsMatchTheFilersTags() throws IOException {
        Path dir = secEdgar();
        List<Path> truths;
        try (Stream<Path> walk = Files.walk(dir)) {
            truths = walk.filter(p -> p.toString().endsWith(".ixfacts.json")).sorted().toList();
        }
        int compared = 0;
        for (Path truth : truths) {
            Path html = Path.of(truth.toString().replaceFirst("\\.ixfacts\\.json$", ""));
            Path gz = Path.of(html + ".gz");
            byte[] body = Files.exists(html) ? Files.readAllBytes(html) : Files.exists(gz) ? gunzip(gz) : null;
            if (body == null) {
                continue;
            }
            Map<String, Integer> expected = new HashMap<>();
            for (JsonNode fact : Json.MAPPER.readTree(truth.toFile())) {
                if (fact.path("kind").asText().equals("nonFraction")) {
                    expected.merge(key(fact.path("name").asText(), value(fact)), 1, Integer::sum);
                }
            }
            Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/html", body, null));
            Map<String, Integer> actual = new HashMap<>();
            for (XbrlFact fact : e.filing().facts()) {
                actual.merge(key(fact.name(), fact.value()), 1, Integer::sum);
                assertThat(e.text().substring(fact.start(), fact.end())).as(truth + " " + fact)
                        .isEqualTo(fact.text().replaceAll("\\s+", " "));
            }
            // Facts hidden in ix:header have no place in the text; every visible one is found with its value.
            int found = 0;
            for (Map.Entry<String, Integer> entry : actual.entrySet()) {
                assertThat(expected).as(truth + ": " + entry.getKey()).containsKey(entry.getKey());
                found += Math.min(entry.getValue(), expected.get(entry.getKey()));
            }
            int total = expected.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(found).as(truth.toString()).isGreaterThanOrEqualTo((int) (total * 0.95));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    private static String key(String name, BigDecimal value) {
        return name + "=" + (value == null ? "null" : value.stripTrailingZeros().toPlainString());
    }

    private static BigDecimal value(JsonNode fact) {
        String text = fact.path("text").asText();
        int scale = fact.path("scale").asInt(0);
        return InlineXbrl.value(text, fact.path("format").asText(""), scale,
                "-".equals(fact.path("sign").asText(null)));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static Path secEdgar() {
        Path testdata = Fixtures.sharedTestdata();
        assumeThat(testdata).as("shared test data (../shared/testdata) is not in this checkout").isNotNull();
        Path dir = testdata.resolve("sec-edgar");
        assumeThat(Files.isDirectory(dir.resolve("expected"))).as("sec-edgar is missing from the shared test data")
                .isTrue();
        return dir;
    }
}
