package dev.newsintel.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.enrich.DocumentEnricher;
import dev.newsintel.enrich.EnrichTopology;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.Topics;

/**
 * The composer's stories are the ground truth the fault tests and the benchmark judge the pipeline by: copies of one
 * story must share one story id, and two stories must never share one. Here the real extraction and the real
 * topology group many small corpora written the way {@code PipelineFaultTest} writes them, one after the other
 * into one topology, as its scenarios go into one running enrich application.
 *
 * <p>Found by the fault tests: two 8-Ks of one filer under the same items are near-duplicates by their boilerplate
 * and were one story (and one alert); so were two of a filer's reports that said no more than "an Item 1.01
 * agreement".
 */
class ComposedStoriesTopologyTest {
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private static final int CORPORA = 40;
    private static final int DOCUMENTS = 80;

    @TempDir
    Path stateDir;

    @Test
    void copiesOfAComposedStoryShareOneStoryAndNoTwoComposedStoriesShareOne() throws Exception {
        Clock clock = Clock.fixed(START.plus(Duration.ofHours(6)), ZoneOffset.UTC);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "composed-stories");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        Map<String, String> composedStoryOf = new HashMap<>();
        Map<String, String> storyOf = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(new DocumentEnricher(clock), clock), props, START)) {
            var string = Serdes.String();
            TestInputTopic<String, byte[]> news = driver.createInputTopic(Topics.RAW_NEWS.name(), string.serializer(),
                    Serdes.ByteArray().serializer());
            TestInputTopic<String, byte[]> filings = driver.createInputTopic(Topics.RAW_FILINGS.name(),
                    string.serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, EnrichedDocument> enriched = driver.createOutputTopic(
                    Topics.ENRICHED_DOCUMENTS.name(), string.deserializer(),
                    EventSerdes.enrichedDocument().deserializer());
            for (int corpus = 0; corpus < CORPORA; corpus++) {
                String marker = "scenario" + corpus + "x" + (23_369_000 + 17 * corpus);
                // As PipelineFaultTest composes: each scenario two hours of publications, a week before the last
                // scenario's, beyond the story window: scenarios never tell each other's stories.
                Instant scenarioStart = START.minus(Duration.ofDays(7L * corpus));
                CorpusComposer composer = new CorpusComposer(CorpusComposer.Settings
                        .defaults(marker.hashCode(), marker)
                        .withFirstPublished(scenarioStart.minus(Duration.ofHours(2)), Duration.ofSeconds(60))
                        .withShares(0.1, 1.0, 3).withMaxCopyGap(10).withMarker(marker));
                for (int i = 0; i < DOCUMENTS; i++) {
                    CorpusComposer.Composed c = composer.compose(scenarioStart);
                    composedStoryOf.put(c.document().id(), corpus + "/" + c.story());
                    (c.document().kind() == DocumentKind.FILING ? filings : news)
                            .pipeInput(c.document().id(), Json.toBytes(c.document()), scenarioStart);
                }
                enriched.readRecordsToList().forEach(r -> storyOf.put(r.key(), r.value().storyId()));
            }
        }

        assertThat(storyOf.keySet()).containsExactlyInAnyOrderElementsOf(composedStoryOf.keySet());
        Map<String, Set<String>> assignedByComposed = new HashMap<>();
        Map<String, Set<String>> composedByAssigned = new HashMap<>();
        storyOf.forEach((document, story) -> {
            String composed = composedStoryOf.get(document);
            assignedByComposed.computeIfAbsent(composed, k -> new HashSet<>()).add(story);
            composedByAssigned.computeIfAbsent(story, k -> new HashSet<>()).add(composed);
        });
        List<String> split = new ArrayList<>();
        assignedByComposed.forEach((composed, stories) -> {
            if (stories.size() > 1) {
                split.add(composed + " -> " + stories);
            }
        });
        List<String> merged = new ArrayList<>();
        composedByAssigned.forEach((story, composed) -> {
            if (composed.size() > 1) {
                merged.add(story + " <- " + composed);
            }
        });
        assertThat(split).as("composed stories split over several stories").isEmpty();
        assertThat(merged).as("stories holding several composed stories").isEmpty();
        assertThat(assignedByComposed.size()).as("stories told").isGreaterThan(CORPORA * DOCUMENTS / 3);
    }
}
