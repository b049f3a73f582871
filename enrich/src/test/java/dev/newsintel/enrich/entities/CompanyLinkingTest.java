package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityType;

class CompanyLinkingTest {
    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(CompanyDirectory.bundled(), null);

    private static List<Entity> orgs(String text) {
        return RECOGNIZER.recognize(TextProcessor.shared().analyze(text)).stream()
                .filter(e -> e.type() == EntityType.ORG && e.canonical() != null && e.canonical().cik() != null)
                .toList();
    }

    private static List<String> ciks(String text) {
        return orgs(text).stream().map(e -> e.canonical().cik()).toList();
    }

    @Test
    void namesAndTickersOfOneCompanyLinkToOneCik() {
        String text = "Nvidia said demand was strong. NVIDIA Corp. (NASDAQ: NVDA) reported results, and traders "
                + "bought $NVDA on the news.";
        List<Entity> found = orgs(text);
        assertThat(found).extracting(Entity::text).containsExactly("Nvidia", "NVIDIA Corp.", "NVDA", "NVDA");
        assertThat(found).allSatisfy(e -> {
            assertThat(e.canonical().cik()).isEqualTo("0001045810");
            assertThat(e.canonical().ticker()).isEqualTo("NVDA");
            assertThat(e.canonical().name()).isEqualTo("NVIDIA CORP");
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        });
    }

    @Test
    void shareClassesAreOneCompany() {
        assertThat(ciks("Traders compared $GOOG with $GOOGL after Alphabet reported.")).containsOnly("0001652044");
        assertThat(orgs("Google unveiled a new phone in Mountain View on Tuesday.")).singleElement()
                .satisfies(e -> assertThat(e.canonical().ticker()).isEqualTo("GOOGL"));
    }

    @Test
    void aCompanyNamedLikeAPersonOrAScaleNeedsItsFullNameToo() {
        // Brady Corp., Dave Inc., Celsius Holdings and Linde plc are listed companies named like these words
        assertThat(ciks("We congratulated Brady an hour ago, and Dave gave his thanks; it was 40 degrees Celsius"
                + " when Kees van der Linde arrived.")).isEmpty();
        // "Nike" and "Shell" are given names too, but their word clusters are brands', not given names'
        assertThat(ciks("Kit sponsor Nike will unveil the uniforms, and Shell rose 1%.")).hasSize(2);
        assertThat(orgs("Lindsay Corp. reported higher irrigation sales, and shares of Lindsay rose 4%."))
                .extracting(Entity::text).containsExactly("Lindsay Corp.", "Lindsay");
    }

    @Test
    void aPostsHandlesAreNotTheWordBeforeItsSentence() {
        // after "@anne" or "RT @x:" a word is capitalised for the sentence, as at its start
        assertThat(ciks("@anne Target practice starts at noon.")).isEmpty();
        assertThat(ciks("RT @range_news: Target practice starts at noon.")).isEmpty();
        assertThat(ciks("@anne Target said it would open late.")).containsExactly("0000027419");
        assertThat(ciks("Ask @anne about Target before noon.")).containsExactly("0000027419");
    }

    @Test
    void formerNamesLink() {
        assertThat(ciks("Regulators fined Facebook in 2019.")).containsExactly("0001326801");
    }

    @Test
    void metaTheCompanyIsNotMetaTheWord() {
        assertThat(ciks("Analysts expect Meta to spend more on data centers.")).containsExactly("0001326801");
        assertThat(ciks("A meta analysis of the studies found no effect.")).isEmpty();
        assertThat(ciks("The Meta-analysis was published in 2020.")).isEmpty();
        assertThat(ciks("Meta said it would release the model.")).containsExactly("0001326801");
    }

    @Test
    void appleTheFruitAndAmazonTheRiverDoNotLink() {
        assertThat(ciks("She ate an apple and a pear.")).isEmpty();
        assertThat(ciks("Apple pie is a classic dessert.")).isEmpty();
        assertThat(ciks("Fires are burning across the Amazon rainforest.")).isEmpty();
        assertThat(ciks("The Amazon River carries more water than any other.")).isEmpty();
        assertThat(ciks("Apple said iPhone sales rose, and Amazon announced new warehouses."))
                .containsExactly("0000320193", "0001018724");
    }

