package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;

class EntityTypingTest {

    @Test
    void headWordsTypeNamesOfSeveralWords() {
        assertThat(EntityRecognizer.typeByHead("Montreal Hockey Club")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Ontario Liberal Party")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("University of Lisbon")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Ministry for Water and Forests")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Niger River")).isEqualTo(EntityType.LOCATION);
        assertThat(EntityRecognizer.typeByHead("Chittoor District")).isEqualTo(EntityType.LOCATION);
        // a district that is a body: it has a board and employs people
        assertThat(EntityRecognizer.typeByHead("Dover Area School District")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Metropolitan Water District")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Lake District")).isEqualTo(EntityType.LOCATION);
        assertThat(EntityRecognizer.typeByHead("Lake Ohrid")).isEqualTo(EntityType.LOCATION);
        assertThat(EntityRecognizer.typeByHead("Mt. Kenya")).isEqualTo(EntityType.LOCATION);
        // heads that say nothing on their own, or single words
        assertThat(EntityRecognizer.typeByHead("Soviet Union")).isNull();
        assertThat(EntityRecognizer.typeByHead("Club")).isNull();
        assertThat(EntityRecognizer.typeByHead("University Avenue Partners")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Perth Glory")).isNull();
    }

    @Test
    void anAcronymInParenthesesAfterANameIsTheName() {
        String text = "He played in the West Australian Football League ( WAFL ) until 1990 .";
        int start = text.indexOf("West");
        Entity league = new Entity(EntityType.ORG, "West Australian Football League", start,
                start + "West Australian Football League".length(), null);
        assertThat(EntityRecognizer.acronymAfter(text, league)).isEqualTo("WAFL");

        String other = "The West Australian Football League (AFL) was formed later.";
        Entity same = new Entity(EntityType.ORG, "West Australian Football League", 4, 35, null);
        assertThat(EntityRecognizer.acronymAfter(other, same)).isNull(); // not its initials
        assertThat(EntityRecognizer.acronymAfter("Federal Trade Commission (FTC) sued.",
                new Entity(EntityType.ORG, "Federal Trade Commission", 0, 24, null))).isEqualTo("FTC");
    }

    @Test
    void tidyingTypesByHeadsJoinsMiddleInitialsAndDropsTitles() {
        String text = "Major Ada Quist met James W. Hoyt of the Harrow Hockey Club near the Niger River .";
        java.util.List<Entity> found = java.util.List.of(
                entity(text, "Major Ada Quist", EntityType.PERSON),
                entity(text, "James W.", EntityType.PERSON),
                entity(text, "Harrow Hockey Club", EntityType.LOCATION),
                entity(text, "Niger River", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("PERSON:Ada Quist", "PERSON:James W. Hoyt", "ORG:Harrow Hockey Club",
                        "LOCATION:Niger River");
    }

    @Test
    void nationalitiesLanguagesAndCreedsAreNoNames() {
        assertThat(List.of("Portuguese", "Hungarian", "Swahili", "Pakistani", "Catholicism", "Judaism", "Islam"))
                .allMatch(EntityRecognizer::isPeopleOrCreed);
        // places, given names and names of several words are left to the finder
        assertThat(List.of("Portugal", "Georgia", "Chad", "Tamil Nadu", "Prism", "Lisbon"))
                .noneMatch(EntityRecognizer::isPeopleOrCreed);
    }

    @Test
    void theArticleThatStartsASentenceIsNotPartOfAName() {
        String text = "He left. The League denied it, said The Times Literary Supplement.";
        int sentence = text.indexOf("The League");
        NameFinder.Name league = new NameFinder.Name(EntityType.ORG, sentence, sentence + 10, 1.0);
        NameFinder.Name stripped = EntityRecognizer.withoutSentenceArticle(text, sentence, league);
        assertThat(text.substring(stripped.start(), stripped.end())).isEqualTo("League");
        int paper = text.indexOf("The Times");
        NameFinder.Name times = new NameFinder.Name(EntityType.ORG, paper, text.length() - 1, 1.0);
        assertThat(EntityRecognizer.withoutSentenceArticle(text, sentence, times)).isSameAs(times);
    }

    @Test
    void theFindersNamesLoseFunctionWordsAndNoticeLabelsAtTheirEdges() {
        assertThat(edgeless("notify the Bank of the occurrence", "Bank of the")).isEqualTo("Bank");
        assertThat(edgeless("5.5 Compliance with Laws It is not required", "Compliance with Laws It"))
                .isEqualTo("Compliance with Laws");
        assertThat(edgeless("Beijing, China Attn: Legal Department Phone: +86", "Legal Department Phone"))
                .isEqualTo("Legal Department");
        assertThat(edgeless("Beijing, China Attn: Legal Department", "China Attn")).isEqualTo("China");
        assertThat(edgeless("(b) On the Funding Date, the Borrower", "On")).isNull();
        assertThat(edgeless("At Bank's request, Borrower will deliver", "At Bank")).isEqualTo("Bank");
        assertThat(EntityRecognizer.withoutEdgeWords("as follows Article 1 Definitions",
                new NameFinder.Name(EntityType.PERSON, 11, 18, 1.0))).isNull();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Renminbi Twenty Four Million")).isTrue();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Third Term Loan")).isTrue();
        // a label needs its colon, and capitalised articles and letters stay: "The Quasar", "Class A"
        assertThat(edgeless("the The Quasar launched", "The Quasar")).isEqualTo("The Quasar");
        assertThat(edgeless("its Class A shares", "Class A")).isEqualTo("Class A");
        // a common noun in lower case ends the name, or starts it where a name follows; links of names stay
        assertThat(edgeless("notify the Bank of the occurrence of any event", "Bank of the occurrence of any"))
                .isEqualTo("Bank");
        assertThat(edgeless("the Quasar Fold phone launched", "Quasar Fold phone")).isEqualTo("Quasar Fold");
        assertThat(edgeless("by Norwegian firm Aker Solutions", "Norwegian firm Aker Solutions"))
                .isEqualTo("Aker Solutions");
        assertThat(edgeless("in Frankfurt am Main and Rio de Janeiro", "Frankfurt am Main"))
                .isEqualTo("Frankfurt am Main");
        String model = "OpenAI released GPT-4o mini today";
        NameFinder.Name mini = new NameFinder.Name(EntityType.PRODUCT, model.indexOf("GPT"),
                model.indexOf(" today"), 1.0);
        assertThat(EntityRecognizer.withoutEdgeWords(model, mini)).isEqualTo(mini);
    }

    private static String edgeless(String text, String mention) {
        int start = text.indexOf(mention);
        NameFinder.Name name = EntityRecognizer.withoutEdgeWords(text,
                new NameFinder.Name(EntityType.ORG, start, start + mention.length(), 1.0));
        return name == null ? null : text.substring(name.start(), name.end());
    }

    @Test
    void aNameIsWhatItsDefinitionSaysWhereverTheDocumentUsesIt() {
        String text = "Velimir is a small village and municipality in Croatia. Hollowmere were an English rock band"
                + " from Leicester. Arlo Quade (born 1950) is a Canadian sculptor. Velimir lies on a river."
                + " Hollowmere toured in 1990.";
        List<Entity> found = List.of(
                entity(text, "Velimir", EntityType.ORG),
                entity(text, "Hollowmere", EntityType.PERSON),
                entity(text, "Arlo Quade", EntityType.ORG),
                new Entity(EntityType.ORG, "Velimir", text.lastIndexOf("Velimir"), text.lastIndexOf("Velimir") + 7,
                        null),
                new Entity(EntityType.LOCATION, "Hollowmere", text.lastIndexOf("Hollowmere"),
                        text.lastIndexOf("Hollowmere") + 10, null));
        assertThat(typed(EntityRecognizer.definedAs(text, found))).containsExactly("LOCATION:Velimir",
                "ORG:Hollowmere", "PERSON:Arlo Quade", "LOCATION:Velimir", "ORG:Hollowmere");

        // the noun phrase must end at the defining noun, and a describing word may not be a preposition;
        // an apposition defines too
        String apposition = "Kestrel Ocean, a Norwegian start-up, makes drones.";
        assertThat(typed(EntityRecognizer.definedAs(apposition,
                List.of(entity(apposition, "Kestrel Ocean", EntityType.LOCATION)))))
                .containsExactly("ORG:Kestrel Ocean");

        // what only an organisation is or has
        String founded = "Velmora was founded in 1898 by Luigi Velmora. In 1990 Velmora opened a plant; Tessaro's US"
                + " subsidiary followed.";
        List<Entity> firm = List.of(entity(founded, "Velmora", EntityType.PERSON),
                entity(founded, "Luigi Velmora", EntityType.PERSON),
                new Entity(EntityType.PERSON, "Velmora", founded.indexOf("Velmora opened"),
                        founded.indexOf("Velmora opened") + 7, null),
                entity(founded, "Tessaro", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.definedAs(founded, firm))).containsExactly("ORG:Velmora",
                "PERSON:Luigi Velmora", "ORG:Velmora", "ORG:Tessaro");

        // an agreement's defined term is left as the finder read it
        String notDefinitions = "Dunmore is a company director. Varnell is the son of a bank clerk. Borrower is a"
                + " Delaware corporation.";
        List<Entity> people = List.of(entity(notDefinitions, "Dunmore", EntityType.PERSON),
                entity(notDefinitions, "Varnell", EntityType.PERSON),
                entity(notDefinitions, "Borrower", EntityType.PERSON));
        assertThat(EntityRecognizer.definedAs(notDefinitions, people)).isEqualTo(people);
    }

