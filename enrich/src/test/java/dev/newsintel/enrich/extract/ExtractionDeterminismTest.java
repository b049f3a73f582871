package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;


/** The same page always gives the same text (found by {@link HostileMarkupProperties}). */
class ExtractionDeterminismTest {
    private static final String PARAGRAPH = "The council approved the budget on Monday after a long debate, and the"
            + " mayor said the plan would fund roads, libraries and schools.";

    @Test
    void theSamePageAlwaysGivesTheSameTextEvenWhenBlocksScoreTheSame() {
        // Two blocks with equal scores: the tie must go the same way every time (it went by identity hash codes).
        String page = "<html><body><div class=\"one\"><p>" + PARAGRAPH + "</p></div><div class=\"two\"><p>"
                + PARAGRAPH.replace("council", "cabinet") + "</p></div></body></html>";
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            texts.add(new DocumentExtractor().extract(Fixtures.html(page)).text());
        }
        assertThat(texts).singleElement().asString().contains("council");
    }

}