    @Test
    void aWordAtTheStartOfASentenceLinksWithSupportFromTheDocument() {
        assertThat(ciks("Target reached.")).isEmpty();
        assertThat(ciks("Oracle databases run banks. Shares of Oracle rose on Monday.")).containsExactly(
                "0001341439", "0001341439");
    }

    @Test
    void bareTickersNeedContext() {
        assertThat(ciks("The AI boom lifted IT budgets.")).isEmpty();
        assertThat(ciks("Apple Inc. (AAPL) rose 2%.")).containsExactly("0000320193", "0000320193");
    }

    @Test
    void aShortUpperCaseNameLinksWhereTheDocumentNamesTheCompanyToo() {
        assertThat(ciks("3M (NYSE: MMM) approved the spin-off. Shareholders of 3M will receive new shares."))
                .containsExactly("0000066740", "0000066740", "0000066740");
        assertThat(ciks("The fund raised 3M in its seed round.")).isEmpty();
        assertThat(ciks("HP Inc. said demand rose. HP will hire 500 engineers.")).containsOnly("0000047217")
                .hasSize(2);
        assertThat(ciks("The engine makes 300 HP at full load.")).isEmpty();
    }

    @Test
    void aliasesAreDerivedGenerically() {
        assertThat(CompanyNames.aliases("AMAZON COM INC")).contains("AMAZON COM", "AMAZON.com", "AMAZON");
        assertThat(CompanyNames.aliases("Meta Platforms, Inc.")).contains("Meta Platforms");
        assertThat(CompanyNames.aliases("QUALCOMM INC/DE")).contains("QUALCOMM");
        assertThat(CompanyNames.aliases("Sony Group Corp")).contains("Sony Group", "Sony");
        assertThat(CompanyNames.aliases("JPMORGAN CHASE & CO")).contains("JPMORGAN CHASE");
    }

    @Test
    void aListedNameThatStartsWithAHeadWordIsNoMatchAtTheEndOfALongerName() {
        // "The Bancorp, Inc." is listed; "Bancorp, Inc." ending another bank's name is not it
        assertThat(ciks("Granite Shore Bancorp, Inc. agreed to merge with a rival.")).doesNotContain("0001295401");
        assertThat(ciks("Analysts said The Bancorp, Inc. reported higher earnings.")).contains("0001295401");
        assertThat(ciks("Yesterday Capital One said it would cut fees.")).containsExactly("0000927628");
    }

    @Test
    void largeCompaniesLinkByTheirEverydayNames() {
        // the name without its descriptive words: "Capital One" of Capital One Financial, "Discover Financial" of
        // Discover Financial Services; one-word everyday names from the reviewed list ("Verizon", "Coinbase")
        assertThat(ciks("Capital One said it would cut fees.")).containsExactly("0000927628");
        assertThat(ciks("Shares of Discover Financial fell.")).containsExactly("0001393612");
        assertThat(ciks("Verizon cut jobs while Coinbase hired.")).containsExactly("0000732712", "0001679788");
        assertThat(CompanyNames.everydayNames("DISCOVER FINANCIAL SERVICES"))
                .containsExactly("DISCOVER FINANCIAL", "DISCOVER");
        assertThat(CompanyNames.everydayNames("Marsh & McLennan Companies, Inc.")).isEmpty();
        // not a place a company is named after, nor a smaller company's words
        assertThat(ciks("The startup is based in Palo Alto, California.")).isEmpty();
        assertThat(ciks("Insurers in Hartford, Connecticut, raised rates.")).isEmpty();
        assertThat(ciks("Adobe said Digital Media revenue rose.")).containsExactly("0000796343");
    }

