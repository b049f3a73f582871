package dev.newsintel.enrich;

import static dev.newsintel.enrich.Fixtures.news;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.enrich.stories.MinHash;
import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.events.AiModel;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Money;

/**
 * Reports without facts that share boilerplate (an outlet's standard paragraphs, a disclaimer) are different
 * stories, each with its own alert; only word-for-word copies share a story through their text. Found by the
 * pipeline fault tests: a one-value text anchor merged such reports and their alerts were never raised.
 */
class UnrelatedReportsTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-11T14:05:00Z");
    static final String BOILERPLATE = """
            About the newsroom: our reporters cover technology companies, markets and policy from offices in San \
            Francisco, New York, London and Singapore. Stories are checked by at least two editors before they are \
            published, and corrections are listed on a dedicated page. This report may be updated as more \
            information becomes available; readers can write to the desk with tips, documents and questions. \
            Subscribers receive the morning briefing, the weekly markets letter and access to the archive of past \
            coverage, including interviews, analysis and data on the companies we follow most closely.""";

    @TempDir
    Path stateDir;
    Fixtures enrichment;
    TopologyHarness topology;

    @BeforeEach
    void start() {
        enrichment = new Fixtures();
        topology = new TopologyHarness(enrichment, TopologyHarness.options(
                new StoriesTopologyTest.MutableClock(Instant.parse("2026-03-12T00:00:00Z")), "desk"), stateDir);
        topology.rule(AlertsTopologyTest.rule("desk", List.of(), List.of(), null, List.of("newsroom")));
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void reportsSharingBoilerplateAreSeparateStoriesEachWithItsAlert() {
        String[] reports = sameFirstMinHash();
        topology.pipe(news("first", T0, "desk.example", "First", reports[0]));
        topology.pipe(news("second", T0.plusSeconds(600), "desk.example", "Second", reports[1]));
        topology.pipe(news("copy", T0.plusSeconds(900), "mirror.example", "First again", reports[0]));

        assertThat(topology.storyOf("first")).isEqualTo("first");
        assertThat(topology.storyOf("second")).isEqualTo("second");
        assertThat(topology.storyOf("copy")).as("a word-for-word copy joins its original").isEqualTo("first");
        assertThat(topology.alertsOf("desk")).extracting(r -> r.value().storyId())
                .containsExactlyInAnyOrder("first", "second");
    }

    /** An 8-K's cover page: the same words in every filer's 8-K. */
    static final String COVER = """
            UNITED STATES SECURITIES AND EXCHANGE COMMISSION Washington, D.C. 20549 FORM 8-K CURRENT REPORT Pursuant \
            to Section 13 or 15(d) of the Securities Exchange Act of 1934. Check the appropriate box below if the Form \
            8-K filing is intended to simultaneously satisfy the filing obligation of the registrant under any of the \
            following provisions: Written communications pursuant to Rule 425 under the Securities Act (17 CFR \
            230.425); Soliciting material pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12); \
            Pre-commencement communications pursuant to Rule 14d-2(b) under the Exchange Act (17 CFR 240.14d-2(b)); \
            Pre-commencement communications pursuant to Rule 13e-4(c) under the Exchange Act (17 CFR 240.13e-4(c)). \
            Indicate by check mark whether the registrant is an emerging growth company as defined in Rule 405 of the \
            Securities Act of 1933 or Rule 12b-2 of the Securities Exchange Act of 1934. Emerging growth company. If \
            an emerging growth company, indicate by check mark if the registrant has elected not to use the extended \
            transition period for complying with any new or revised financial accounting standards provided pursuant \
            to Section 13(a) of the Exchange Act.""";

    @Test
    void shortEightKsOfDifferentFilersAreSeparateStoriesEachWithItsAlert() {
        shortEightKsOfTwoFilers("0000000001", "0000000002");
    }

    @Test
    void shortEightKsReadWithoutEdgarsMetadataAreScopedByTheRegistrantOnTheirCover() {
        // A replayed folder: no CIK, only the name the cover page prints (FilingExtractor.registrantOnCover).
        shortEightKsOfTwoFilers(null, null);
    }

    private void shortEightKsOfTwoFilers(String firstCik, String secondCik) {
        String first = COVER + " Item 5.02. On March 10 the Board of Directors of Orbital Systems appointed Dana"
                + " Okafor as Chief Financial Officer. Item 9.01. Exhibits.";
        String second = COVER + " Item 5.02. On March 10 the Board of Directors of Lumen Robotics appointed Kenji"
                + " Tanaka as Chief Financial Officer. Item 9.01. Exhibits.";
        String amendment = first + " This amendment corrects the date of the appointment.";
        // Near-duplicates by their words alone: without the filer scope they share the bands of one text.
        assertThat(similarity(first, second)).isGreaterThan(0.7);

        file("0000000001-26-000001/a.htm", filing(firstCik, "ORBITAL SYSTEMS INC", "8-K"), T0, first);
        file("0000000002-26-000001/b.htm", filing(secondCik, "LUMEN ROBOTICS INC", "8-K"), T0.plusSeconds(300),
                second);
        file("0000000001-26-000002/a.htm", filing(firstCik, "ORBITAL SYSTEMS INC", "8-K/A"),
                T0.plusSeconds(900), amendment);

        assertThat(topology.storyOf("0000000002-26-000001/b.htm")).isEqualTo("0000000002-26-000001/b.htm");
        assertThat(topology.latestStories.get("0000000002-26-000001/b.htm").companies()).extracting(EntityRef::name)
                .as("a filer named only by its cover is left to the announcements, which link it by that name")
                .isEqualTo(secondCik == null ? List.of() : List.of("LUMEN ROBOTICS INC"));
        assertThat(topology.storyOf("0000000001-26-000002/a.htm")).as("the filer's own amendment is its story")
                .isEqualTo("0000000001-26-000001/a.htm");
        assertThat(topology.alertsOf(dev.newsintel.enrich.alerts.BuiltInRules.MATERIAL_EVENTS))
                .extracting(r -> r.value().storyId())
                .containsExactlyInAnyOrder("0000000001-26-000001/a.htm", "0000000002-26-000001/b.htm");
    }

    @Test
    void eightKsOfOneFilerAreSeparateStoriesUnlessOneAmendsTheOther() {
        String first = COVER + " Item 8.01. Other Events. On March 10 Orbital Systems announced the availability of"
                + " Helios 4, a satellite router, in 12 countries. Item 9.01. Exhibits. 99.1 Press release.";
        String second = COVER + " Item 8.01. Other Events. On March 12 Orbital Systems announced the availability of"
                + " Vega 7, a ground sensor, in 30 countries. Item 9.01. Exhibits. 99.1 Press release.";
        String amendment = second + " This amendment corrects the number of countries.";
        assertThat(similarity(first, second)).as("near-duplicates by their boilerplate").isGreaterThan(0.7);
        // What the filer's item says and nothing more: one company and a type, the same for both reports.
        EntityRef orbital = new EntityRef("cik:0000000001",
                "ORBITAL SYSTEMS INC", "0000000001", null);
        for (String id : List.of("0000000001-26-000001/a.htm", "0000000001-26-000002/a.htm",
                "0000000001-26-000003/a.htm")) {
            enrichment.reports(id, Fixtures.announcement(AnnouncementType.MATERIAL_EVENT,
                    orbital, null, null, COVER.length() + 1, "Item 8.01. Other Events."));
        }
        file("0000000001-26-000001/a.htm", filing("0000000001", "ORBITAL SYSTEMS INC", "8-K"), T0, first);
        file("0000000001-26-000002/a.htm", filing("0000000001", "ORBITAL SYSTEMS INC", "8-K"), T0.plusSeconds(600),
                second);
        file("0000000001-26-000003/a.htm", filing("0000000001", "ORBITAL SYSTEMS INC", "8-K/A"),
                T0.plusSeconds(900), amendment);

        assertThat(topology.storyOf("0000000001-26-000002/a.htm")).as("another report of the same filer")
                .isEqualTo("0000000001-26-000002/a.htm");
        assertThat(topology.storyOf("0000000001-26-000003/a.htm")).as("the amendment joins what it amends")
                .isEqualTo("0000000001-26-000002/a.htm");
        assertThat(topology.alertsOf(dev.newsintel.enrich.alerts.BuiltInRules.MATERIAL_EVENTS))
                .extracting(r -> r.value().storyId())
                .containsExactlyInAnyOrder("0000000001-26-000001/a.htm", "0000000001-26-000002/a.htm");
    }

    @Test
    void aCompanyAndATypeAloneDoNotMakeTwoReportsOneStory() {
        EntityRef apple = EntityRef.company("Apple", "0000320193", "AAPL");
        enrichment.reports("watch", Fixtures.announcement(AnnouncementType.PRODUCT_LAUNCH, apple,
                null, null, 0, "Apple launched a new watch"));
        enrichment.reports("laptop", Fixtures.announcement(AnnouncementType.PRODUCT_LAUNCH,
                apple, null, null, 0, "Apple launched a new laptop"));
        topology.pipe(news("watch", T0, "desk.example", "Apple launched a new watch", "Apple launched a new watch"
                + " with a brighter screen and a battery that lasts two days, available in stores from Friday in"
                + " eleven colours and two sizes, priced below the model it replaces."));
        topology.pipe(news("laptop", T0.plusSeconds(3600), "other.example", "Apple launched a new laptop",
                "Apple launched a new laptop built around its latest chip, thinner than last year's and shipping"
                        + " next month to business customers first, with a keyboard redesigned after complaints."));

        assertThat(topology.storyOf("watch")).isEqualTo("watch");
        assertThat(topology.storyOf("laptop")).isEqualTo("laptop");
    }

    @Test
    void aQuartersRevenueAndAnInvestmentOfTheSameAmountAreTwoStoriesButAnInvestmentAndAFundingRoundAreOne() {
        EntityRef bank = EntityRef.company("CREDIT AGRICOLE S A", "0001279967", "CRARY");
        Money amount = Money.usd(new java.math.BigDecimal("9700000000"));
        enrichment.reports("results", Fixtures.announcement(AnnouncementType.EARNINGS, bank, amount, null, 0,
                "Revenue for the quarter was $9.7 billion."));
        enrichment.reports("plan", Fixtures.announcement(AnnouncementType.INVESTMENT, bank, amount, null, 0,
                "Credit Agricole said it will invest $9.7 billion in robotics research."));
        enrichment.reports("round", Fixtures.announcement(AnnouncementType.FUNDING_ROUND, bank, amount, null, 0,
                "Credit Agricole raised $9.7 billion for robotics research."));
        topology.pipe(news("results", T0, "desk.example", "Revenue for the quarter", "Revenue for the quarter was"
                + " $9.7 billion, up four per cent, as lending to companies recovered and fees from asset management"
                + " rose for the third quarter in a row."));
        topology.pipe(news("plan", T0.plusSeconds(2700), "other.example", "A $9.7 billion plan", "Credit Agricole"
                + " said it will invest $9.7 billion in robotics research over the next three years, with new"
                + " laboratories in Lyon and Toulouse and grants for university teams."));
        topology.pipe(news("round", T0.plusSeconds(3600), "third.example", "A $9.7 billion round", "Credit"
                + " Agricole raised $9.7 billion for robotics research from a group of pension funds, which will"
                + " hold shares in a new research company it controls."));

        assertThat(topology.storyOf("results")).isEqualTo("results");
        assertThat(topology.storyOf("plan")).as("no deal: its revenue").isEqualTo("plan");
        assertThat(topology.storyOf("round")).as("one deal, whatever an outlet calls it").isEqualTo("plan");
    }

    @Test
    void twoMakersReleasingProductsOfOneNameAreTwoStoriesAndAReportNamingNoMakerJoinsTheFirst() {
        EntityRef equinor = EntityRef.company("Equinor", "0001140625", "EQNR");
        EntityRef tokyoElectron = EntityRef.company("Tokyo Electron", null, "TOELY");
        AiModel halo = new AiModel("Halo 3", null, null, null, null, List.of());
        enrichment.reports("switch", Fixtures.modelRelease(equinor, halo, 0,
                "Equinor unveiled Halo 3 on Wednesday, its newest data center switch."));
        enrichment.reports("assistant", Fixtures.modelRelease(tokyoElectron, halo, 0,
                "Tokyo Electron said on Tuesday it is introducing Halo 3, a coding assistant."));
        enrichment.reports("brief", Fixtures.modelRelease(null, halo, 0,
                "Halo 3 was released this week."));
        topology.pipe(news("switch", T0, "desk.example", "Equinor unveils Halo 3", "Equinor unveiled Halo 3 on"
                + " Wednesday, its newest data center switch, built for the operator's offshore control rooms and"
                + " shipping to its own sites first before other energy companies can order it next year."));
        topology.pipe(news("assistant", T0.plusSeconds(3600), "other.example", "Tokyo Electron introduces Halo 3",
                "Tokyo Electron said on Tuesday it is introducing Halo 3, a coding assistant for the engineers who"
                        + " write the control software of its wafer equipment, trained on decades of internal code."));
        topology.pipe(news("brief", T0.plusSeconds(7200), "brief.example", "Halo 3 is out",
                "Halo 3 was released this week, according to a short note that did not say who makes it."));

        assertThat(topology.storyOf("switch")).isEqualTo("switch");
        assertThat(topology.storyOf("assistant")).as("another maker's product of the same name").isEqualTo("assistant");
        assertThat(topology.storyOf("brief")).as("a report naming the model alone").isEqualTo("switch");
    }

    /** The MinHash estimate of two texts' similarity, with the default story settings. */
    private static double similarity(String a, String b) {
        MinHash minHash = MinHash.of(StoryConfig.defaults());
        return MinHash.similarity(minHash.signature(minHash.shingles(a)), minHash.signature(minHash.shingles(b)));
    }

    /** Files {@code text} as document {@code id} of {@code filing} and pipes it in, published at {@code at}. */
    private void file(String id, Filing filing, Instant at, String text) {
        enrichment.filing(id, filing);
        topology.pipe(Fixtures.filing(id, at, text));
    }

    private static Filing filing(String cik, String company, String form) {
        return new Filing(cik, company, null, form, null, null, null, List.of("5.02", "9.01"),
                List.of(), List.of(), null);
    }

    /**
     * Two reports, each its own 80-word account then the boilerplate (about a third of their words, so they are not
     * near-duplicates: their similarity is well under the 0.5 the bands look for), whose first MinHash values are
     * equal: searched for among reports written from a fixed seed.
     */
    private static String[] sameFirstMinHash() {
        MinHash minHash = MinHash.of(StoryConfig.defaults());
        String[] vocabulary = ("company plant region line center arm satellite router sensor compiler engine app desk "
                + "opened delayed expanded sold rebuilt inspected closed upgraded ohio texas osaka lyon pune leeds "
                + "porto busan quebec perth said week month quarter workers engineers orders revenue costs prices "
                + "suppliers customers contract deal talks plan board vote court ruling shares bonds loans rates "
                + "growth demand output capacity shipments exports imports factory warehouse fleet network").split(" ");
        java.util.Random random = new java.util.Random(2026);
        Map<Long, String> seen = new HashMap<>();
        for (int attempt = 0; attempt < 5_000; attempt++) {
            StringBuilder report = new StringBuilder();
            for (int w = 0; w < 80; w++) {
                report.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            report.append(BOILERPLATE);
            long[] signature = minHash.signature(minHash.shingles(report.toString()));
            String earlier = seen.putIfAbsent(signature[0], report.toString());
            if (earlier != null && MinHash.similarity(signature,
                    minHash.signature(minHash.shingles(earlier))) < 0.45) {
                return new String[] {earlier, report.toString()};
            }
        }
        throw new AssertionError("No two reports share a first MinHash value");
    }
}
