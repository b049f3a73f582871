package dev.newsintel.enrich;

import static dev.newsintel.enrich.Fixtures.NVIDIA;
import static dev.newsintel.enrich.Fixtures.NVIDIA_UNLINKED;
import static dev.newsintel.enrich.Fixtures.investment;
import static dev.newsintel.enrich.Fixtures.modelRelease;
import static dev.newsintel.enrich.Fixtures.news;
import static dev.newsintel.enrich.Fixtures.nemotron;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.enrich.stories.StorySignals;
import dev.newsintel.events.AiModel;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Story;

/** Story grouping through the whole topology: facts, near-duplicates, the time window, re-processing. */
class StoriesTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-11T14:05:00Z");

    static final String TECHWIRE = """
            NVIDIA commits $26 billion to open-weight AI models over the next five years
            NVIDIA will spend $26 billion over five years building artificial intelligence models whose weights anyone \
            can download, the chipmaker disclosed in a regulatory filing on Wednesday. The first model of the programme, \
            Nemotron 3 Super, is available today with 128 billion parameters, of which 12 billion are active for each \
            token, and a context window of one million tokens. Executives said the money comes from the research budget \
            and will pay for compute, data and researchers. Analysts called it a bid to keep developers on NVIDIA \
            hardware as cloud providers design their own accelerators.""";
    static final String MARKETPULSE = """
            Nvidia to spend $26bn on open AI models in bid to lock in developers
            Nvidia plans to pour $26bn into freely downloadable artificial intelligence models over five years, the \
            company said, its boldest step beyond the graphics processors that made it a market heavyweight. Shares rose \
            almost three per cent in New York after the plan appeared in a filing with the Securities and Exchange \
            Commission. The sum is large even for Nvidia, though a fraction of the cash it now generates in a year, and \
            investors have been asking how it will defend its position as its largest customers build their own chips.""";
    static final String ANALYSIS = """
            NVIDIA drops $26B to train its own AI models
            The graphics chip leader announced a twenty-six billion dollar programme over five years in open-weight \
            models, a strategic turn from supplying hardware to building the software that runs on it. The logic is \
            defensive: strong open models from rival labs undercut the reason to buy premium accelerators unless the \
            best open models run best on this hardware. Expect model development, tooling and developer programmes to \
            take most of the budget, with the rest spread over data and evaluation.""";
    static final String EXPLAINER = """
            Nemotron 3 Super arrives as Nvidia opens its wallet
            Nvidia released Nemotron 3 Super, a mixture-of-experts language model with open weights, on the same day it \
            said it would invest $26 billion in open models over the coming five years. Developers can fetch the \
            weights, the training recipe and part of the fine-tuning data. A larger Ultra model is expected later this \
            year, and the company said it intends to keep releasing models for several years rather than ship one \
            flagship and move on.""";

    @TempDir
    Path stateDir;
    Fixtures enrichment;
    TopologyHarness topology;
    MutableClock clock;

    @BeforeEach
    void start() {
        enrichment = new Fixtures();
        clock = new MutableClock(Instant.parse("2026-03-12T00:00:00Z"));
        topology = new TopologyHarness(enrichment, TopologyHarness.options(clock), stateDir);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void fourOutletsReportingOneEventAreOneStory() {
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"),
                modelRelease(NVIDIA, nemotron(), 300, "Nemotron 3 Super, is available today"));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "26000000000", 0, "Nvidia to spend $26bn"));
        enrichment.reports("analysis", investment(EntityRef.company("NVIDIA", null, null), "26000000000", 0,
                "NVIDIA drops $26B"));
        // Its first announcement is the model release: a different anchor, joined through the story index.
        enrichment.reports("explainer", modelRelease(NVIDIA_UNLINKED, nemotron(), 0, "Nvidia released Nemotron 3"),
                investment(NVIDIA_UNLINKED, "26000000000", 120, "invest $26 billion"));

        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        topology.pipe(news("marketpulse", T0.plusSeconds(4 * 3600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));
        topology.pipe(news("analysis", T0.plus(Duration.ofDays(1)), "analysis.example", "NVIDIA $26B", ANALYSIS));
        topology.pipe(news("explainer", T0.minusSeconds(3600), "explainer.example", "Nemotron 3 Super", EXPLAINER));

        assertThat(List.of("techwire", "marketpulse", "analysis", "explainer"))
                .extracting(topology::storyOf).containsOnly("techwire");
        Story story = topology.latestStories.get("techwire");
        assertThat(topology.latestStories).hasSize(1);
        assertThat(story.sources()).extracting(Story.StorySource::documentId)
                .containsExactly("techwire", "marketpulse", "analysis", "explainer");
        assertThat(story.firstSeen()).isEqualTo(T0.minusSeconds(3600));
        assertThat(story.lastSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(story.title()).isEqualTo("Nemotron 3 Super");
        assertThat(story.amounts()).hasSize(1);
        assertThat(story.amounts().get(0).value()).isEqualByComparingTo("26000000000");
        assertThat(story.models()).extracting(m -> m.name()).containsExactly("Nemotron 3 Super");
        assertThat(story.companies()).hasSize(1);
        assertThat(story.announcementIds()).hasSize(6);
        // Every announcement carries its story.
        assertThat(topology.documents).flatExtracting(r -> r.value().announcements())
                .allSatisfy(a -> assertThat(a.storyId()).isEqualTo("techwire"));
    }

    @Test
    void aNearDuplicateWithoutFactsJoinsTheStoryOfTheOriginal() {
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        // A scraped copy: site furniture around it, a sentence reworded, and no facts extracted from it.
        String copy = "Skip to main content Markets Futures Log in Sign up\n"
                + TECHWIRE.replace("Analysts called it", "Several analysts described it as")
                + "\nDisclaimer: this content is for information only.";
        topology.pipe(news("scraped", T0.plusSeconds(7200), "scraper.example", "copy", copy));
        topology.pipe(news("other", T0.plusSeconds(7200), "other.example", "Unrelated",
                ANALYSIS.replace("NVIDIA", "A rival").replace("twenty-six", "ten") + " " + MARKETPULSE));

        assertThat(topology.storyOf("scraped")).isEqualTo("techwire");
        assertThat(topology.storyOf("other")).isEqualTo("other");
        assertThat(topology.latestStories.get("techwire").sources()).hasSize(2);
    }

    @Test
    void exactDuplicatesShareAStoryThroughTheirTextAnchor() {
        topology.pipe(news("copy-1", T0, "a.example", "Same", EXPLAINER));
        topology.pipe(news("copy-2", T0.plusSeconds(60), "b.example", "Same", EXPLAINER));
        assertThat(topology.storyOf("copy-2")).isEqualTo("copy-1");
    }

    @Test
    void theSameFactsOutsideTheWindowAreAnotherStory() {
        enrichment.reports("march", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("april", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("other-amount", investment(NVIDIA, "5000000000", 0, "NVIDIA invests $5 billion"));
        topology.pipe(news("march", T0, "techwire.example", "March", TECHWIRE));
        topology.pipe(news("april", T0.plus(Duration.ofDays(10)), "techwire.example", "April", MARKETPULSE));
        topology.pipe(news("other-amount", T0.plusSeconds(60), "techwire.example", "Other", ANALYSIS));

        assertThat(topology.storyOf("march")).isEqualTo("march");
        assertThat(topology.storyOf("april")).isEqualTo("april");
        assertThat(topology.storyOf("other-amount")).isEqualTo("other-amount");
    }

    @Test
    void reProcessingADocumentNeverMakesASecondStory() {
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "26000000000", 0, "Nvidia to spend $26bn"));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));

        // The same record again, then again after an improved extractor read different facts from it.
        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "3000000000", 0, "a different reading"));
        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));

        assertThat(topology.documents.stream().filter(r -> r.key().equals("marketpulse")))
                .hasSize(3).allSatisfy(r -> assertThat(r.value().storyId()).isEqualTo("techwire"));
        assertThat(topology.latestStories).containsOnlyKeys("techwire");
        assertThat(topology.latestStories.get("techwire").sources()).extracting(Story.StorySource::documentId)
                .containsExactly("techwire", "marketpulse");
    }

    @Test
    void recordsAreTimestampedWithThePublicationTime() {
        topology.pipe(news("dated", T0, "a.example", "Dated", EXPLAINER), Instant.parse("2026-03-12T08:00:00Z"));
        // A page claiming to be published next year (a bad time zone or a typo) keeps its arrival time.
        Instant arrival = Instant.parse("2026-03-12T09:00:00Z");
        topology.pipe(news("future", Instant.parse("2027-01-01T00:00:00Z"), "b.example", "Future", ANALYSIS),
                arrival);

        assertThat(topology.lastDocument("dated").timestamp()).isEqualTo(T0.toEpochMilli());
        assertThat(topology.lastDocument("future").timestamp()).isEqualTo(arrival.toEpochMilli());
    }

    @Test
    void signaturesExpireWithStreamTimeOnceAnHourOldButDocumentAssignmentsStay() {
        enrichment.reports("old", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        topology.pipe(news("old", T0, "a.example", "Old", TECHWIRE));
        int before = topology.indexRecords.size();
        // Stream time moves a month on: the old document's signatures and state are due, but they are forgotten
        // only once they are an hour old in wall-clock time (a replay may still bring a copy of the old story).
        topology.pipe(news("later", T0.plus(Duration.ofDays(30)), "b.example", "Later", ANALYSIS));
        topology.driver.advanceWallClockTime(Duration.ofMinutes(59));
        topology.drain();
        assertThat(topology.indexRecords.subList(before, topology.indexRecords.size()))
                .noneMatch(r -> r.value() == null);
        assertThat(topology.anchorCount()).isEqualTo(2);
        assertThat(topology.driver.getKeyValueStore(EnrichTopology.STORY_STORE).get("old")).isNotNull();

        topology.driver.advanceWallClockTime(Duration.ofMinutes(2));
        topology.drain();

        var tombstones = topology.indexRecords.subList(before, topology.indexRecords.size()).stream()
                .filter(r -> r.value() == null).map(r -> r.key()).collect(Collectors.toSet());
        assertThat(tombstones).contains(StorySignals.indexKey("fact:nvidia|2.6E+10 USD|deal", T0.toEpochMilli(),
                StoryConfig.defaults().window())).anyMatch(k -> k.startsWith("band:"))
                .noneMatch(k -> k.startsWith("doc:"));
        assertThat(topology.driver.getKeyValueStore(EnrichTopology.ANCHOR_STORE).get("fact:nvidia|2.6E+10 USD|deal"))
                .isNull();
        assertThat(topology.anchorCount()).as("the newer document's anchor is not due").isEqualTo(1);
        assertThat(topology.driver.getKeyValueStore(EnrichTopology.STORY_STORE).get("old")).isNull();
        assertThat(topology.driver.getKeyValueStore(EnrichTopology.STORY_STORE).get("later")).isNotNull();
        // The old document re-processed still finds its story through the kept assignment.
        topology.pipe(news("old", T0, "a.example", "Old", TECHWIRE));
        assertThat(topology.storyOf("old")).isEqualTo("old");
        assertThat(StorySignals.docKey("old")).isEqualTo("doc:old");
    }

    @Test
    void copiesOfAnOldStoryReplayedAfterNewerDocumentsStillShareAStory() {
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "26000000000", 0, "Nvidia to spend $26bn"));
        // Stream time is already a month past the old story: its signatures are due for expiry when written.
        topology.pipe(news("later", T0.plus(Duration.ofDays(30)), "b.example", "Later", ANALYSIS));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        topology.driver.advanceWallClockTime(Duration.ofSeconds(2));
        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));

        assertThat(topology.storyOf("marketpulse")).isEqualTo("techwire");
    }

    @Test
    void anOldStoryReplayedAmongNewerDocumentsKeepsEveryOneOfItsSources() {
        // The story's entries are already due when written (late): kept an hour of wall-clock time.
        replayTwoCopiesAroundNewerDocuments(false);
    }

    @Test
    void anOldStoryWhoseFirstCopyCameBeforeNewerDocumentsKeepsEveryOneOfItsSources() {
        // The story's entries were not late when written: the later documents make them due in stream time.
        replayTwoCopiesAroundNewerDocuments(true);
    }

    /**
     * A folder replayed in no particular order: documents of months later (or undated ones, timestamped when read)
     * move stream time past an old story between its two copies, by more than a story window. Both copies must end
     * up in one story, the second among its sources.
     */
    private void replayTwoCopiesAroundNewerDocuments(boolean firstCopyBeforeNewer) {
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "26000000000", 0, "Nvidia to spend $26bn"));
        if (firstCopyBeforeNewer) {
            topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        }
        topology.pipe(news("later", T0.plus(Duration.ofDays(60)), "b.example", "Later", ANALYSIS));
        topology.driver.advanceWallClockTime(Duration.ofSeconds(2));
        if (!firstCopyBeforeNewer) {
            topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));
        }
        topology.pipe(news("undated", T0.plus(Duration.ofDays(66)), "c.example", "Undated", "Undated note about"
                + " the weather in the valley, the traffic on the bridge and the opening hours of the library."));
        topology.driver.advanceWallClockTime(Duration.ofSeconds(2));
        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia $26bn", MARKETPULSE));
        topology.drain();

        assertThat(topology.storyOf("marketpulse")).isEqualTo("techwire");
        assertThat(topology.latestStories.get("techwire").sources()).extracting(Story.StorySource::documentId)
                .containsExactly("techwire", "marketpulse");
    }

    @Test
    void aLaterStoryReportingTheSameFactLeavesTheEarlierStorysSignatureToItsLateCopies() {
        EntityRef meta = EntityRef.company("Meta Platforms, Inc.", "0001326801", "META");
        AiModel llama = new AiModel("Llama 5", 405_000_000_000L, null, null, true, List.of("text"));
        enrichment.reports("analysis", investment(NVIDIA, "26000000000", 0, "NVIDIA drops $26B"));
        // A month later, a model release recalls NVIDIA's investment in passing: the same fact signature.
        enrichment.reports("llama", modelRelease(meta, llama, 0, "Meta releases Llama 5"),
                investment(NVIDIA, "26000000000", 40, "NVIDIA's $26 billion"));
        // Headlined by the model, so anchored elsewhere than the first report: found through the index.
        enrichment.reports("techwire", modelRelease(NVIDIA, nemotron(), 0, "Nemotron 3 Super"),
                investment(NVIDIA, "26000000000", 30, "NVIDIA commits $26 billion"));
        topology.pipe(news("analysis", T0.plusSeconds(3600), "analysis.example", "NVIDIA drops $26B", ANALYSIS));
        topology.pipe(news("llama", T0.plus(Duration.ofDays(28)), "ledger.example", "Meta releases Llama 5",
                "Meta released Llama 5 with open weights, weeks after NVIDIA's $26 billion plan for open models."
                        + " The flagship has 405 billion parameters and runs on the company's own clusters."));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));

        assertThat(topology.storyOf("llama")).isEqualTo("llama");
        assertThat(topology.storyOf("techwire")).isEqualTo("analysis");
    }

    @Test
    void aStoryIsTitledByItsEarliestHeadlineNotByTheFilingBeforeIt() {
        enrichment.reports("8-k", investment(NVIDIA, "26000000000", 0, "NVIDIA will invest $26 billion"));
        enrichment.reports("marketpulse", investment(NVIDIA_UNLINKED, "26000000000", 0, "Nvidia to spend $26bn"));
        enrichment.reports("techwire", investment(NVIDIA, "26000000000", 0, "NVIDIA commits $26 billion"));
        // EDGAR dates a filing by its day: it is the story's earliest source, its title only its form.
        topology.pipe(Fixtures.filing("8-k", T0.minus(Duration.ofHours(14)), "NVIDIA will invest $26 billion."));
        assertThat(topology.latestStories.get("8-k").title()).as("no headline yet").isEqualTo("8-K");

        topology.pipe(news("marketpulse", T0.plusSeconds(600), "marketpulse.example", "Nvidia to spend $26bn",
                MARKETPULSE));
        topology.pipe(news("techwire", T0, "techwire.example", "NVIDIA commits $26 billion", TECHWIRE));

        Story story = topology.latestStories.get("8-k");
        assertThat(story.sources()).extracting(Story.StorySource::documentId, Story.StorySource::kind)
                .containsExactly(tuple("8-k", DocumentKind.FILING), tuple("marketpulse", DocumentKind.NEWS),
                        tuple("techwire", DocumentKind.NEWS));
        assertThat(story.title()).isEqualTo("NVIDIA commits $26 billion");
        assertThat(story.firstSeen()).isEqualTo(T0.minus(Duration.ofHours(14)));
    }

    @Test
    void aStorysCompaniesLeaveOutThePersonAppointedAndTheProductLaunched() {
        EntityRef intel = EntityRef.company("INTEL CORP", "0000050863", "INTC");
        EntityRef raman = new EntityRef("person:priya-raman", "Priya Raman", null, null);
        EntityRef kestrel = EntityRef.company("Kestrel Silicon", null, null);
        EntityRef gaudi = new EntityRef(null, "Gaudi 4", null, null);
        enrichment.reports("intel", withParties(AnnouncementType.EXECUTIVE_CHANGE, intel, raman, null),
                withParties(AnnouncementType.PRODUCT_LAUNCH, intel, gaudi, null),
                withParties(AnnouncementType.ACQUISITION, intel, kestrel, null),
                withParties(AnnouncementType.PARTNERSHIP, intel, null, NVIDIA));
        topology.pipe(news("intel", T0, "techwire.example", "Intel names Priya Raman chief financial officer",
                "Intel named Priya Raman chief financial officer, launched Gaudi 4, bought Kestrel Silicon and"
                        + " signed a partnership with NVIDIA."));

        assertThat(topology.latestStories.get("intel").companies()).extracting(EntityRef::name)
                .containsExactly("INTEL CORP", "Kestrel Silicon", "NVIDIA CORP");
    }

    private static Announcement withParties(AnnouncementType type, EntityRef company, EntityRef target,
                                            EntityRef counterparty) {
        Announcement a = Fixtures.announcement(type, company, null, null, 0, type.name());
        return new Announcement(a.schemaVersion(), a.id(), type, a.documentId(), company, null, null, target,
                counterparty, null, null, a.evidence(), a.confidence(), null, null, null, null, null);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Map<String, Long> countBy(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    }
}