    @Test
    void theFullSecListLinksTheSameWay() throws IOException {
        Path tickers = Path.of(System.getProperty("newsintel.shared.testdata", "../shared/testdata"),
                "sec-edgar", "company_tickers.json");
        Assumptions.assumeTrue(Files.isRegularFile(tickers), "shared company_tickers.json is not present: skipped");
        CompanyDirectory full = CompanyDirectory.fromSecTickers(tickers);
        assertThat(full.size()).isEqualTo(CompanyDirectory.bundled().size());
        assertThat(full.byTicker("GOOG").cik()).isEqualTo(full.byTicker("GOOGL").cik());
        EntityRecognizer recognizer = new EntityRecognizer(full, null);
        assertThat(recognizer.recognize(TextProcessor.shared().analyze("Microsoft and Nvidia signed a deal.")))
                .extracting(e -> e.canonical().cik()).containsExactly("0000789019", "0001045810");
    }
    @Test
    void wellKnownOrganisationsOutsideTheSecListAreOrganisationsWithTheirOwnIds() {
        String text = "The Bundeskartellamt and the Department of Energy questioned Volkswagen, the Bill & Melinda "
                + "Gates Foundation and ESPN.";
        List<Entity> found = RECOGNIZER.recognize(TextProcessor.shared().analyze(text));
        assertThat(found).extracting(e -> e.type() + ":" + e.text() + "=" + e.canonical().id())
                .containsExactly("ORG:Bundeskartellamt=org:bundeskartellamt",
                        "ORG:Department of Energy=org:department-of-energy", "ORG:Volkswagen=org:volkswagen",
                        "ORG:Bill & Melinda Gates Foundation=org:bill-melinda-gates-foundation", "ORG:ESPN=org:espn");
        // "Energy" of the department no longer links to Energy Holdings, nor "Bill" to BILL Holdings
        assertThat(found).allSatisfy(e -> assertThat(e.canonical().cik()).isNull());
    }

    @Test
    void servicesLinkToTheirOwnersAndPostsNameSocialPlatformsInLowerCase() {
        assertThat(ciks("She left LinkedIn for a start-up; Hulu and Snapchat hired too."))
                .containsExactly("0000789019", "0001744489", "0001564408");
        String post = "imma get on twitter since u say so, saw it on tumblr";
        assertThat(RECOGNIZER.recognize(TextProcessor.shared().analyze(post)))
                .extracting(e -> e.text() + "=" + e.canonical().id())
                .containsExactly("twitter=org:twitter", "tumblr=org:tumblr");
        // the word, not the platform
        assertThat(RECOGNIZER.recognize(TextProcessor.shared().analyze("The birds twitter at dawn."))).isEmpty();
    }

    @Test
    void investorsOnTheListsAreOrganisationsWhateverTheFinderReads() {
        String text = "The round was led by General Catalyst and Thoma Bravo, with Mubadala also investing.";
        assertThat(RECOGNIZER.recognize(TextProcessor.shared().analyze(text)))
                .extracting(e -> e.type() + ":" + e.text())
                .containsExactly("ORG:General Catalyst", "ORG:Thoma Bravo", "ORG:Mubadala");
    }

    @Test
    void theNameFindersListFeatureSeesOnlyTheListsItWasTrainedWith() {
        Gazetteer lists = Gazetteer.bundled();
        List<NameTokens.NameToken> tokens = NameTokens.tokenize("Bundeskartellamt");
        assertThat(lists.longest(tokens, 0)).isNotNull();
        assertThat(lists.longestForFeatures(tokens, 0)).isNull(); // organizations-more.tsv
        assertThat(lists.longestForFeatures(NameTokens.tokenize("Anthropic"), 0)).isNotNull();
        assertThat(lists.lists("Ursula von der Leyen", EntityType.PERSON)).isTrue(); // people-more.txt
        assertThat(lists.longestForFeatures(NameTokens.tokenize("Ursula von der Leyen"), 0)).isNull();
        assertThat(lists.lists("Ulaanbaatar", EntityType.LOCATION)).isTrue(); // locations-more.txt
        assertThat(lists.longestForFeatures(NameTokens.tokenize("Ulaanbaatar"), 0)).isNull();
        assertThat(RECOGNIZER.recognize(TextProcessor.shared().analyze("The summit moved from Ulaanbaatar to Tbilisi.")))
                .extracting(e -> e.type() + ":" + e.canonical().id())
                .containsExactly("LOCATION:location:ulaanbaatar", "LOCATION:location:tbilisi");
    }
}
