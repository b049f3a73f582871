package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The words around a token's other occurrences in the document, as name-finder features. */
class DocumentFeaturesTest {

    private static final String[] INTRODUCED = {"They", "toured", "with", "the", "band", "Linkin", "Park", "."};
    private static final String[] BARE = {"Linkin", "Park", "played", "first", "."};
    private static final String[] COMMON = {"The", "park", "was", "full", "."};

    @AfterEach
    void forget() {
        DocumentFeatures.endDocument();
    }

    private static List<String> features(String[] tokens, int index) {
        List<String> out = new ArrayList<>();
        new DocumentFeatures().createFeatures(out, tokens, index, new String[0]);
        return out;
    }

    @Test
    void aBareNameGetsTheWordsAroundItsOtherOccurrences() {
        DocumentFeatures.beginDocument(List.of(INTRODUCED, BARE, COMMON));

        // "Linkin" at the start of the second sentence learns that elsewhere "band" comes before it
        assertThat(features(BARE, 0)).containsExactlyInAnyOrder("dp=band", "dn=CAP");
        // and the first occurrence learns from the later one: a sentence's start before, a capital after
        assertThat(features(INTRODUCED, 5)).containsExactlyInAnyOrder("dp=BOS", "dn=CAP");
        // "Park" is also written in lower case in the document
        assertThat(features(BARE, 1)).containsExactlyInAnyOrder("dlc", "dp=CAP", "dn=.");
    }

    @Test
    void aTokenSeenOnceOrInLowerCaseGetsNoNeighbours() {
        DocumentFeatures.beginDocument(List.of(INTRODUCED, BARE, COMMON));

        assertThat(features(INTRODUCED, 0)).containsExactly("dn1");
        assertThat(features(INTRODUCED, 1)).isEmpty();
        assertThat(features(COMMON, 1)).isEmpty();
    }

    @Test
    void withoutADocumentItAddsNothing() {
        assertThat(features(BARE, 0)).isEmpty();

        DocumentFeatures.beginDocument(List.of(INTRODUCED, BARE));
        DocumentFeatures.endDocument();
        assertThat(features(BARE, 0)).isEmpty();
    }

    @Test
    void theExperimentalDescriptorBuildsTheShippedFeaturesPlusTheseOnes() throws Exception {
        byte[] descriptor;
        try (java.io.InputStream in = DocumentFeaturesTest.class.getResourceAsStream(
                "/dev/newsintel/enrich/entities/ner-features-document.xml")) {
            descriptor = in.readAllBytes();
        }
        opennlp.tools.util.featuregen.AdaptiveFeatureGenerator generator =
                opennlp.tools.util.featuregen.GeneratorFactory.create(new java.io.ByteArrayInputStream(descriptor),
                        null);
        DocumentFeatures.beginDocument(List.of(INTRODUCED, BARE, COMMON));
        List<String> out = new ArrayList<>();
        generator.createFeatures(out, BARE, 0, new String[0]);

        assertThat(out).contains("dp=band", "dn=CAP", "w=linkin");
    }

    @Test
    void theDocumentIsPerThread() throws InterruptedException {
        DocumentFeatures.beginDocument(List.of(INTRODUCED, BARE));
        List<String> elsewhere = new ArrayList<>();
        Thread other = new Thread(() -> elsewhere.addAll(features(BARE, 0)));
        other.start();
        other.join();

        assertThat(elsewhere).isEmpty();
        assertThat(features(BARE, 0)).isNotEmpty();
    }
}
