package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PlainTextCleanerTest {
    private static final String BODY_1 = "Orbital Systems said on Tuesday it had agreed to acquire Lumen Robotics in "
            + "a deal valued at $1.2 billion, its largest purchase since the company went public in 2019.";
    private static final String BODY_2 = "The deal is expected to close in the third quarter, subject to regulatory "
            + "approval, and Lumen's founders will join Orbital's leadership team, the companies said.";

    @Test
    void siteNavigationAboveTheHeadlineIsDropped() {
        String text = """
                Markets
                Live prices for every pair
                Earn
                Stake and earn rewards
                Learn
                Guides for beginners
                Academy
                Research
                Reports from our analysts
                Orbital Systems agrees to buy Lumen Robotics for $1.2 billion
                %s
                %s
                """.formatted(BODY_1, BODY_2);
        PlainTextCleaner.Cleaned cleaned = PlainTextCleaner.clean(text);

        assertThat(cleaned.title()).isEqualTo("Orbital Systems agrees to buy Lumen Robotics for $1.2 billion");
        assertThat(cleaned.text()).isEqualTo(BODY_1 + "\n\n" + BODY_2);
    }

    @Test
    void trailingSocialAndLegalFurnitureIsDropped() {
        String text = """
                Orbital Systems agrees to buy Lumen Robotics

                button
                Summary loading

                %s

                What it means

                %s

                Source link
                The content above is provided for information purposes only and should not be considered financial advice. See our disclaimer.
                  • Like
                  • Comment
                  • Share
                Comments
                Be the first to comment
                """.formatted(BODY_1, BODY_2);
        PlainTextCleaner.Cleaned cleaned = PlainTextCleaner.clean(text);

        assertThat(cleaned.title()).isEqualTo("Orbital Systems agrees to buy Lumen Robotics");
        assertThat(cleaned.text()).isEqualTo(BODY_1 + "\n\nWhat it means\n\n" + BODY_2);
    }

    @Test
    void aClosingTagsSectionEndsTheArticle() {
        String text = "Headline of the story here\n" + BODY_1 + "\n" + BODY_2 + "\nKey points\n- " + BODY_1
                + "\nTags\n\"orbital\", \"robotics\", \"deals\"\nRelated Articles\n- Another story about robots [2026]\n";
        assertThat(PlainTextCleaner.clean(text).text()).endsWith("- " + BODY_1).doesNotContain("Tags", "Related");
    }

    @Test
    void aDatelineAboveTheStoryBecomesThePublicationDate() {
        String text = "Orbital buys Lumen\nMarch 11, 2026\nBy Sam Reed\n" + BODY_1 + "\n";
        PlainTextCleaner.Cleaned cleaned = PlainTextCleaner.clean(text);
        assertThat(cleaned.publishedAt()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(cleaned.title()).isEqualTo("Orbital buys Lumen");
        assertThat(cleaned.text()).isEqualTo(BODY_1);
    }

    @Test
    void aSingleLineIsKeptAsIs() {
        assertThat(PlainTextCleaner.clean("Acme raises $5 million").text()).isEqualTo("Acme raises $5 million");
        assertThat(PlainTextCleaner.clean(BODY_1).text()).isEqualTo(BODY_1);
    }
}
