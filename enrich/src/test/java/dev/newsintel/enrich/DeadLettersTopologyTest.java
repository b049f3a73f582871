package dev.newsintel.enrich;

import static dev.newsintel.enrich.Fixtures.news;
import static dev.newsintel.enrich.StoriesTopologyTest.EXPLAINER;
import static dev.newsintel.enrich.StoriesTopologyTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.Topics;

/** Records that cannot be parsed or enriched go to the dead-letter topic, and the stream goes on. */
class DeadLettersTopologyTest {
    @TempDir
    Path stateDir;

    @Test
    void poisonRecordsAreDeadLetteredAndCountedAndTheStreamGoesOn() {
        Fixtures enrichment = new Fixtures();
        enrichment.failOn("unreadable");
        Instant now = Instant.parse("2026-03-12T00:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(enrichment,
                TopologyHarness.options(new StoriesTopologyTest.MutableClock(now)), stateDir)) {
            topology.pipeBytes("not-json", "<html>not a raw document".getBytes(StandardCharsets.UTF_8));
            topology.pipeBytes("no-id", "{\"kind\":\"NEWS\",\"sourceId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            topology.pipeBytes("empty", null);
            topology.pipe(news("unreadable", T0, "a.example", "Unreadable", EXPLAINER));
            topology.pipe(news("fine", T0, "a.example", "Fine", EXPLAINER));

            assertThat(topology.deadLetters).extracting(DeadLetter::key, DeadLetter::stage)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("not-json", "enrich.parse"),
                            org.assertj.core.groups.Tuple.tuple("no-id", "enrich.parse"),
                            org.assertj.core.groups.Tuple.tuple("empty", "enrich.parse"),
                            org.assertj.core.groups.Tuple.tuple("unreadable", "enrich.extract"));
            DeadLetter notJson = topology.deadLetters.get(0);
            assertThat(notJson.sourceTopic()).isEqualTo(Topics.RAW_NEWS.name());
            assertThat(notJson.offset()).isEqualTo(0);
            assertThat(notJson.error()).startsWith("Not a valid RawDocument");
            assertThat(new String(notJson.value(), StandardCharsets.UTF_8)).isEqualTo("<html>not a raw document");
            assertThat(notJson.failedAt()).isEqualTo(now);
            assertThat(topology.deadLetters.get(1).error()).contains("RawDocument.id");
            assertThat(topology.deadLetters.get(3).error()).isEqualTo("Cannot read unreadable: test failure");
            assertThat(topology.deadLetters.get(3).errorClass()).isEqualTo(EnrichmentException.class.getName());
            assertThat(topology.metrics.deadLetters()).isEqualTo(4);

            assertThat(topology.storyOf("fine")).isEqualTo("fine");
            assertThat(topology.documents).extracting(r -> r.key()).containsExactly("fine");
        }
    }

    @Test
    void aDeadLetterTooLargeForItsTopicKeepsTheStartOfTheRecordAndSaysWhereTheRest() {
        byte[] huge = new byte[DeadLetters.MAX_VALUE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        DeadLetter letter = DeadLetters.of("enrich.parse", Topics.RAW_NEWS.name(), 2, 42, "k",
                new IllegalArgumentException("bad"), huge, Instant.EPOCH);
        assertThat(letter.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
        assertThat(letter.error()).contains("bad (value cut to its first").contains("newsintel.raw.news/2@42");
        assertThat(dev.newsintel.events.Json.toBytes(letter).length).isLessThan(Topics.MAX_MESSAGE_BYTES);
    }
}
