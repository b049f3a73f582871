package dev.newsintel.enrich;

import static dev.newsintel.enrich.Fixtures.NVIDIA;
import static dev.newsintel.enrich.Fixtures.NVIDIA_UNLINKED;
import static dev.newsintel.enrich.Fixtures.investment;
import static dev.newsintel.enrich.Fixtures.modelRelease;
import static dev.newsintel.enrich.Fixtures.news;
import static dev.newsintel.enrich.Fixtures.nemotron;
import static dev.newsintel.enrich.StoriesTopologyTest.ANALYSIS;
import static dev.newsintel.enrich.StoriesTopologyTest.EXPLAINER;
import static dev.newsintel.enrich.StoriesTopologyTest.MARKETPULSE;
import static dev.newsintel.enrich.StoriesTopologyTest.T0;
import static dev.newsintel.enrich.StoriesTopologyTest.TECHWIRE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.enrich.alerts.BuiltInRules;
import dev.newsintel.events.Alert;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Topics;

/** Rules from the subscriptions topic, built-in rules, one alert per story and rule, unroutable alerts. */
class AlertsTopologyTest {
    static final Instant NOW = Instant.parse("2026-03-12T00:00:00Z");

    @TempDir
    Path stateDir;
    Fixtures enrichment;
    TopologyHarness topology;

