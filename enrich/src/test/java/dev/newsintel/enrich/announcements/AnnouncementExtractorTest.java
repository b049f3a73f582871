package dev.newsintel.enrich.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.Filing;

class AnnouncementExtractorTest {
    private static List<Announcement> analyze(String text, Filing filing) {
        return TextAnalyzer.shared().analyze(text, new DocumentContext("doc-1", "t", "https://example.com/a", "test",
                null, filing)).announcements();
    }

    @Test
    void oneAnnouncementPerFactEvenWhenSentencesRepeatIt() {
        String text = """
                Microsoft will invest $10 billion in data centers in Japan over four years.
                The $10 billion investment is Microsoft's largest in the country.
                Microsoft's investment will also fund training for engineers.
                """;
        List<Announcement> found = analyze(text, null);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnnouncementType.INVESTMENT);
            assertThat(a.company().ticker()).isEqualTo("MSFT");
            assertThat(a.period()).isEqualTo("P4Y");
            assertThat(a.id()).isEqualTo(Announcement.idFor("doc-1", AnnouncementType.INVESTMENT,
                    a.evidence().start(), a.evidence().end()));
            assertThat(a.url()).isEqualTo("https://example.com/a");
        });
    }

    @Test
    void aPricePaidForACompanyIsItsAcquisition() {
        assertThat(analyze("Qualcomm will pay $2.9bn in cash for Kestrel Silicon, an Austin-based designer of chips.",
                null)).singleElement().satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AnnouncementType.ACQUISITION);
                    assertThat(a.company().ticker()).isEqualTo("QCOM");
                    assertThat(a.target().name()).isEqualTo("Kestrel Silicon");
                    assertThat(a.amount().value()).isEqualByComparingTo("2900000000");
                });
        assertThat(analyze("Adobe paid $3bn for Microsoft's cloud services over seven years.", null))
                .noneMatch(a -> a.type() == AnnouncementType.ACQUISITION);
        assertThat(analyze("Qualcomm paid $40 million for Kestrel Silicon shares last year.", null))
                .noneMatch(a -> a.type() == AnnouncementType.ACQUISITION);
    }

    @Test
    void anEarlierEventRecalledByTheTimeSinceIsNoAnnouncementOfTheDocument() {
        assertThat(analyze("The release lands four weeks after NVIDIA pledged $26 billion to its own open-weight"
                + " programme, and the timing is not a coincidence.", null)).isEmpty();
        assertThat(analyze("Two years after Microsoft pledged $2.9 billion to Japan, Microsoft will invest $10 billion"
                + " in data centers in the country.", null)).singleElement().satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AnnouncementType.INVESTMENT);
                    assertThat(a.amount().value()).isEqualByComparingTo("10000000000");
                });
    }

    @Test
    void regulatorsThatOnlyReceiveAFilingOrHaveYetToApproveTakeNoRegulatoryAction() {
        assertThat(analyze("Nvidia plans to spend $26 billion over the next five years on open models, according to a"
                + " filing the chipmaker made with US regulators on Wednesday.", null))
                .noneMatch(a -> a.type() == AnnouncementType.REGULATORY);
        assertThat(analyze("Qualcomm said it expects to complete the transaction within 12 months, pending approval"
                + " from regulators.", null)).noneMatch(a -> a.type() == AnnouncementType.REGULATORY);
        assertThat(analyze("Qualcomm was fined $10 million by the European Commission, pending an appeal.", null))
                .anyMatch(a -> a.type() == AnnouncementType.REGULATORY);
    }

    @Test
    void aFilerNamedOnlyByItsCoverIsLinkedByItsNameWithoutItsLegalSuffix() {
        String text = "Item 8.01 Other Events. On June 16, 2026 the company agreed terms with a supplier.";
        Filing qualcomm = new Filing(null, "QUALCOMM INCORPORATED", null, "8-K", null, null, null, List.of("8.01"),
                List.of(), List.of(), null);
        assertThat(analyze(text, qualcomm)).extracting(Announcement::item).containsExactly("8.01");
        assertThat(analyze(text, qualcomm)).allSatisfy(a -> {
            assertThat(a.company().cik()).isEqualTo("0000804328");
            assertThat(a.company().ticker()).isEqualTo("QCOM");
        });
        // A name no list knows and a text that links nobody: the name as printed.
        Filing unknown = new Filing(null, "ORBITAL SYSTEMS INCORPORATED", null, "8-K", null, null, null,
                List.of("8.01"), List.of(), List.of(), null);
        assertThat(analyze(text, unknown)).singleElement()
                .satisfies(a -> assertThat(a.company().name()).isEqualTo("ORBITAL SYSTEMS INCORPORATED"));
    }

    @Test
    void aDurationThatSaysWhenIsNoInvestmentPeriod() {
        List<Announcement> found = analyze("Two weeks after the launch, Microsoft will invest $10 billion in data "
                + "centers in Japan.", null);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnnouncementType.INVESTMENT);
            assertThat(a.period()).isNull();
        });
        List<Announcement> spread = analyze("Three years ago Microsoft said little; now Microsoft will invest "
                + "$10 billion in data centers in Japan over the next four years.", null);
        assertThat(spread).singleElement().satisfies(a -> assertThat(a.period()).isEqualTo("P4Y"));
    }

    @Test
    void aLaunchThatDatesSomethingIsNoLaunch() {
        assertThat(analyze("Salesforce has signed 12,000 new customers for the platform since the product's launch.",
                null)).noneMatch(a -> a.type() == AnnouncementType.PRODUCT_LAUNCH);
        assertThat(analyze("Salesforce launched a new platform for service teams on Monday.", null))
                .anyMatch(a -> a.type() == AnnouncementType.PRODUCT_LAUNCH);
    }

    @Test
    void aProductNamedAsWhereSomethingIsMadeAvailableIsNotLaunched() {
        assertThat(analyze("Snowflake and Mistral AI announced a partnership that will make Mistral's models "
                + "available inside NVIDIA's DGX Cloud service.", null))
                .noneMatch(a -> a.type() == AnnouncementType.PRODUCT_LAUNCH);
        assertThat(analyze("NVIDIA announced DGX Cloud, a new service for training models.", null))
                .anyMatch(a -> a.type() == AnnouncementType.PRODUCT_LAUNCH);
    }

    @Test
    void questionsAndPreviewsAnnounceNothing() {
        assertThat(analyze("Will Microsoft invest $10 billion in Japan?", null)).isEmpty();
        assertThat(analyze("Apple reports results on Thursday, and analysts expect revenue of about $90 billion.",
                null)).isEmpty();
    }

    @Test
    void eightKItemsBecomeAnnouncements() {
        String text = """
                Item 5.02 Departure of Directors or Certain Officers.
                On March 3, 2026, the Board of Directors appointed a new Chief Financial Officer of the Company.
                Item 2.02 Results of Operations and Financial Condition.
                The Company issued a press release announcing its results for the quarter ended January 31, 2026.
                Item 9.01 Financial Statements and Exhibits.
                """;
        Filing filing = new Filing("1045810", "NVIDIA CORP", "NVDA", "8-K", "0001045810-26-000001",
                LocalDate.of(2026, 3, 4), null, List.of("5.02", "2.02", "9.01"), List.of(), List.of(), null);
        List<Announcement> found = analyze(text, filing);
        assertThat(found).extracting(Announcement::item).contains("5.02", "2.02").doesNotContain("9.01");
        assertThat(found).filteredOn(a -> "5.02".equals(a.item())).singleElement()
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AnnouncementType.EXECUTIVE_CHANGE);
                    assertThat(a.company().cik()).isEqualTo("0001045810");
                });
        assertThat(found).filteredOn(a -> "2.02".equals(a.item())).singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(AnnouncementType.EARNINGS));
    }

    @Test
    void theAnnouncerIsTheSubjectOfTheReportedClauseNotTheOutlet() {
        for (String text : List.of(
                "Reuters reported that Microsoft will invest $10 billion in data centers in Japan.",
                "Bloomberg, March 3 — TechCrunch published a story today, reporting that Microsoft announced it "
                        + "will invest $10 billion in data centers in Japan.",
                "According to Reuters, Microsoft plans to invest $10 billion in data centers in Japan.")) {
            assertThat(analyze(text, null)).as(text).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(AnnouncementType.INVESTMENT);
                assertThat(a.company().ticker()).isEqualTo("MSFT");
            });
        }
        // an outlet alone announces nothing
        assertThat(analyze("Reuters said it will invest $10 million in its newsroom.", null)).isEmpty();
    }

    @Test
    void aModelReleaseIsTheObjectOfAReleaseVerbAndNamesItsMaker() {
        List<Announcement> found = analyze("""
                Meta released Llama 5 on Tuesday, an open-weight model with 400 billion parameters.
                With 400 billion parameters, the scale is broadly comparable to the largest version of OpenAI's GPT-OSS.
                Defensive strategy against Chinese open-source models: DeepSeek R1, Qwen2.5 and others undercut it.
                """, null);
        assertThat(found).filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).singleElement()
                .satisfies(a -> {
                    assertThat(a.model().name()).isEqualTo("Llama 5");
                    assertThat(a.model().parameters()).isEqualTo(400_000_000_000L);
                    assertThat(a.company().ticker()).isEqualTo("META");
                });
        // the maker, not the company that mentions it
        assertThat(analyze("Microsoft said that OpenAI's GPT-6 was released on Monday.", null))
                .filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).singleElement()
                .satisfies(a -> assertThat(a.company().name()).isEqualTo("OpenAI"));
    }

    @Test
    void totalAndActiveParametersAreToldApartHoweverTheSentenceOrdersThem() {
        assertThat(analyze("NVIDIA released Nemotron 3 Super, a model with 128 billion total parameters, of which "
                + "12 billion parameters are active per token.", null))
                .filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).singleElement().satisfies(a -> {
                    assertThat(a.model().parameters()).isEqualTo(128_000_000_000L);
                    assertThat(a.model().activeParameters()).isEqualTo(12_000_000_000L);
                });
        assertThat(analyze("Alibaba released the Qwen4 model, which has 35 billion active parameters and 480 billion "
                + "total parameters.", null))
                .filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).singleElement().satisfies(a -> {
                    assertThat(a.model().parameters()).isEqualTo(480_000_000_000L);
                    assertThat(a.model().activeParameters()).isEqualTo(35_000_000_000L);
                });
        assertThat(analyze("DeepSeek released the DeepSeek-V4 model. The model has 671 billion parameters, 37 billion "
                + "of which are active.", null))
                .filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).singleElement().satisfies(a -> {
                    assertThat(a.model().parameters()).isEqualTo(671_000_000_000L);
                    assertThat(a.model().activeParameters()).isEqualTo(37_000_000_000L);
                });
    }

    @Test
    void anAmountIsNeverAModelName() {
        List<Announcement> found = analyze("NVIDIA will invest $26 billion (about RMB 178.8 billion) to develop "
                + "open-weight models, and released Nemotron 4 Ultra.", null);
        assertThat(found).filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE)
                .extracting(a -> a.model().name()).containsExactly("Nemotron 4 Ultra");
        assertThat(TextAnalyzer.shared().analyze("The model costs RMB 178.8 billion to train.", null, "d", null,
                null, null).entities()).noneMatch(e -> e.text().contains("178.8"));
    }

    @Test
    void unknownCompaniesNamedByAnAppositiveOrTheirLastWordAnnounce() {
        assertThat(analyze("Kernwerk, a Berlin start-up that builds test environments, has raised €1.2 million in a "
                + "pre-seed round.", null)).singleElement().satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AnnouncementType.FUNDING_ROUND);
                    assertThat(a.company().name()).isEqualTo("Kernwerk");
                });
        assertThat(analyze("Silvermark Photonics, a developer of optics for data-center chips, has been acquired by "
                + "AMD.", null)).singleElement().satisfies(a -> {
                    assertThat(a.type()).isEqualTo(AnnouncementType.ACQUISITION);
                    assertThat(a.company().ticker()).isEqualTo("AMD");
                    assertThat(a.target().name()).isEqualTo("Silvermark Photonics");
                });
    }

    @Test
    void anEightKWithoutACikStillHasItsFilerAndExhibitsAreNotItems() {
        String text = """
                Item 1.01 Entry into a Material Definitive Agreement.
                On June 15, 2026, QUALCOMM Incorporated entered into an Agreement and Plan of Merger with Kestrel \
                Silicon, Inc. under which Qualcomm will acquire Kestrel Silicon.
                Item 9.01 Financial Statements and Exhibits.
                """;
        Filing filing = new Filing(null, "QUALCOMM INC/DE", null, "8-K", null, LocalDate.of(2026, 6, 16), null,
                List.of("1.01", "EX-99.1", "9.01"), List.of(), List.of(), null);
        List<Announcement> found = analyze(text, filing);
        assertThat(found).extracting(Announcement::item).contains("1.01").doesNotContain("EX-99.1", "9.01");
        assertThat(found).filteredOn(a -> "1.01".equals(a.item())).singleElement()
                .satisfies(a -> assertThat(a.company().ticker()).isEqualTo("QCOM"));
        assertThat(found).extracting(Announcement::type).doesNotContain(AnnouncementType.PARTNERSHIP);
    }

    @Test
    void aCompanysResultsAreOneEarningsAnnouncement() {
        List<Announcement> found = analyze("""
                Microsoft Cloud Strength Drives Fourth Quarter Results
                Microsoft Corp. today announced the following results for the quarter ended June 30, 2026.
                Revenue was $81.4 billion and increased 16%.
                Operating income was $37.4 billion and increased 17%.
                Net income was $30.2 billion and increased 17%.
                "Demand for our cloud keeps growing," said the chief executive officer of Microsoft.
                """, null);
        assertThat(found).filteredOn(a -> a.type() == AnnouncementType.EARNINGS).singleElement()
                .satisfies(a -> {
                    assertThat(a.company().ticker()).isEqualTo("MSFT");
                    assertThat(a.amount().value()).isEqualByComparingTo("81400000000");
                });
    }
}
