package dev.newsintel.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextProcessorTest {

    private static List<String> tokens(String text) {
        AnalyzedText analyzed = TextProcessor.shared().analyze(text);
        return analyzed.sentences().stream().flatMap(s -> s.tokens().stream()).map(t -> {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
            return t.text();
        }).toList();
    }

    @Test
    void possessivesAndContractionsAreTokensOfTheirOwn() {
        assertThat(tokens("Adobe's tools and IBM’s unit.")).containsExactly("Adobe", "'s", "tools", "and", "IBM", "’s",
                "unit", ".");
        assertThat(tokens("It isn't what they're doing.")).containsExactly("It", "is", "n't", "what", "they", "'re",
                "doing", ".");
    }

    @Test
    void cliticsNeedAWordBeforeThem() {
        assertThat(TextProcessor.cliticStart("'s")).isEqualTo(-1);
        assertThat(TextProcessor.cliticStart("Dillard's")).isEqualTo(7);
        assertThat(TextProcessor.cliticStart("can't")).isEqualTo(2);
        assertThat(TextProcessor.cliticStart("Parsons")).isEqualTo(-1);
    }

    @Test
    void lineBreaksEndSentences() {
        AnalyzedText analyzed = TextProcessor.shared().analyze("Headline without a stop\nFirst sentence. Second one.");
        assertThat(analyzed.sentences()).extracting(Sentence::text).containsExactly("Headline without a stop",
                "First sentence.", "Second one.");
    }

    @Test
    void namesAfterAMiddleInitialOrATitleAbbreviationStayInTheirSentence() {
        AnalyzedText analyzed = TextProcessor.shared().analyze("On March 3, John Q. Public resigned. Gen. Manuel"
                + " Belgrano led the army from St. Louis to No. 18 Street. It rained.");
        assertThat(analyzed.sentences()).extracting(Sentence::text).containsExactly("On March 3, John Q. Public resigned.",
                "Gen. Manuel Belgrano led the army from St. Louis to No. 18 Street.", "It rained.");
        // what does end a sentence still does
        assertThat(TextProcessor.shared().analyze("Shares fell. Analysts at Morgan Stanley said so. We agree.")
                .sentences()).hasSize(3);
    }
}