    @BeforeEach
    void start() {
        enrichment = new Fixtures();
        topology = new TopologyHarness(enrichment,
                TopologyHarness.options(new StoriesTopologyTest.MutableClock(NOW), "big-nvidia", "open-models"),
                stateDir);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    static Subscription rule(String id, List<String> companies, List<AnnouncementType> types, String minUsd,
                             List<String> terms) {
        return new Subscription(1, id, "rule " + id, companies, types, minUsd == null ? null : new BigDecimal(minUsd),
                null, null, terms, NOW, NOW);
    }

    @Test
    void oneAlertPerStoryAndRuleHoweverManyOutletsMatch() {
        topology.rule(rule("big-nvidia", List.of("NVDA"), List.of(AnnouncementType.INVESTMENT), "10000000000",
                List.of()));
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("marketpulse", investment(NVIDIA, "26000000000", 0, "Nvidia to spend $26bn"));
        enrichment.reports("analysis", investment(NVIDIA, "26000000000", 0, "NVIDIA drops $26B"));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        topology.pipe(news("marketpulse", T0.plusSeconds(60), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));
        topology.pipe(news("analysis", T0.plusSeconds(120), "analysis.example", "NVIDIA $26B", ANALYSIS));

        List<TestRecord<String, Alert>> ruleAlerts = topology.alertsOf("big-nvidia");
        assertThat(ruleAlerts).hasSize(1);
        TestRecord<String, Alert> record = ruleAlerts.get(0);
        Alert alert = record.value();
        assertThat(record.key()).isEqualTo("big-nvidia");
        assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(alert.id()).isEqualTo(Alert.idFor("big-nvidia", "techwire"));
        assertThat(alert.storyId()).isEqualTo("techwire");
        assertThat(alert.ruleName()).isEqualTo("rule big-nvidia");
        assertThat(alert.documentIds()).containsExactly("techwire");
        assertThat(alert.announcement().type()).isEqualTo(AnnouncementType.INVESTMENT);
        assertThat(alert.announcement().storyId()).isEqualTo("techwire");
        assertThat(alert.reasons()).containsExactly("company NVIDIA CORP (NVDA) CIK 0001045810", "type INVESTMENT",
                "amount 26000000000 USD >= 10000000000 USD");
        assertThat(alert.url()).isEqualTo("https://techwire.example/techwire");
        assertThat(alert.publishedAt()).isEqualTo(T0);

        // The built-in large-investments rule raised its one alert for the story too; both are on the firehose.
        assertThat(topology.alertsOf(BuiltInRules.LARGE_INVESTMENTS)).singleElement()
                .satisfies(r -> assertThat(r.value().storyId()).isEqualTo("techwire"));
        assertThat(topology.alerts).extracting(r -> r.value().ruleId())
                .containsExactlyInAnyOrder("big-nvidia", BuiltInRules.LARGE_INVESTMENTS);
        assertThat(topology.metrics.alerts()).isEqualTo(2);
    }

    @Test
    void rulesTakeEffectWhenCreatedChangedAndDeleted() {
        // No rule yet: nothing for "big-nvidia".
        enrichment.reports("e1", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        topology.pipe(news("e1", T0, "a.example", "one", TECHWIRE));
        assertThat(topology.alertsOf("big-nvidia")).isEmpty();

        // Created: the next document matches.
        topology.rule(rule("big-nvidia", List.of("nvidia"), List.of(), "10000000000", List.of()));
        enrichment.reports("e2", investment(NVIDIA_UNLINKED, "12000000000", 0, "Nvidia buys $12 billion of chips"));
        topology.pipe(news("e2", T0.plusSeconds(3600), "a.example", "two", MARKETPULSE));
        assertThat(topology.alertsOf("big-nvidia")).extracting(r -> r.value().storyId()).containsExactly("e2");

        // Changed to a higher threshold: a $15B event no longer matches, a $40B one does.
        topology.rule(rule("big-nvidia", List.of("nvidia"), List.of(), "20000000000", List.of()));
        enrichment.reports("e3", investment(NVIDIA_UNLINKED, "15000000000", 0, "Nvidia $15 billion"));
        enrichment.reports("e4", investment(NVIDIA_UNLINKED, "40000000000", 0, "Nvidia $40 billion"));
        topology.pipe(news("e3", T0.plusSeconds(7200), "a.example", "three", ANALYSIS));
        topology.pipe(news("e4", T0.plusSeconds(7300), "a.example", "four", EXPLAINER));
        assertThat(topology.alertsOf("big-nvidia")).extracting(r -> r.value().storyId()).containsExactly("e2", "e4");

        // Deleted: nothing more.
        topology.deleteRule("big-nvidia");
        enrichment.reports("e5", investment(NVIDIA_UNLINKED, "90000000000", 0, "Nvidia $90 billion"));
        topology.pipe(news("e5", T0.plusSeconds(9000), "a.example", "five", TECHWIRE + " five"));
        assertThat(topology.alertsOf("big-nvidia")).hasSize(2);
        assertThat(topology.alerts).filteredOn(r -> r.value().ruleId().equals("big-nvidia")).hasSize(2);
    }

    @Test
    void termsAndModelFactsMatchDocumentsAndModels() {
        Subscription openModels = new Subscription(1, "open-models", "Open models over 100B", List.of(), List.of(),
                null, 100_000_000_000L, true, List.of("open-weight"), NOW, NOW);
        topology.rule(openModels);
        enrichment.reports("techwire", modelRelease(NVIDIA, nemotron(), 0, "Nemotron 3 Super"));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits", TECHWIRE));
        // No "open-weight" in this text: the terms fail although the model facts match.
        enrichment.reports("explainer", modelRelease(NVIDIA, nemotron(), 0, "Nemotron 3 Super"));
        topology.pipe(news("explainer", T0.plus(Duration.ofDays(5)), "e.example", "Nemotron", EXPLAINER));

        assertThat(topology.alertsOf("open-models")).singleElement().satisfies(r -> {
            assertThat(r.value().storyId()).isEqualTo("techwire");
            assertThat(r.value().reasons()).containsExactly(
                    "model Nemotron 3 Super has 128000000000 parameters >= 100000000000",
                    "model Nemotron 3 Super has open weights", "term \"open-weight\"");
        });
        assertThat(topology.alertsOf(BuiltInRules.MODEL_RELEASES)).extracting(r -> r.value().storyId())
                .containsExactly("techwire", "explainer");
    }

    @Test
    void eightKMaterialEventsAlertFromTheFilingItems() {
        String text = "Item 5.02 Departure of Directors or Certain Officers. On March 10, 2026 the Board appointed"
                + " a new Chief Financial Officer of the Company, effective April 1, 2026. Item 9.01 Exhibits.";
        enrichment.filing("0001-26-000001/form8k.htm", new Filing("0000050863", "INTEL CORP", "INTC", "8-K",
                "0001-26-000001", null, null, List.of("5.02", "9.01"), List.of(), List.of(), null));
        enrichment.filing("0001-26-000002/form8k.htm", new Filing("0000050863", "INTEL CORP", "INTC", "8-K",
                "0001-26-000002", null, null, List.of("Item 7.01"), List.of(), List.of(), null));
        topology.pipe(Fixtures.filing("0001-26-000001/form8k.htm", T0, text));
        topology.pipe(Fixtures.filing("0001-26-000002/form8k.htm", T0.plus(Duration.ofDays(7)),
                "Item 7.01 Regulation FD Disclosure. The Company will present at a conference next week."));

        assertThat(topology.alertsOf(BuiltInRules.MATERIAL_EVENTS)).singleElement().satisfies(r -> {
            assertThat(r.value().storyId()).isEqualTo("0001-26-000001/form8k.htm");
            assertThat(r.value().announcement()).isNull();
            assertThat(r.value().reasons()).singleElement().asString().startsWith("8-K item 5.02: Departure");
        });
    }

    @Test
    void companyRulesMatchDocumentsNamingTheCompany() {
        topology.rule(rule("nvda-news", List.of("0001045810"), List.of(), null, List.of()));
        enrichment.reports("techwire", modelRelease(NVIDIA, nemotron(), 0, "Nemotron"));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA", TECHWIRE));
        topology.pipe(news("nothing", T0, "x.example", "Nothing", ANALYSIS));
        // The rule has no topic in this test's catalog: the alert is on the firehose and reported as a dead letter.
        assertThat(topology.alerts).filteredOn(r -> r.value().ruleId().equals("nvda-news")).singleElement()
                .satisfies(r -> assertThat(r.value().reasons()).containsExactly(
                        "company NVIDIA CORP (NVDA) CIK 0001045810"));
        assertThat(topology.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("enrich.alert-route");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.alertTopic("nvda-news").name());
            assertThat(letter.error()).contains("does not exist");
            assertThat(new String(letter.value())).contains("\"ruleId\":\"nvda-news\"");
        });
        assertThat(topology.metrics.deadLetters()).isEqualTo(1);
        assertThat(topology.driver.producedTopicNames()).doesNotContain(Topics.alertTopic("nvda-news").name());
    }

    @Test
    void invalidRulesAreIgnoredWithoutStoppingTheStream() {
        // A rule without criteria would alert on everything; a built-in id may not be taken; bytes that are no rule.
        topology.rule(new Subscription(1, "everything", "all", List.of(), List.of(), null, null, null, List.of(),
                NOW, NOW));
        topology.rule(rule(BuiltInRules.MODEL_RELEASES, List.of(), List.of(), null, List.of("nvidia")));
        topology.driver.createInputTopic(Topics.SUBSCRIPTIONS.name(),
                        org.apache.kafka.common.serialization.Serdes.String().serializer(),
                        org.apache.kafka.common.serialization.Serdes.ByteArray().serializer())
                .pipeInput("garbage", "{not json".getBytes());
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA", TECHWIRE));

        assertThat(topology.storyOf("techwire")).isEqualTo("techwire");
        assertThat(topology.alerts).isEmpty();
        assertThat(EntityRef.company("x", null, null).id()).isEqualTo("name:x");
    }
}
