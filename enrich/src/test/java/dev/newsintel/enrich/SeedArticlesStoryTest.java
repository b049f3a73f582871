package dev.newsintel.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;

/**
 * The four seed articles (four outlets' versions of NVIDIA's $26 billion announcement, in ../shared/testdata)
 * through the real enrichment and the topology: one story. Needs the announcements the extraction finds.
 */
class SeedArticlesStoryTest {
    @TempDir
    Path stateDir;

    @Test
    void theFourSeedArticlesAreOneStory() throws IOException {
        Path folder = Path.of(System.getProperty("newsintel.shared.testdata", "../shared/testdata"), "seed-articles");
        assumeTrue(Files.isDirectory(folder), "Needs " + folder + " (the shared test data), which is missing");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(4);
        Clock clock = Clock.fixed(Instant.parse("2026-03-13T00:00:00Z"), ZoneOffset.UTC);
        DocumentEnricher enricher = new DocumentEnricher(clock);
        List<RawDocument> raws = files.stream().map(file -> {
            try {
                // Published within a day of each other, as the four outlets were; the files carry no dates.
                int n = files.indexOf(file);
                return RawDocument.of("seed-" + n, DocumentKind.NEWS, "seed", "https://outlet" + n + ".example/",
                        "text/plain", clock.instant(), Instant.parse("2026-03-12T00:00:00Z").plus(Duration.ofHours(5L * n)),
                        Map.of(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assumeTrue(raws.stream().allMatch(raw -> !enricher.enrich(raw).announcements().isEmpty()),
                "The enrichment finds no announcements in the seed articles yet: story grouping by facts needs them");

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "seed-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(enricher::enrich, EnrichTopology.Options.defaults(clock)), props)) {
            var in = driver.createInputTopic(Topics.RAW_NEWS.name(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            var out = driver.createOutputTopic(Topics.ENRICHED_DOCUMENTS.name(), Serdes.String().deserializer(),
                    EventSerdes.enrichedDocument().deserializer());
            raws.forEach(raw -> in.pipeInput(raw.id(), Json.toBytes(raw)));
            assertThat(out.readValuesToList()).extracting(EnrichedDocument::storyId).hasSize(4)
                    .containsOnly("seed-0");
        }
    }
}