    @Test
    void aSentenceThatOpensWithANameAndDefinesItNamesWhatItDefines() {
        String text = "42 Lanterns to Venus (or Forty-Two Lanterns to Venus) is an alternative rock band from Leeds."
                + "\nThe Harrowgate League of Tenants is a charity founded in 1960.\nZelkovo (Cyrillic: Zelkovo) is"
                + " a village in Serbia.\nHaskett's is a chain of hardware shops.\nBorrower is a Delaware"
                + " corporation.\nIt is a company.\nNorth Quay is the nicest part of town.";
        List<List<NameTokens.NameToken>> sentences = TextProcessor.shared().analyze(text).sentences().stream()
                .map(sentence -> NameTokens.tokenize(text, sentence.start(), sentence.end())).toList();
        // nothing found: the definitions name their subjects
        assertThat(typed(EntityRecognizer.definedSubjects(text, sentences, List.of()))).containsExactly(
                "ORG:42 Lanterns to Venus", "ORG:Forty-Two Lanterns to Venus", "ORG:Harrowgate League of Tenants",
                "LOCATION:Zelkovo", "LOCATION:Zelkovo", "ORG:Haskett's");

        // part of the name found: the whole name replaces it; a listed name, or one reaching beyond the
        // subject, stays as it was
        List<Entity> part = List.of(entity(text, "Venus", EntityType.LOCATION),
                entity(text, "Harrowgate", EntityType.LOCATION),
                new Entity(EntityType.ORG, "Zelkovo (Cyrillic", text.indexOf("Zelkovo"),
                        text.indexOf("Zelkovo") + 17, null),
                new Entity(EntityType.ORG, "Haskett", text.indexOf("Haskett"), text.indexOf("Haskett") + 7,
                        new dev.newsintel.events.EntityRef("haskett", "Haskett", null, null)));
        assertThat(typed(EntityRecognizer.definedSubjects(text, sentences, part))).containsExactly(
                "ORG:42 Lanterns to Venus", "ORG:Forty-Two Lanterns to Venus", "ORG:Harrowgate League of Tenants",
                "ORG:Zelkovo (Cyrillic", "ORG:Haskett");

        // and the rest of the document uses the name, a number first or not
        String story = "42 Lanterns to Venus is an English indie band from Leeds. In 2004 the label dropped"
                + " 42 Lanterns to Venus after one album.";
        assertThat(typed(EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(story))))
                .containsSubsequence("ORG:42 Lanterns to Venus", "ORG:42 Lanterns to Venus");
    }

    @Test
    void postsThatWriteNamesInLowerCaseStillNamePeople() {
        EntityRecognizer recognizer = EntityRecognizer.bundled();
        assertThat(typed(recognizer.recognize(TextProcessor.shared().analyze(
                "omg justin bieber is coming to town and i am going with sarah and emily"))))
                .contains("PERSON:justin bieber", "PERSON:sarah", "PERSON:emily");
        // English words ("mark", "will"), handles, addresses and hashtags are no names; nor are lower-case
        // words where the text capitalises its names
        assertThat(recognizer.recognize(TextProcessor.shared().analyze(
                "i will mark the day in my diary , see you at @sarah or sarah.example.com #brittany lol")))
                .isEmpty();
        assertThat(typed(recognizer.recognize(TextProcessor.shared().analyze(
                "Kerri Lowell met sarah at the Bristol office on Monday."))))
                .doesNotContain("PERSON:sarah");
    }

    @Test
    void eventsPrizesAndTrophiesAreNoOrganisationsPeopleOrPlaces() {
        String text = "Tarvo Lind won the Dutch Grand Prix and the Stanley Cup, then the Cup again; Epic Games and"
                + " Harlow Festival Catering paid. She lost the Lakeshore Open at the Marlboro Masters.";
        List<Entity> found = List.of(entity(text, "Tarvo Lind", EntityType.PERSON),
                entity(text, "Dutch Grand Prix", EntityType.ORG), entity(text, "Lakeshore Open", EntityType.LOCATION),
                entity(text, "Marlboro Masters", EntityType.ORG),
                entity(text, "Stanley Cup", EntityType.PERSON),
                new Entity(EntityType.PERSON, "Cup", text.indexOf("Cup again"), text.indexOf("Cup again") + 3, null),
                entity(text, "Epic Games", EntityType.ORG),
                entity(text, "Harlow Festival Catering", EntityType.ORG));
        assertThat(typed(EntityRecognizer.withoutEvents(text, found))).containsExactly("PERSON:Tarvo Lind",
                "ORG:Epic Games", "ORG:Harlow Festival Catering");
    }

    @Test
    void battlesWarsAndGamesAfterTheirYearAreEvents() {
        String text = "After the Battle of Loos and the Bangladesh Liberation War, Erenice War won gold at the 1971"
                + " Pan American Games and joined Epic Games.";
        List<Entity> found = List.of(entity(text, "Battle of Loos", EntityType.ORG),
                entity(text, "Bangladesh Liberation War", EntityType.LOCATION),
                entity(text, "Erenice War", EntityType.PERSON),
                entity(text, "Pan American Games", EntityType.ORG),
                entity(text, "Epic Games", EntityType.ORG));
        assertThat(typed(EntityRecognizer.withoutEvents(text, found))).containsExactly("PERSON:Erenice War",
                "ORG:Epic Games");
    }

    @Test
    void titlesOfWorksAreNoNamesButPeopleAfterAWorksNounAre() {
        String text = "Harbour Lights is the third album by Velvet Orchard. The band wrote Harbour Lights in 1990 and"
                + " the 1999 film, Grey Meridian, used it, as did the song Cold Tuesday; the film Tomas Hradecky made"
                + " did not. Leeds Falcons play Glasgow Stags on Tuesday.";
        List<Entity> found = List.of(entity(text, "Harbour Lights", EntityType.ORG),
                entity(text, "Velvet Orchard", EntityType.ORG),
                new Entity(EntityType.ORG, "Harbour Lights", text.lastIndexOf("Harbour Lights"),
                        text.lastIndexOf("Harbour Lights") + 14, null),
                entity(text, "Grey Meridian", EntityType.LOCATION),
                entity(text, "Cold Tuesday", EntityType.PERSON),
                entity(text, "Tomas Hradecky", EntityType.PERSON),
                entity(text, "Glasgow Stags", EntityType.ORG));
        assertThat(typed(EntityRecognizer.withoutWorks(text, found))).containsExactly("ORG:Velvet Orchard",
                "PERSON:Tomas Hradecky", "ORG:Glasgow Stags");
    }

    @Test
    void aCapitalisedTheMidSentenceIsPartOfAnOrganisationsName() {
        String text = "The Harbour Singers toured with The Copper Magpies, then with the Lantern Thieves.\n"
                + "THE NEW SEASON BEGINS WITH The Velvet Orchards AGAIN\nNote: The Glasgow Clarion wrote it.";
        List<Entity> found = List.of(entity(text, "Harbour Singers", EntityType.ORG),
                entity(text, "Copper Magpies", EntityType.ORG), entity(text, "Lantern Thieves", EntityType.ORG),
                entity(text, "Velvet Orchards", EntityType.ORG), entity(text, "Glasgow Clarion", EntityType.ORG));
        List<dev.newsintel.enrich.nlp.Sentence> sentences = TextProcessor.shared().analyze(text).sentences();
        List<Boolean> headlines = sentences.stream().map(s -> s.text().startsWith("THE NEW")).toList();
        // at the start of a sentence, in a headline and after a colon, "The" is an article like any other
        assertThat(typed(EntityRecognizer.withLeadingThe(text, sentences, headlines, found))).containsExactly(
                "ORG:Harbour Singers", "ORG:The Copper Magpies", "ORG:Lantern Thieves", "ORG:Velvet Orchards",
                "ORG:Glasgow Clarion");
    }

    @Test
    void aNameAfterTheNounForABandOrAPaperIsAnOrganisation() {
        String text = "He joined the band Gigi in 1994. His current band, Moonlit Spire, was formed later; the band"
                + " Tomas Hradecky founded split, and he wrote for the newspaper Harwick Courier.";
        List<Entity> found = List.of(entity(text, "Gigi", EntityType.PERSON),
                entity(text, "Moonlit", EntityType.LOCATION), entity(text, "Tomas Hradecky", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.namedAfterGroupNoun(text, found))).containsExactly("ORG:Gigi",
                "ORG:Moonlit Spire", "PERSON:Tomas Hradecky", "ORG:Harwick Courier");
    }

    @Test
    void bandsAndLabelsAreOrganisationsByTheWordsAroundThem() {
        String text = "The band toured the UK supporting The Mission, then Julian Cope. They cite bands like Harrow"
                + " Lake, Quiet Order or Joy Division, signed to independent label Tallow and released four albums"
                + " for Decca. Velvet Dusk is a compilation album by The Lanterns. He played in other bands,"
                + " including Rudy Vallee's and Ada Quist 's, and recorded for John Peel. His producing credits"
                + " include Orgy and Justin Timberlake. She signed as a solo artist to Marrowtone.";
        List<Entity> found = List.of(entity(text, "UK", EntityType.LOCATION),
                entity(text, "Julian Cope", EntityType.PERSON), entity(text, "Harrow Lake", EntityType.LOCATION),
                entity(text, "Joy Division", EntityType.PERSON), entity(text, "Decca", EntityType.PERSON),
                entity(text, "Rudy Vallee", EntityType.PERSON), entity(text, "Ada Quist", EntityType.PERSON),
                entity(text, "John Peel", EntityType.PERSON), entity(text, "Justin Timberlake", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.musicActs(text, found))).containsExactly("LOCATION:UK", "ORG:The Mission",
                "PERSON:Julian Cope", "ORG:Harrow Lake", "ORG:Quiet Order", "ORG:Joy Division", "ORG:Tallow",
                "ORG:Decca", "ORG:The Lanterns", "PERSON:Rudy Vallee", "PERSON:Ada Quist", "PERSON:John Peel", "ORG:Orgy", "PERSON:Justin Timberlake", "ORG:Marrowtone");
        // outside music, what one supports or signs is whatever the finder said
        String policy = "The senator is supporting Harrow Lake residents and signed with Velvet Dusk on Friday.";
        List<Entity> places = List.of(entity(policy, "Harrow Lake", EntityType.LOCATION));
        assertThat(EntityRecognizer.musicActs(policy, places)).isSameAs(places);
        assertThat(EntityRecognizer.aboutMusic("A frequency band for 5G phones.")).isFalse();
        assertThat(EntityRecognizer.aboutMusic("The band's second album.")).isTrue();
    }

    @Test
    void aUnitNamedByItsNumberIsAnOrganisationInADocumentAboutMilitaryUnits() {
        String text = "The 141st was formed in 1862 and joined a brigade of the VI Corps with the 63d NY and 97th PVI."
                + " On the 5th, the 141st marched south; from the 1st of May the infantry rested. The 4th Division"
                + " fought on, and the 141st fought beside it.";
        List<Entity> found = List.of(entity(text, "VI Corps", EntityType.ORG));
        assertThat(typed(EntityRecognizer.militaryUnits(text, found))).containsExactly("ORG:141st", "ORG:VI Corps",
                "ORG:63d NY", "ORG:97th PVI", "ORG:141st", "ORG:4th Division", "ORG:141st");
        // a unit with its kind is one anywhere; a battle is not
        String history = "He served with the 1st Battalion, the 33rd Regiment of Foot and the Second Coastal Fleet"
                + " before the 2nd Battle of Narvik.";
        List<Entity> fleet = List.of(entity(history, "Coastal Fleet", EntityType.ORG));
        assertThat(typed(EntityRecognizer.militaryUnits(history, fleet))).containsExactly("ORG:1st Battalion",
                "ORG:33rd Regiment of Foot", "ORG:Second Coastal Fleet");
        // elsewhere a number is a number
        String season = "The 89th was the best season of the club: the 89th ended in May.";
        assertThat(EntityRecognizer.militaryUnits(season, List.of())).isEmpty();
    }

    @Test
    void namesListedBeforeAPluralNounForOrganisationsAreOrganisations() {
        String text = "The ISAP, ILPAP and ETHEL companies belong to OASA. The Tokyo and Osaka banks and the French and"
                + " German carriers merged.";
        List<Entity> found = List.of(entity(text, "ETHEL", EntityType.PERSON), entity(text, "OASA", EntityType.ORG),
                entity(text, "Tokyo", EntityType.LOCATION), entity(text, "Osaka", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.namesOfKind(text, found))).containsExactly("ORG:ISAP", "ORG:ILPAP",
                "ORG:ETHEL", "ORG:OASA", "LOCATION:Tokyo", "LOCATION:Osaka");
    }

    @Test
    void aFirmNamedByItsPartnersIsOneOrganisation() {
        String text = "Keefe, Bruyette & Woods, Inc. advised, with a copy to Ellery, Voss & Kaplan LLP. Offices in"
                + " Paris, Rome & Oslo. He ran Marketing, Sales & Consulting.";
        List<Entity> found = List.of(entity(text, "Keefe", EntityType.PERSON),
                entity(text, "Bruyette & Woods", EntityType.ORG), entity(text, "Ellery", EntityType.PERSON),
                entity(text, "Voss & Kaplan LLP", EntityType.ORG), entity(text, "Paris", EntityType.LOCATION),
                entity(text, "Rome", EntityType.LOCATION), entity(text, "Oslo", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.firmsOfPartners(text, found))).containsExactly(
                "ORG:Keefe, Bruyette & Woods", "ORG:Ellery, Voss & Kaplan LLP", "LOCATION:Paris", "LOCATION:Rome",
                "LOCATION:Oslo");
    }

    @Test
    void anOrganisationsNameInCapitalsAmidLowerCaseIsOneOrganisation() {
        String text = "The administrative agent is KEYSTONE NATIONAL BANK, as agent for the lenders, and the trustee is"
                + " the BANK OF NEW YORK MELLON TRUST COMPANY, acting for the holders of the notes.";
        List<Entity> found = List.of(entity(text, "NATIONAL BANK", EntityType.ORG),
                entity(text, "NEW YORK", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.organisationsInCapitals(text, found))).containsExactly(
                "ORG:KEYSTONE NATIONAL BANK", "ORG:BANK OF NEW YORK MELLON TRUST COMPANY");
        // a clause written in capitals is no name
        String waiver = "EACH OF BORROWER AND BANK HEREBY WAIVES ITS RIGHT TO A JURY TRIAL IN ANY ACTION AGAINST THE"
                + " BANK.";
        assertThat(EntityRecognizer.organisationsInCapitals(waiver, List.of())).isEmpty();
    }

    @Test
    void theUnfoundItemsOfAListOfOrganisationsAreOrganisations() {
        String text = "It aired on Fox 7, Telemundo, Univision, MUN2 and Quillon Media. Clients include Corva Labs"
                + " / Pearl and Harlow Foods. Tarvo Lind, Kansas and Tangerine Dream played. Ardent Labs and Birch"
                + " Works merged.";
        List<Entity> found = List.of(entity(text, "Fox 7", EntityType.ORG), entity(text, "Univision", EntityType.ORG),
                entity(text, "MUN2", EntityType.ORG), entity(text, "Corva Labs", EntityType.ORG),
                entity(text, "Harlow Foods", EntityType.ORG), entity(text, "Tarvo Lind", EntityType.PERSON),
                entity(text, "Tangerine Dream", EntityType.ORG), entity(text, "Ardent Labs", EntityType.ORG));
        assertThat(typed(EntityRecognizer.listsCompleted(text, found))).containsExactly("ORG:Fox 7",
                "ORG:Telemundo", "ORG:Univision", "ORG:MUN2", "ORG:Quillon Media", "ORG:Corva Labs", "ORG:Pearl",
                "ORG:Harlow Foods", "PERSON:Tarvo Lind", "ORG:Tangerine Dream", "ORG:Ardent Labs");
    }

    @Test
    void aHashtagIsNoMentionUnlessItNamesAListedCompany() {
        String post = "Snow again in #Ottawa today, so it is gaming on my new #NVIDIA card. Ottawa is cold.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(post));
        int hashtag = post.indexOf("#Ottawa");
        assertThat(found).extracting(e -> e.type() + ":" + e.text()).contains("LOCATION:Ottawa");
        assertThat(found).noneMatch(e -> e.start() < hashtag + 7 && e.end() > hashtag);
        assertThat(found).anyMatch(e -> e.text().contains("NVIDIA") && e.canonical() != null
                && e.canonical().cik() != null);
    }

    @Test
    void anAcronymAfterTheIsAnOrganisationUnlessSomethingElseExplainsIt() {
        String text = "In 1987 the TAB purchased the station, and the ACLU sued; the GPU, the USD, the HDCP copy"
                + " scheme, the UK and the BBC World Service were not part of it. TAB kept it, and the WORLD stopped.";
        List<Entity> found = List.of(entity(text, "UK", EntityType.LOCATION),
                entity(text, "BBC World Service", EntityType.ORG));
        assertThat(typed(EntityRecognizer.acronymsAfterThe(text, found))).containsExactly("ORG:TAB", "ORG:ACLU",
                "LOCATION:UK", "ORG:BBC World Service");
        String shouted = "BREAKING: WE TOLD the FCC, AS WE ALWAYS DO, AND THEY AGREED TO MEET US";
        assertThat(EntityRecognizer.acronymsAfterThe(shouted, List.of())).isEmpty();
        assertThat(typed(EntityRecognizer.acronymsAfterThe(shouted.toLowerCase().replace("fcc", "FCC"), List.of())))
                .containsExactly("ORG:FCC");
    }

    @Test
    void aClauseLabelsWordATimeZoneAndAMonthLinkToNoCompany() {
        // On Holding, Eastern Co. and NOV Inc. are listed companies whose names are also these words
        String text = "(b) On the Funding Date, payments received by Halvorsen Bank after 12:00 noon Eastern time or"
                + " 9:00 a.m. Pacific Standard Time are considered received on the next Business Day, as in Nov. 2023.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(found).extracting(Entity::text).doesNotContain("On", "Eastern", "Pacific", "Pacific Standard Time",
                "Nov").contains("Halvorsen Bank");
    }

    @Test
    void anInstitutionOfAPlaceOrOnATopicIsOneOrganisation() {
        String text = "The Research Council of Norway funded it, the Intergovernmental Panel on Climate Change cited"
                + " it, the U.S. Department of Commerce on Monday barred it and Under Council of Europe rules Bank of"
                + " America lent to it.";
        List<Entity> found = List.of(entity(text, "Norway", EntityType.LOCATION),
                entity(text, "Intergovernmental Panel", EntityType.ORG), entity(text, "U.S.", EntityType.LOCATION),
                new Entity(EntityType.ORG, "Bank of America", text.indexOf("Bank of"), text.indexOf("Bank of") + 15,
                        new EntityRef("cik:0000070858", "BANK OF AMERICA CORP /DE/", "0000070858", "BAC")));
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(text, found))).containsExactly(
                "ORG:Research Council of Norway", "ORG:Intergovernmental Panel on Climate Change",
                "ORG:U.S. Department of Commerce", "ORG:Council of Europe", "ORG:Bank of America");
        String filing = "The Board of Directors approved it after the Federal Trade Commission on November 22 did.";
        assertThat(EntityRecognizer.institutionsOfPlaces(filing, List.of())).isEmpty();
    }

    @Test
    void anInstitutionsNameGoesOnWithMoreFieldsButNotWithANameAfterIt() {
        String text = "The Ministry of Culture and Sport met the Department of Natural Resources, Mines and Water,"
                + " the Council for the Exploration of the Sea and the World Organization of the Scout Movement.";
        List<Entity> found = List.of(entity(text, "Department of Natural Resources", EntityType.ORG),
                entity(text, "Mines", EntityType.ORG), entity(text, "Sea", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(text, found))).containsExactly(
                "ORG:Ministry of Culture and Sport", "ORG:Department of Natural Resources, Mines and Water",
                "ORG:Council for the Exploration of the Sea", "ORG:World Organization of the Scout Movement");
        String end = "She joined the Research Council of Norway. He joined the Ministry of Defence of the UK. They met"
                + " at the University of St. Andrews. It grew in Oslo. Research Council of Norway staff came.";
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(end, List.of()))).containsExactly(
                "ORG:Research Council of Norway", "ORG:Ministry of Defence", "ORG:University of St. Andrews",
                "ORG:Research Council of Norway");
        String two = "It follows the Accounting Principles Board of the American Institute of Certified Accountants.";
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(two, List.of())))
                .noneMatch(name -> name.contains("Certified"));

        String names = "The Department of Justice and Apple settled; the University of Oslo and Bergen agreed; the"
                + " Ministry of Labour and The Times disagreed; the Ministry of Finance and Oslo met.";
        List<Entity> listed = List.of(new Entity(EntityType.ORG, "Apple", names.indexOf("Apple"),
                        names.indexOf("Apple") + 5, new EntityRef("cik:0000320193", "Apple Inc.", "0000320193", "AAPL")),
                entity(names, "Bergen", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(names, listed))).contains("ORG:Department of Justice",
                "ORG:University of Oslo", "ORG:Ministry of Labour", "ORG:Ministry of Finance", "ORG:Apple",
                "LOCATION:Bergen").noneMatch(name -> name.contains(" and "));
    }

    @Test
    void namesListedAsInstancesOfAKindOfOrganisationAreOrganisations() {
        String text = "Pharmacies including Shoppers Drug Mart and Ardent Drugs pulled it. Poems appeared in Poetry"
                + " London, The Australian, Antipodes and many other publications. Retailers such as John Lewis and"
                + " Kestrel Foods agreed, as did Halvorsen, Tindra and other lenders.";
        List<Entity> found = List.of(entity(text, "Ardent Drugs", EntityType.PERSON),
                entity(text, "The Australian", EntityType.LOCATION), entity(text, "John Lewis", EntityType.PERSON),
                entity(text, "Halvorsen", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.instancesOfKinds(text, found))).containsExactly(
                "ORG:Shoppers Drug Mart", "ORG:Ardent Drugs", "ORG:Poetry London", "ORG:The Australian",
                "ORG:Antipodes", "PERSON:John Lewis", "ORG:Kestrel Foods", "ORG:Halvorsen", "ORG:Tindra");

        String people = "Investors including Peter Thiel joined, and cities such as Oslo and Bergen and other places.";
        assertThat(EntityRecognizer.instancesOfKinds(people, List.of())).isEmpty();
    }

    @Test
    void aListOfPeopleMakesPeopleOfTheNamesInItThatCouldBePeoples() {
        String text = "Teammates were Max Carey, Kiki Cuyler, Rabbit Maranville, and Pie Traynor. Backers were Lena"
                + " Marsh, Omar Haddad and Corvid Labs. Guests were Ada Brandt, Tove Lind and Oslo.";
        List<Entity> found = List.of(entity(text, "Max Carey", EntityType.PERSON),
                entity(text, "Kiki Cuyler", EntityType.PERSON), entity(text, "Rabbit Maranville", EntityType.PERSON),
                entity(text, "Pie Traynor", EntityType.ORG), entity(text, "Lena Marsh", EntityType.PERSON),
                entity(text, "Omar Haddad", EntityType.PERSON), entity(text, "Corvid Labs", EntityType.ORG),
                entity(text, "Ada Brandt", EntityType.PERSON), entity(text, "Tove Lind", EntityType.PERSON),
                entity(text, "Oslo", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.peopleListed(text, found))).containsExactly("PERSON:Max Carey",
                "PERSON:Kiki Cuyler", "PERSON:Rabbit Maranville", "PERSON:Pie Traynor", "PERSON:Lena Marsh",
                "PERSON:Omar Haddad", "ORG:Corvid Labs", "PERSON:Ada Brandt", "PERSON:Tove Lind", "LOCATION:Oslo");
        String two = "Shares went to Lena Marsh and Halvorsen Tindra.";
        List<Entity> pair = List.of(entity(two, "Lena Marsh", EntityType.PERSON),
                entity(two, "Halvorsen Tindra", EntityType.ORG));
        assertThat(EntityRecognizer.peopleListed(two, pair)).isEqualTo(pair);
        List<Entity> overlapping = List.of(entity(two, "Lena Marsh", EntityType.PERSON),
                entity(two, "Marsh", EntityType.ORG));
        assertThat(EntityRecognizer.peopleListed(two, overlapping)).isEqualTo(overlapping);
    }

    @Test
    void aTeamsNicknameAloneIsTheTeamInADocumentAboutSport() {
        String text = "The Pirates lost 10-7 at home. Dallas Cowboys fans left early; Jets coach Rex Ryan smiled and"
                + " the Detroit Red Wings rested. #Vikings";
        List<Entity> found = List.of(entity(text, "Dallas", EntityType.LOCATION),
                entity(text, "Rex Ryan", EntityType.PERSON), entity(text, "Detroit Red Wings", EntityType.ORG));
        assertThat(typed(EntityRecognizer.teamNicknames(text, found))).containsExactly("ORG:Pirates",
                "ORG:Dallas Cowboys", "ORG:Jets", "PERSON:Rex Ryan", "ORG:Detroit Red Wings");
        // outside sport the same words are no team
        String church = "The Saints of the old church were honoured, and the Senators voted on Tuesday.";
        assertThat(EntityRecognizer.teamNicknames(church, List.of())).isEmpty();
    }

    @Test
    void aDocumentIsAboutSportByItsWordsOrAScore() {
        assertThat(EntityRecognizer.aboutSport("The Pirates lost 10-7.")).isTrue();
        assertThat(EntityRecognizer.aboutSport("He joined a Football club")).isTrue();
        assertThat(EntityRecognizer.aboutSport("In 2010-11 revenue rose 1.5-2 points, 10-7.5 or 3/10-4.")).isFalse();
        assertThat(EntityRecognizer.aboutSport("The gamekeeper left.")).isFalse();
    }

    @Test
    void aPlaceThatPlaysIsItsTeamInADocumentAboutSport() {
        String text = "Lancashire beat Somerset by six wickets. Bolton 1-2 Liverpool. After a 25-21 win over Ankara,"
                + " Waikato coach Hemi Parata, born in Hamilton, praised the league.";
        List<Entity> found = List.of(entity(text, "Lancashire", EntityType.LOCATION),
                entity(text, "Somerset", EntityType.LOCATION), entity(text, "Bolton", EntityType.LOCATION),
                entity(text, "Liverpool", EntityType.LOCATION), entity(text, "Ankara", EntityType.LOCATION),
                entity(text, "Waikato", EntityType.LOCATION), entity(text, "Hemi Parata", EntityType.PERSON),
                entity(text, "Hamilton", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.teamsByPlace(text, found))).containsExactly("ORG:Lancashire",
                "ORG:Somerset", "ORG:Bolton", "ORG:Liverpool", "ORG:Ankara", "ORG:Waikato", "PERSON:Hemi Parata",
                "LOCATION:Hamilton");
        // a national side stays a place, as CoNLL has it
        String cup = "Japan beat Syria 2-1 in the Asian Cup.";
        List<Entity> sides = List.of(entity(cup, "Japan", EntityType.LOCATION), entity(cup, "Syria",
                EntityType.LOCATION));
        assertThat(EntityRecognizer.teamsByPlace(cup, sides)).isSameAs(sides);
        // outside sport a place stays a place
        String trade = "Texas beat its 2019 export record, and talks against Ankara resumed.";
        List<Entity> places = List.of(entity(trade, "Texas", EntityType.LOCATION),
                entity(trade, "Ankara", EntityType.LOCATION));
        assertThat(EntityRecognizer.teamsByPlace(trade, places)).isSameAs(places);
    }

    @Test
    void theTeamOnePlaysForIsAnOrganisationInADocumentAboutSport() {
        String text = "He played professionally for the Rochester Jeffersons and Harrow Hounds, then signed with the"
                + " Albany Larks in the league.";
        List<Entity> found = List.of(entity(text, "Rochester Jeffersons", EntityType.PERSON),
                entity(text, "Albany", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.teamsPlayedFor(text, found))).containsExactly(
                "ORG:Rochester Jeffersons", "ORG:Harrow Hounds", "ORG:Albany Larks");
        // outside sport, what one joined is what the finder said
        String firm = "She joined the Harrow Hounds Trust board.";
        assertThat(EntityRecognizer.teamsPlayedFor(firm, List.of())).isEmpty();
    }

    @Test
    void aClubNamedWithTheLettersOfItsKindIsOneOrganisation() {
        String text = "He joined FC Hollfeld 1908, then 1. FC Nürnberg and Harwick Town A.F.C.; FC Barcelona Chief"
                + " Executive Joan Soler said AC Milan called. Clinch 1st Seed And Home Field For AFC.";
        List<Entity> found = List.of(entity(text, "Hollfeld", EntityType.LOCATION),
                entity(text, "Harwick Town", EntityType.LOCATION), entity(text, "Joan Soler", EntityType.PERSON),
                entity(text, "Milan", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.clubsByKind(text, found))).containsExactly("ORG:FC Hollfeld 1908",
                "ORG:1. FC Nürnberg", "ORG:Harwick Town A.F.C.", "ORG:FC Barcelona", "PERSON:Joan Soler",
                "ORG:AC Milan");
    }

    @Test
    void aHallOfFameWithItsFieldIsAnOrganisation() {
        String text = "In 1962 he was elected to the College Football Hall of Fame, and later the Rock and Roll Hall"
                + " of Fame took Hall of Famer Bill Smith.";
        List<Entity> found = List.of(entity(text, "College Football", EntityType.ORG),
                entity(text, "Bill Smith", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.institutionsOfPlaces(text, found))).containsExactly(
                "ORG:College Football Hall of Fame", "ORG:Rock and Roll Hall of Fame", "PERSON:Bill Smith");
        // no field before it: the hall alone is left to the finder
        assertThat(EntityRecognizer.institutionsOfPlaces("He entered the Hall of Fame in 1990.", List.of())).isEmpty();
        assertThat(typed(EntityRecognizer.institutionsOfPlaces("He retired to Canton. Hockey Hall of Fame voters met.",
                List.of()))).containsExactly("ORG:Hockey Hall of Fame");
    }

    @Test
    void aPersonsNameMadeOfEnglishWordsAloneIsABandsOrNoName() {
        String text = "Tangerine Dream toured with Grace Jones and Chief Operating Officer Lena Park.";
        List<Entity> found = List.of(entity(text, "Tangerine Dream", EntityType.PERSON),
                entity(text, "Grace Jones", EntityType.PERSON),
                entity(text, "Operating Officer", EntityType.PERSON), entity(text, "Lena Park", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.tidy(text, found))).containsExactly("ORG:Tangerine Dream",
                "PERSON:Grace Jones", "PERSON:Lena Park");
    }

    @Test
    void callSignsAreStationsInADocumentAboutBroadcasting() {
        String radio = "4KR, known as 873 4KR, began broadcasting in 1934. 4KR is owned by Darling Media, as is its"
                + " sister station WKRQ-FM. In 1994 4KR WILL keep KQED's schedule.";
        assertThat(typed(EntityRecognizer.callSigns(radio, List.of(entity(radio, "Darling Media", EntityType.ORG)))))
                .containsExactly("ORG:4KR", "ORG:873 4KR", "ORG:4KR", "ORG:Darling Media", "ORG:WKRQ-FM",
                        "ORG:4KR", "ORG:KQED");
        String other = "Enable 2FA before you use the 4WD setting, said the WWDC speaker.";
        assertThat(EntityRecognizer.callSigns(other, List.of())).isEmpty();
    }

    @Test
    void theSurnameOfAPersonsNameWithoutAKnownGivenNameIsThatPersonToo() {
        String text = "Ikaika Lohiau (born 1971) is a Hawaiian guitarist.\nLohiau's style changed to jazz when he"
                + " met the Kona Strings.\nIn 1998 Lohiau recorded his first album.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(found.stream().filter(e -> e.text().contains("Lohiau")).map(e -> e.type() + ":" + e.text()))
                .containsExactly("PERSON:Ikaika Lohiau", "PERSON:Lohiau", "PERSON:Lohiau");
    }

    @Test
    void aNameEndingInAiIsACompanyUnlessAnAdjectiveMakesItAKindOfAi() {
        String text = "Kestra AI trained it with Vellum Labs, not Generative AI .";
        List<Entity> found = List.of(entity(text, "Kestra AI", EntityType.LOCATION),
                entity(text, "Vellum Labs", EntityType.PERSON), entity(text, "Generative AI", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("ORG:Kestra AI", "ORG:Vellum Labs", "LOCATION:Generative AI");
    }

    @Test
    void officeWordsAfterAnOrganisationBeforeANameAreNotPartOfIt() {
        String text = "Kestra AI Chief Executive Lena Marsh met the Chief Medical Officer Board Chair today .";
        List<Entity> found = List.of(entity(text, "Kestra AI Chief", EntityType.ORG),
                entity(text, "Chief Medical Officer Board Chair", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("ORG:Kestra AI", "ORG:Chief Medical Officer Board Chair"); // no name after it
    }

    @Test
    void aNameTheTokenizerSplitBeforeTheInitialsFullStopIsStillOneName() {
        String text = "The board appointed Richard A. Lupoff as chief financial officer.";
        int start = text.indexOf("Richard");
        List<Entity> found = List.of(new Entity(EntityType.PERSON, "Richard A", start, start + 9, null),
                entity(text, "Lupoff", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("PERSON:Richard A. Lupoff");
        // the surname read alone as a place or an organisation is still the surname
        String quote = "said Olivia C. Redmond and Gretchen M. Aalto .";
        List<Entity> parts = List.of(entity(quote, "Olivia C.", EntityType.PERSON),
                entity(quote, "Redmond", EntityType.LOCATION), entity(quote, "Gretchen M.", EntityType.PERSON),
                entity(quote, "Aalto", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(quote, parts)))
                .containsExactly("PERSON:Olivia C. Redmond", "PERSON:Gretchen M. Aalto");
    }

    @Test
    void aCountryBeforeAnAgencyIsAPlaceAndAFundingRoundIsNoName() {
        String text = "The U.S. Federal Trade Commission sued after Quillbox raised Series E funding .";
        List<Entity> found = List.of(entity(text, "The U.S. Federal Trade Commission", EntityType.ORG),
                entity(text, "Series E", EntityType.ORG));
        assertThat(EntityRecognizer.tidy(text, found)).extracting(e -> e.type() + ":" + e.text() + "@" + e.start())
                .containsExactly("LOCATION:U.S.@4", "ORG:Federal Trade Commission@9");
        // a name that merely starts like a country's abbreviation is left alone
        String band = "US Rails played in Leeds .";
        assertThat(EntityRecognizer.tidy(band, List.of(entity(band, "US Rails", EntityType.ORG))))
                .extracting(Entity::text).containsExactly("US Rails");
    }

    @Test
    void nameParticlesKeepAPersonsNameWhole() {
        String text = "Ursula von der Leyen met Mohammed bin Salman and a Vincent van Gogh expert, Henri d'Orves .";
        List<Entity> found = List.of(entity(text, "Ursula", EntityType.PERSON),
                entity(text, "Leyen", EntityType.PERSON), entity(text, "Mohammed", EntityType.PERSON),
                entity(text, "Vincent van", EntityType.PERSON), entity(text, "Henri", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.tidy(text, found))).containsExactly(
                "PERSON:Ursula von der Leyen", "PERSON:Mohammed bin Salman", "PERSON:Vincent van Gogh",
                "PERSON:Henri d'Orves");
        // a particle with nothing capitalised after it is just a word
        String plain = "Maria de la semana .";
        assertThat(EntityRecognizer.tidy(plain, List.of(entity(plain, "Maria", EntityType.PERSON))))
                .extracting(Entity::text).containsExactly("Maria");
    }

    @Test
    void aTitleBeforeANameMakesItAPersonsButNotEveryTitleWordDoes() {
        assertThat(EntityRecognizer.readsAsPerson("Colonel Baltasar Cárdenas")).isTrue();
        assertThat(EntityRecognizer.readsAsPerson("Sen. Ada Quist")).isTrue();
        assertThat(EntityRecognizer.readsAsPerson("General Dynamics")).isFalse(); // "General" starts companies too
        assertThat(EntityRecognizer.readsAsPerson("Captain Cook Cruises Company")).isFalse(); // a head word
        assertThat(EntityRecognizer.readsAsPerson("Frank Kelly Freas")).isFalse(); // a given name alone is not enough
        String text = "Colonel Baltasar Cárdenas held the pass .";
        List<Entity> colonel = List.of(entity(text, "Colonel Baltasar Cárdenas", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(text, colonel))).containsExactly("PERSON:Baltasar Cárdenas");
    }

    @Test
    void anOfficeBeforeANameIsLeftOutAndAnOfficeAloneIsNoName() {
        String text = "Health Minister Celeste Macuácua and Prosecutor Kristien Van Acker spoke , said Justice "
                + "Minister Pieter De Smedt , of General Dynamics in St. Louis .";
        List<Entity> found = List.of(entity(text, "Health Minister Celeste Macuácua", EntityType.ORG),
                entity(text, "Prosecutor Kristien Van Acker", EntityType.PERSON),
                entity(text, "Minister", EntityType.PERSON), entity(text, "Pieter De Smedt", EntityType.PERSON),
                entity(text, "General Dynamics", EntityType.ORG), entity(text, "St. Louis", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("PERSON:Celeste Macuácua", "PERSON:Kristien Van Acker", "PERSON:Pieter De Smedt",
                        "ORG:General Dynamics", "LOCATION:St. Louis");
        // what follows the office must be a name in name case that no head word makes an organisation
        assertThat(EntityRecognizer.nameAfterOffice("President Hotel Group", Set.of("president"), false))
                .isEqualTo(-1);
        assertThat(EntityRecognizer.nameAfterOffice("Attorney General Maria Lopez", Set.of("attorney", "general"),
                true)).isEqualTo("Attorney General ".length());
        // a student's year or a priest's "Fr" before a given name is a title; before other words it is a name's
        String team = "Senior Kory Lindqvist and Fr Francisco Sousa met Senior Housing Properties Trust and County"
                + " Coroner William Marsh at Shree Saptakoteshwar .";
        List<Entity> teamFound = List.of(entity(team, "Senior Kory Lindqvist", EntityType.ORG),
                entity(team, "Fr Francisco Sousa", EntityType.ORG),
                entity(team, "Senior Housing Properties Trust", EntityType.ORG),
                entity(team, "County Coroner William Marsh", EntityType.ORG),
                entity(team, "Shree Saptakoteshwar", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(team, teamFound))).containsExactly("PERSON:Kory Lindqvist",
                "PERSON:Francisco Sousa", "ORG:Senior Housing Properties Trust", "PERSON:William Marsh",
                "PERSON:Shree Saptakoteshwar");
    }

    @Test
    void aCompanyAndItsOfficeBeforeAPersonsNameAreTheCompanyAndThePerson() {
        String text = "Microsoft President Dana Whitfield wrote on Monday that the deal would close. OpenAI Chief "
                + "Executive Lena Marsh told reporters the model ships in May.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(typed(found)).contains("ORG:Microsoft",
                "PERSON:Dana Whitfield", "ORG:OpenAI", "PERSON:Lena Marsh");
        // one word after an office word is the rest of a place's name, not a person's
        String address = "Two Newton Executive Park , Suite 203";
        assertThat(typed(EntityRecognizer.tidy(address, List.of(entity(address, "Newton Executive Park",
                EntityType.LOCATION)))))
                .containsExactly("LOCATION:Newton Executive Park");
    }

    @Test
    void twoCompaniesReadAsOneNameAreTwo() {
        String text = "Notes were sold by Lakeview Securities and Ostrava Securities , and its stake in Riverbend "
                + "Media to Apollo , advised by the Ministry of Energy and Energy Industries .";
        List<Entity> found = List.of(entity(text, "Lakeview Securities and Ostrava Securities", EntityType.ORG),
                entity(text, "Riverbend Media to Apollo", EntityType.ORG),
                entity(text, "Ministry of Energy and Energy Industries", EntityType.ORG));
        assertThat(typed(EntityRecognizer.tidy(text, found))).containsExactly(
                "ORG:Lakeview Securities", "ORG:Ostrava Securities", "ORG:Riverbend Media", "ORG:Apollo",
                "ORG:Ministry of Energy and Energy Industries");
        // one name: the first part is no company's name of itself
        assertThat(EntityRecognizer.twoCompaniesJoinedAt("Procter and Gamble Company")).isEqualTo(-1);
        assertThat(EntityRecognizer.twoCompaniesJoinedAt("Rochester Gas and Electric Corporation")).isEqualTo(-1);
    }

    @Test
    void aCoinedCompanyNameStartsASentenceAndAListedNameCountsInLowerCaseInPosts() {
        EntityRecognizer recognizer = EntityRecognizer.bundled();
        // a coined name needs no cue after it at a sentence's start; a word ("Snowflake") still does
        assertThat(recognizer.recognize(TextProcessor.shared().analyze("Broadcom jumped 5% on Friday.")))
                .extracting(e -> e.type() + ":" + e.text() + ":" + e.canonical().ticker())
                .containsExactly("ORG:Broadcom:AVGO");
        assertThat(recognizer.recognize(TextProcessor.shared().analyze("Snowflake melted on the porch.")))
                .noneMatch(e -> e.type() == EntityType.ORG);
        // posts write brands in lower case; a web address, a handle or an English word is no mention
        assertThat(typed(recognizer.recognize(TextProcessor.shared().analyze(
                "watched it on netflix last night , see netflix.com/about and @netflix , then went to target"))))
                .containsExactly("ORG:netflix");
    }

    @Test
    void aPlaceAndAPluralAreATeam() {
        String text = "The Chicago Kestrels beat the Toronto Harriers before the Tokyo Olympics .";
        List<Entity> found = List.of(entity(text, "Chicago Kestrels", EntityType.LOCATION),
                entity(text, "Toronto Harriers", EntityType.PERSON),
                entity(text, "Tokyo Olympics", EntityType.LOCATION));
        assertThat(typed(EntityRecognizer.tidy(text, found))).containsExactly(
                "ORG:Chicago Kestrels", "ORG:Toronto Harriers", "LOCATION:Tokyo Olympics");
        assertThat(EntityRecognizer.readsAsTeam("Florida Keys")).isFalse();
        assertThat(EntityRecognizer.readsAsTeam("Harriers")).isFalse();
        assertThat(EntityRecognizer.readsAsTeam("Marcus Kestrels")).isFalse(); // no listed place
    }

    @Test
    void aCompanysNameWithoutItsLegalFormIsItsShortName() {
        EntityRecognizer recognizer = EntityRecognizer.bundled();
        assertThat(recognizer.multiWordShortNameOf("Chesapeake Harbor Bancorp, Inc.")).isEqualTo("Chesapeake Harbor");
        assertThat(recognizer.multiWordShortNameOf("Prescott Lane LLP")).isEqualTo("Prescott Lane");
        assertThat(recognizer.multiWordShortNameOf("Kestrel Silicon")).isNull(); // one word is left to shortNameOf
        assertThat(recognizer.multiWordShortNameOf("New York Holdings")).isNull(); // a listed place
        String text = "The Audit Committee approved the dismissal of Marcus Fenwick LLP as its auditor. The Company "
                + "provided Marcus Fenwick with a copy of the disclosures and requested that Marcus Fenwick furnish a "
                + "letter.";
        assertThat(recognizer.recognize(TextProcessor.shared().analyze(text)))
                .filteredOn(e -> e.text().equals("Marcus Fenwick")).extracting(Entity::type)
                .containsExactly(EntityType.ORG, EntityType.ORG);
    }

    @Test
    void aGivenNameBeforeWordsThatAreNoEnglishWordsReadsAsAPersonsName() {
        assertThat(EntityRecognizer.readsAsPersonsName("Frank Catalano")).isTrue();
        assertThat(EntityRecognizer.readsAsPersonsName("Frank Kelly Freas")).isTrue();
        assertThat(EntityRecognizer.readsAsPersonsName("Marlin Payments")).isFalse(); // a word: a company
        assertThat(EntityRecognizer.readsAsPersonsName("Morgan Lane")).isFalse();
        assertThat(EntityRecognizer.readsAsPersonsName("Warner Bros")).isFalse(); // a company's head word
        assertThat(EntityRecognizer.readsAsPersonsName("El Bierzo")).isFalse(); // too short a given name
        assertThat(EntityRecognizer.readsAsPersonsName("Catalano Frank")).isFalse(); // no given name first
        String text = "Toastmasters have included Frank Catalano and Ada Quist .";
        assertThat(typed(EntityRecognizer.tidy(text, List.of(entity(text, "Frank Catalano", EntityType.ORG)))))
                .containsExactly("PERSON:Frank Catalano");
    }

    @Test
    void givenNamesOfManyCountriesCueTheSurnameAlone() {
        assertThat(NameFeatures.Lexicon.bundled().firstNames).contains("Priya", "Iker", "Kojo", "Youssef", "Oskar",
                "Anjali", "Kenji", "Concepción", "John", "Mary");
        String text = "Intel named Priya Raman its chief financial officer on Monday.\n"
                + "Raman, 51, joins from Helix Precision Instruments.";
        List<Entity> entities = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(entities).filteredOn(e -> e.text().equals("Raman")).extracting(Entity::type)
                .containsExactly(EntityType.PERSON);
    }

    @Test
    void aCompanysShortNameIsTheFirstWordOfAnUnlistedNameEndingInADescriptor() {
        EntityRecognizer recognizer = EntityRecognizer.bundled();
        assertThat(recognizer.shortNameOf("Merlion Digital")).isEqualTo("Merlion");
        assertThat(recognizer.shortNameOf("Quarry Data Systems")).isEqualTo("Quarry");
        assertThat(recognizer.shortNameOf("Digital Realty")).isNull(); // no descriptor last
        assertThat(recognizer.shortNameOf("Morgan Capital")).isNull(); // a given name alone is a person
        assertThat(recognizer.shortNameOf("British Software Group")).isNull(); // a demonym alone is no company
        assertThat(recognizer.shortNameOf("Kestrel Valley Group")).isNull(); // "Valley" is no descriptor
        assertThat(recognizer.shortNameOf("CSX Transportation")).isEqualTo("CSX");
        assertThat(recognizer.shortNameOf("AI Labs")).isNull(); // a common acronym
        assertThat(recognizer.shortNameOf("US Software")).isNull(); // a place
        String text = "Qualcomm agreed to buy the chip designer Kestrel Silicon for $2.9 billion.\n"
                + "The deal values Kestrel at 14 times its sales.";
        List<Entity> entities = recognizer.recognize(TextProcessor.shared().analyze(text));
        assertThat(entities).filteredOn(e -> e.text().equals("Kestrel")).extracting(Entity::type)
                .containsExactly(EntityType.ORG);
    }

    @Test
    void aShopsNameEndingInApostropheSIsOneOrganisationUnlessANounFollows() {
        String text = "Thalhimer's became Hecht's in 1992, and shoppers went to Dillard's. Hecht's stores closed.";
        List<Entity> found = List.of(entity(text, "Thalhimer", EntityType.PERSON), entity(text, "Dillard",
                EntityType.ORG), new Entity(EntityType.ORG, "Hecht", text.lastIndexOf("Hecht"),
                text.lastIndexOf("Hecht") + 5, null));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("ORG:Thalhimer's", "ORG:Dillard's", "ORG:Hecht");
        // a listed company's possessive stays the company: "Apple's in talks" is Apple
        String listed = "Apple's in talks with suppliers.";
        Entity apple = new Entity(EntityType.ORG, "Apple", 0, 5,
                new dev.newsintel.events.EntityRef("cik:0000320193", "Apple Inc.", "0000320193", "AAPL"));
        assertThat(EntityRecognizer.possessiveNameEnd(listed, apple)).isEqualTo(-1);
    }

    @Test
    void aSurnameReadAloneAsAnOrganisationIsThePersonTheDocumentNamedInFull() {
        String text = "Marta Quillon is a Chilean architect.\nQuillon has also designed museums in Lima and Bogota.";
        List<Entity> entities = EntityRecognizer.bundled().recognize(
                dev.newsintel.enrich.nlp.TextProcessor.shared().analyze(text));
        assertThat(entities).filteredOn(e -> e.text().equals("Quillon")).extracting(Entity::type)
                .containsExactly(EntityType.PERSON);
    }

    @Test
    void aProductComparedWithTheModelItReplacesIsNoAiModel() {
        String device = "Equinor unveiled Halo 3 on Wednesday, its newest data center switch. Equinor said Halo 3 is "
                + "twice as fast as the model it replaces.";
        String ai = "Vantor released Gauss 3 on Monday. Vantor said Gauss 3 is a smaller model than Gauss 2.";
        assertThat(typesOf(device, "Halo 3")).doesNotContain(EntityType.AI_MODEL);
        assertThat(typesOf(ai, "Gauss 3")).contains(EntityType.AI_MODEL);
    }

    @Test
    void theLicenceAModelIsReleasedUnderIsNoModel() {
        String text = "Vantor released Gauss 3, an open-weight model, under Apache 2.0; its tokenizer is under MPL 2.0.";
        assertThat(typesOf(text, "Gauss 3")).contains(EntityType.AI_MODEL);
        assertThat(typesOf(text, "Apache 2.0")).doesNotContain(EntityType.AI_MODEL);
        assertThat(typesOf(text, "MPL 2.0")).doesNotContain(EntityType.AI_MODEL);
    }

    private static List<EntityType> typesOf(String text, String mention) {
        return EntityRecognizer.bundled().recognize(dev.newsintel.enrich.nlp.TextProcessor.shared().analyze(text))
                .stream().filter(e -> e.text().equals(mention)).map(Entity::type).toList();
    }

    @Test
    void aProductNameTheDocumentGivesAsAKnownModelIsThatModel() {
        dev.newsintel.events.EntityRef qwen = new dev.newsintel.events.EntityRef("model:qwen9-70b", "Qwen9-70B", null,
                null);
        String text = "Qwen9 is out. The lab released Qwen9-70B. Quasar ships too.";
        List<Entity> found = List.of(entity(text, "Qwen9", EntityType.PRODUCT),
                new Entity(EntityType.AI_MODEL, "Qwen9-70B", text.indexOf("Qwen9-70B"),
                        text.indexOf("Qwen9-70B") + 9, qwen),
                entity(text, "Quasar", EntityType.PRODUCT));
        List<Entity> out = EntityRecognizer.modelsAsModels(found);
        assertThat(out.get(0).type()).isEqualTo(EntityType.AI_MODEL);
        assertThat(out.get(0).canonical()).isEqualTo(qwen);
        assertThat(out.get(2).type()).isEqualTo(EntityType.PRODUCT); // no model of that name
    }

    @Test
    void theFinderAgreeingWithAListMatchKeepsItsLink() {
        String text = "Hugging Face, the platform where open models are published, has raised new funding. "
                + "Snowflake and Mistral AI announced a partnership on Tuesday.";
        List<Entity> entities = EntityRecognizer.bundled().recognize(
                dev.newsintel.enrich.nlp.TextProcessor.shared().analyze(text));
        assertThat(entities).filteredOn(e -> e.text().equals("Hugging Face"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.canonical()).isNotNull());
        assertThat(entities).filteredOn(e -> e.text().equals("Snowflake"))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.type()).isEqualTo(EntityType.ORG);
                    assertThat(e.canonical()).isNotNull();
                });
    }

    @Test
    void aListedNameOfSeveralWordsKeepsItsWholeExtentOverAPartTheFinderFound() {
        String text = "Its shares trade on the New York Stock Exchange under WMT.";
        int start = text.indexOf("New York");
        EntityRecognizer.Candidate listed = new EntityRecognizer.Candidate(EntityType.ORG, start,
                start + "New York Stock Exchange".length(), null, false, EntityRecognizer.LISTED);
        EntityRecognizer.Candidate part = new EntityRecognizer.Candidate(EntityType.ORG, start,
                start + "New York Stock".length(), null, false, EntityRecognizer.STATISTICAL);
        List<EntityRecognizer.Candidate> candidates = new java.util.ArrayList<>(List.of(listed, part));
        EntityRecognizer.yieldToStatistical(text, candidates);
        assertThat(candidates).containsExactly(listed);
        // a longer name the finder found still wins over the listed part of it: "Kestrel Silicon" over "Kestrel"
        String other = "Qualcomm will buy Kestrel Silicon.";
        int at = other.indexOf("Kestrel");
        EntityRecognizer.Candidate shortListed = new EntityRecognizer.Candidate(EntityType.ORG, at, at + 7, null,
                false, EntityRecognizer.LISTED);
        EntityRecognizer.Candidate whole = new EntityRecognizer.Candidate(EntityType.ORG, at, at + 15, null, false,
                EntityRecognizer.STATISTICAL);
        List<EntityRecognizer.Candidate> both = new java.util.ArrayList<>(List.of(shortListed, whole));
        EntityRecognizer.yieldToStatistical(other, both);
        assertThat(both).containsExactly(whole);
    }

    @Test
    void anInstitutionNamedAfterAPersonIsOneOrganisation() {
        String text = "The Emil Touma Institute for Palestinian Studies and the Allen Institute for AI met Ada Quist .";
        List<Entity> found = List.of(entity(text, "Emil Touma", EntityType.PERSON),
                entity(text, "Palestinian Studies", EntityType.ORG), entity(text, "Allen", EntityType.PERSON),
                entity(text, "Ada Quist", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.namedForPeople(text, found)))
                .containsExactly("ORG:Emil Touma Institute for Palestinian Studies", "ORG:Allen Institute for AI",
                        "PERSON:Ada Quist");
        String said = "Ada Quist Foundation-style charities are rare , said Ada Quist .";
        assertThat(typed(EntityRecognizer.namedForPeople(said, List.of(entity(said, "Ada Quist", EntityType.PERSON)))))
                .containsExactly("PERSON:Ada Quist");
    }

    @Test
    void aNameAfterTheTownOfOrMilesNorthOfIsAPlace() {
        String text = "It lies south of the town of Coleman , 50 miles northwest of Orlando , and is run by Ada "
                + "Quist .";
        List<Entity> found = List.of(entity(text, "Coleman", EntityType.PERSON),
                entity(text, "Orlando", EntityType.PERSON), entity(text, "Ada Quist", EntityType.PERSON));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("LOCATION:Coleman", "LOCATION:Orlando", "PERSON:Ada Quist");
        String capital = "He paid the registered capital of Borrower Company .";
        assertThat(typed(EntityRecognizer.tidy(capital, List.of(entity(capital, "Borrower Company", EntityType.ORG)))))
                .containsExactly("ORG:Borrower Company");
    }

    @Test
    void aSurnameSplitAtItsHyphenIsJoinedAndACountryBeforeAnOfficeIsThePlaceAlone() {
        String text = "U.S. Rep. Alexandria Ocasio-Cortez said so .";
        int split = text.indexOf("-Cortez");
        List<Entity> found = List.of(entity(text, "U.S. Rep", EntityType.ORG),
                new Entity(EntityType.PERSON, "Alexandria Ocasio", text.indexOf("Alexandria"), split, null),
                new Entity(EntityType.PERSON, "-Cortez", split, split + "-Cortez".length(), null));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("LOCATION:U.S.", "PERSON:Alexandria Ocasio-Cortez");
        // the rest of the surname, found by nobody
        String unclaimed = "along with Dr. Haidar Abdel-Shafi , and a Smith-led team";
        assertThat(typed(EntityRecognizer.tidy(unclaimed, List.of(entity(unclaimed, "Haidar Abdel", EntityType.PERSON),
                entity(unclaimed, "Smith", EntityType.PERSON)))))
                .containsExactly("PERSON:Haidar Abdel-Shafi", "PERSON:Smith");
        assertThat(EntityRecognizer.isOffice("Attorney General")).isTrue();
        assertThat(EntityRecognizer.isOffice("Federal Trade Commission")).isFalse();
    }

    @Test
    void aTownBeforeItsStateIsAPlaceAndASuffixAloneIsNoName() {
        String text = "Its plants are in Rochester , New York , and Newton , Massachusetts 02462 . Attention : Ada "
                + "Quist , Esq. and Ada Quist , New Yorker .";
        List<Entity> found = List.of(entity(text, "Rochester", EntityType.PERSON),
                entity(text, "Newton", EntityType.PERSON), entity(text, "Ada Quist", EntityType.PERSON),
                entity(text, "Esq.", EntityType.PERSON),
                new Entity(EntityType.PERSON, "Ada Quist", text.lastIndexOf("Ada Quist"),
                        text.lastIndexOf("Ada Quist") + 9, null));
        assertThat(typed(EntityRecognizer.tidy(text, found)))
                .containsExactly("LOCATION:Rochester", "LOCATION:Newton", "PERSON:Ada Quist", "PERSON:Ada Quist");
    }

    @Test
    void anOrganisationEndingInAVariantOrAModelNumberIsAProduct() {
        assertThat(EntityRecognizer.readsAsProduct("Horizon Pro")).isTrue();
        assertThat(EntityRecognizer.readsAsProduct("Silicon One G300")).isTrue();
        assertThat(EntityRecognizer.readsAsProduct("Airbus A321neo")).isTrue();
        assertThat(EntityRecognizer.readsAsProduct("Lumio XR Glasses")).isTrue();
        assertThat(EntityRecognizer.readsAsProduct("Vantor Headset")).isTrue();
        assertThat(EntityRecognizer.readsAsProduct("Pro")).isFalse(); // one word
        assertThat(EntityRecognizer.readsAsProduct("Formula 3")).isFalse(); // a number alone is no model number
        assertThat(EntityRecognizer.readsAsProduct("Kestrel Silicon")).isFalse();
        String text = "The Horizon Pro headset from Glasswing costs $1,499.";
        assertThat(typed(EntityRecognizer.tidy(text, List.of(entity(text, "Horizon Pro", EntityType.ORG)))))
                .containsExactly("PRODUCT:Horizon Pro");
    }

    @Test
    void aLegalFormWithFullStopsMakesAnOrganisation() {
        String text = "Proastiakos S.A. belongs to the state. The trustee is Harwick Bank, N.A. in Ohio, and the U.S. "
                + "Army stayed.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(typed(found)).contains("ORG:Proastiakos S.A.", "ORG:Harwick Bank");
        assertThat(typed(found)).noneMatch(e -> e.contains("N.A.") || e.contains("U.S. Army stayed"));
        // legal forms without a comma belong to the name, "plc" in lower case and two in a row too
        String deal = "Neither Solvane Therapeutics plc nor Harrow Street Partners LP signed; Solvane Holdings Limited"
                + " did.";
        assertThat(typed(EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(deal)))).contains(
                "ORG:Solvane Therapeutics plc", "ORG:Harrow Street Partners LP", "ORG:Solvane Holdings Limited");
        // a listed company's name at the end of a longer one is not that company; a legal form alone is no name
        String bank = "The board of Bellhaven Bancorp, Inc. met CHESAPEAKE HARBOR BANCORP, INC. in Annapolis.";
        List<Entity> bankFound = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(bank));
        assertThat(typed(bankFound)).containsExactly("ORG:Bellhaven Bancorp", "ORG:CHESAPEAKE HARBOR BANCORP",
                "LOCATION:Annapolis");
        assertThat(bankFound.get(0).canonical().cik()).isNull();
        String rival = "Rival Nvidia Corp. said demand was strong.";
        List<Entity> rivalFound = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(rival));
        assertThat(typed(rivalFound)).containsExactly("ORG:Nvidia Corp.");
        assertThat(rivalFound.get(0).canonical().ticker()).isEqualTo("NVDA");
        String forms = "It sold the unit to Nordhavn A/S and to Citibank, Ltd. and Esq. Holdings.";
        List<Entity> formsFound = List.of(entity(forms, "A/S", EntityType.ORG), entity(forms, "Ltd.", EntityType.ORG),
                entity(forms, "Esq.", EntityType.PERSON));
        assertThat(EntityRecognizer.tidy(forms, formsFound)).isEmpty();
    }

    @Test
    void aCompanysUnitByItsLegalNameIsOneOrganisationLinkedToTheCompany() {
        String text = "The commitment letter came from Morgan Stanley Senior Funding, Inc. and Royal Bank of Canada.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        Entity unit = found.stream().filter(e -> e.text().startsWith("Morgan")).findFirst().orElseThrow();
        assertThat(unit.text()).isEqualTo("Morgan Stanley Senior Funding");
        assertThat(unit.canonical().cik()).isNotNull();
        assertThat(unit.canonical().name()).containsIgnoringCase("Morgan Stanley");
    }

    @Test
    void legalSuffixesMakeAnOrganisationAndCodeNamesAreNoPeople() {
        assertThat(EntityRecognizer.typeByHead("Anthropic PBC")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Van Dijkhuis Supermarkten B.V.")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.typeByHead("Siemens AG")).isEqualTo(EntityType.ORG);
        assertThat(EntityRecognizer.isCodeIdentifier("LanguageModelSession")).isTrue();
        assertThat(EntityRecognizer.isCodeIdentifier("McDonald")).isFalse();
        assertThat(EntityRecognizer.isCodeIdentifier("DiCaprio")).isFalse();
        assertThat(EntityRecognizer.isCodeIdentifier("MacArthur")).isFalse();
    }

    @Test
    void aLegalSuffixAfterACommaIsLeftOutOfTheName() {
        String text = "Cinder Security, Inc. will supply Halvard Pumps Corporation and Orrin Tool Co. from May.";
        List<Entity> found = new EntityRecognizer(CompanyDirectory.bundled(), null)
                .recognize(TextProcessor.shared().analyze(text));
        assertThat(found).filteredOn(e -> e.type() == EntityType.ORG).extracting(Entity::text)
                .containsExactly("Cinder Security", "Halvard Pumps Corporation", "Orrin Tool Co.");
        assertThat(found).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
    }

    @Test
    void lawsContractsChargesAndSumsAreNoNames() {
        String text = "Borrower shall pay Ten Thousand Dollars to the Agent. The Prepayment Fee is due under the "
                + "Uniform Commercial Code, the Securities Exchange Act and the Master Services Agreement.";
        List<Entity> found = EntityRecognizer.bundled().recognize(TextProcessor.shared().analyze(text));
        assertThat(found).extracting(Entity::text).noneMatch(t -> t.endsWith("Fee") || t.endsWith("Dollars")
                || t.endsWith("Code") || t.endsWith("Act") || t.endsWith("Agreement"));
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Uniform Commercial Code")).isTrue();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Ten Thousand\nDollars")).isTrue();
        // an earnings release's capitalised measures
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Free Cash Flow")).isTrue();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Adjusted Net Income")).isTrue();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Kestrel Silicon")).isFalse();
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Act")).isFalse(); // one word: a name, say a band
        assertThat(EntityRecognizer.namesADocumentOrAnAmount("Actors Equity")).isFalse();
    }

    /** "TYPE:text" of each entity, in order: what the tests compare. */
    private static List<String> typed(List<Entity> found) {
        return found.stream().map(e -> e.type() + ":" + e.text()).toList();
    }

    private static Entity entity(String text, String mention, EntityType type) {
        int start = text.indexOf(mention);
        return new Entity(type, mention, start, start + mention.length(), null);
    }
}
