package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;

class IndexViewsTest {
    private final Fixtures fixtures = new Fixtures("127.0.0.1:1", "views-1");

    @Test
    void documentsGetATimestampTheirPartiesAndASource() {
        var corpus = fixtures.corpus();
        ObjectNode partnership = IndexViews.document(corpus.partnership());
        assertThat(partnership.path("@timestamp").asText()).isEqualTo("2026-02-01T08:00:00Z");
        assertThat(partnership.path("companies").toString()).contains(fixtures.lumen.name(), fixtures.orbital.name());
        assertThat(partnership.path("tickers").toString()).contains(fixtures.lumen.ticker(), fixtures.orbital.ticker());
        assertThat(partnership.path("ciks").toString()).contains(fixtures.lumen.cik());
        assertThat(partnership.path("announcementTypes").path(0).asText()).isEqualTo("PARTNERSHIP");
        assertThat(partnership.path("amountsUsd").path(0).decimalValue()).isEqualByComparingTo("54000000");
        assertThat(partnership.path("source").asText()).isEqualTo("techwire.example");
        // Nested announcements keep both currencies.
        assertThat(partnership.path("announcements").path(0).path("amount").path("currency").asText()).isEqualTo("EUR");

        EnrichedDocument noSite = new EnrichedDocument(1, "url-x", DocumentKind.NEWS, "feeds", "https://www.example.org/a",
                "t", "x", null, Instant.parse("2026-03-01T00:00:00Z"), null, null, null, null, null, null, null, null,
                null, null);
        assertThat(IndexViews.source(noSite)).isEqualTo("example.org");
        assertThat(IndexViews.document(noSite).path("@timestamp").asText()).as("fetchedAt when never published")
                .isEqualTo("2026-03-01T00:00:00Z");
        EnrichedDocument noUrl = new EnrichedDocument(1, "sha-x", DocumentKind.NEWS, "replay", null, "t", "x", null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(IndexViews.source(noUrl)).isEqualTo("replay");
        assertThat(IndexViews.document(noUrl).has("@timestamp")).isFalse();
    }

    @Test
    void announcementsStoriesAndAlertsLiftWhatAnalystsFacetOn() {
        var corpus = fixtures.corpus();
        Announcement partnership = corpus.partnership().announcements().get(0);
        ObjectNode announcement = IndexViews.announcement(partnership);
        assertThat(announcement.path("companyIds").toString()).contains(fixtures.lumen.id(), fixtures.orbital.id());
        assertThat(announcement.path("amount").path("usd").decimalValue()).isEqualByComparingTo("54000000");

        Story story = fixtures.story("s-1", "Story", List.of(corpus.investment(), corpus.model()),
                List.of(fixtures.orbital), List.of(AnnouncementType.INVESTMENT),
                List.of(Money.usd(new BigDecimal("5")), new Money(new BigDecimal("7"), "EUR", new BigDecimal("8"))));
        ObjectNode view = IndexViews.story(story);
        assertThat(view.path("sourceCount").asInt()).isEqualTo(2);
        assertThat(view.path("maxAmountUsd").decimalValue()).isEqualByComparingTo("8");
        assertThat(view.path("companyNames").path(0).asText()).isEqualTo(fixtures.orbital.name());
        assertThat(view.path("sites").toString()).contains("techwire.example", "devchronicle.example");
        assertThat(view.path("@timestamp").asText()).isEqualTo("2026-03-11T14:00:00Z");

        ObjectNode alert = IndexViews.alert(fixtures.alert("rule-1", partnership, "s-1",
                Instant.parse("2026-03-13T00:00:00Z")));
        assertThat(alert.path("type").asText()).isEqualTo("PARTNERSHIP");
        assertThat(alert.path("@timestamp").asText()).isEqualTo("2026-03-13T00:00:00Z");
        assertThat(alert.path("tickers").toString()).contains(fixtures.lumen.ticker());
    }
}
