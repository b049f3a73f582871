package dev.newsintel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private static final Instant T = Instant.parse("2026-03-11T14:00:00Z");

    @Test
    void rawDocumentRoundTripsItsOriginalBytes() {
        byte[] body = "<html><body>caf\u00e9 \u20ac1.2 million</body></html>".getBytes(StandardCharsets.UTF_8);
        RawDocument doc = RawDocument.of("url-1", DocumentKind.NEWS, "replay", "https://example.com/a", "text/html",
                T, T, Map.of("feed", "example"), body);
        JsonSerde<RawDocument> serde = EventSerdes.rawDocument();

        RawDocument back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", doc));

        assertThat(back).isEqualTo(doc);
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.schemaVersion()).isEqualTo(RawDocument.SCHEMA_VERSION);
    }

    @Test
    void announcementKeepsExactAmountsAndModelFacts() {
        Announcement a = new Announcement(0, "a1", AnnouncementType.MODEL_RELEASE, "doc-1",
                EntityRef.company("NVIDIA CORP", "0001045810", "NVDA"),
                new Money(new BigDecimal("26000000000"), "USD", new BigDecimal("26000000000")), "P5Y", null, null,
                new AiModel("Nemotron 3 Super", 128_000_000_000L, 12_000_000_000L, 1_000_000L, true, List.of("text")),
                null, new Evidence("Nemotron 3 Super has 128B parameters.", 10, 47), 0.9, T, null, null, null, null);

        String json = Json.toString(a);
        Announcement back = Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), Announcement.class);

        assertThat(back).isEqualTo(a);
        assertThat(json).contains("\"value\":26000000000").contains("\"publishedAt\":\"2026-03-11T14:00:00Z\"")
                .doesNotContain("\"target\"");
        assertThat(back.company().id()).isEqualTo("cik:0001045810");
    }

    @Test
    void unknownFieldsFromNewerWritersAreIgnored() {
        String json = "{\"schemaVersion\":1,\"id\":\"s1\",\"title\":\"t\",\"addedLater\":{\"x\":1}}";
        Story story = Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), Story.class);
        assertThat(story.id()).isEqualTo("s1");
        assertThat(story.sources()).isEmpty();
    }

    @Test
    void malformedBytesFailWithTheReason() {
        JsonSerde<EnrichedDocument> serde = EventSerdes.enrichedDocument();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("Not a valid EnrichedDocument");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"kind\":\"NEWS\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("EnrichedDocument.id must not be blank");
    }

    @Test
    void tombstonesStayNull() {
        JsonSerde<Subscription> serde = EventSerdes.subscription();
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void idsAreStableAndDistinct() {
        assertThat(Ids.forUrl("https://example.com/a")).isEqualTo(Ids.forUrl("https://example.com/a"))
                .isNotEqualTo(Ids.forUrl("https://example.com/b")).startsWith("url-").hasSize(36);
        assertThat(Ids.forFiling("0001045810-26-000024", "ex99-1.htm")).isEqualTo("0001045810-26-000024/ex99-1.htm");
        assertThat(Alert.idFor("r1", "s1")).isEqualTo(Alert.idFor("r1", "s1")).isNotEqualTo(Alert.idFor("r2", "s1"));
    }

    @Test
    void subscriptionIdsAreSafeTopicNameParts() {
        assertThatThrownBy(() -> new Subscription(0, "bad id/..", "n", null, null, null, null, null, null, T, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Subscription.id");
        assertThat(Topics.alertTopic("nvda-models").name()).isEqualTo("newsintel.alerts.nvda-models");
    }

    @Test
    void catalogHasUniqueNamesAndCompactedTablesWhereKeyedByIdentity() {
        assertThat(Topics.all()).extracting(TopicSpec::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith("newsintel."));
        assertThat(Topics.SUBSCRIPTIONS.compacted()).isTrue();
        assertThat(Topics.STORIES.compacted()).isTrue();
        assertThat(Topics.RAW_NEWS.configs()).containsEntry("retention.ms", "-1").containsEntry("compression.type", "zstd");
    }
}
