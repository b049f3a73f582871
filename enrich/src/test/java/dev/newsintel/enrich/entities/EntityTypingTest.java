package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.Entity;
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
}
