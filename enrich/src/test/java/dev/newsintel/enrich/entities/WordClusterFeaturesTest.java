package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;

/** Word clusters as name-finder features: read from the bundled file, looked up in lower case, and in the model. */
class WordClusterFeaturesTest {

    private static WordClusterFeatures.Clusters clusters(String text) throws IOException {
        return WordClusterFeatures.Clusters.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTokenGetsTheClustersOfItsWordAndOfTwoWordsEitherSideWhateverTheirCase() throws IOException {
        WordClusterFeatures.Clusters c = clusters("# comment\ndecca\t3\t17\t201\nmotown\t3\t17\t201\n"
                + "river\t5\t40\t9\n");
        WordClusterFeatures features = new WordClusterFeatures(c);
        String[] tokens = {"Decca", "and", "MOTOWN", "river", "Zqx"};

        List<String> decca = new ArrayList<>();
        features.createFeatures(decca, tokens, 0, new String[0]);
        List<String> and = new ArrayList<>();
        features.createFeatures(and, tokens, 1, new String[0]);
        List<String> unknown = new ArrayList<>();
        features.createFeatures(unknown, tokens, 4, new String[0]);

        // the token's own, then the words before it, then those after it; "and" and "Zqx" have no cluster
        assertThat(decca).containsExactly("wc0=3", "wc1=17", "wc2=201", "n2wc0=3", "n2wc1=17", "n2wc2=201");
        assertThat(and).containsExactly("p1wc0=3", "p1wc1=17", "p1wc2=201", "n1wc0=3", "n1wc1=17", "n1wc2=201",
                "n2wc0=5", "n2wc1=40", "n2wc2=9");
        assertThat(unknown).containsExactly("p1wc0=5", "p1wc1=40", "p1wc2=9", "p2wc0=3", "p2wc1=17", "p2wc2=201");
    }

    @Test
    void theFeaturesAreThoseOfOpenNlpsWindowOverTheTokensOwn() throws IOException {
        WordClusterFeatures.Clusters c = clusters("decca\t3\t17\t201\nriver\t5\t40\t9\nand\t1\t2\t3\n");
        String[] tokens = {"Decca", "and", "the", "River", "decca", "x"};
        opennlp.tools.util.featuregen.AdaptiveFeatureGenerator own = new opennlp.tools.util.featuregen
                .AdaptiveFeatureGenerator() {
            @Override
            public void createFeatures(List<String> features, String[] t, int index, String[] previous) {
                short[] ids = c.of(t[index]);
                for (int i = 0; ids != null && i < ids.length; i++) {
                    features.add("wc" + i + "=" + ids[i]);
                }
            }
        };
        var window = new opennlp.tools.util.featuregen.WindowFeatureGenerator(own, WordClusterFeatures.WINDOW,
                WordClusterFeatures.WINDOW);
        WordClusterFeatures built = new WordClusterFeatures(c);
        for (int index = 0; index < tokens.length; index++) {
            List<String> expected = new ArrayList<>();
            window.createFeatures(expected, tokens, index, new String[0]);
            List<String> actual = new ArrayList<>();
            built.createFeatures(actual, tokens, index, new String[0]);
            assertThat(actual).as("token %d", index).isEqualTo(expected);
        }
    }

    @Test
    void aLineWithTheWrongNumberOfClustersIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> clusters("decca\t3\t17\t201\nmotown\t3\t17\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("expected 4");
        assertThatThrownBy(() -> clusters("decca\t3\t-1\t201\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> clusters("decca\t3\tx\t201\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> clusters("# only a comment\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("holds no words");
    }

    @Test
    void theBundledClustersGroupWordsUsedAlike() {
        WordClusterFeatures.Clusters bundled = WordClusterFeatures.Clusters.bundled();
        assertThat(bundled.byWord).hasSizeGreaterThan(50_000);
        // the finest size: labels with labels, retailers with retailers, and the two groups apart
        int finest = bundled.names.length - 1;
        assertThat(bundled.of("Decca")[finest]).isEqualTo(bundled.of("motown")[finest]);
        assertThat(bundled.of("Sears")[finest]).isEqualTo(bundled.of("kmart")[finest]);
        assertThat(bundled.of("decca")[finest]).isNotEqualTo(bundled.of("sears")[finest]);
    }

    @Test
    void theBundledModelWasTrainedWithTheBundledFeatures() throws IOException {
        byte[] descriptor;
        try (InputStream in = NameFeatures.class.getResourceAsStream(NerTraining.FEATURES)) {
            descriptor = in.readAllBytes();
        }
        List<TokenNameFinderModel> members;
        try (InputStream in = NameFinder.class.getResourceAsStream(NameFinder.MODEL_RESOURCE)) {
            members = NameFinder.readEnsemble(in);
        }
        // a descriptor changed without `./newsintel train-ner --with-held-back` would leave the shipped model on
        // the old features
        for (TokenNameFinderModel member : members) {
            assertThat(descriptorOf(member)).isEqualTo(new String(descriptor, StandardCharsets.UTF_8));
        }
    }

    /** The feature descriptor a model file carries (its {@code generator.featuregen} entry). */
    private static String descriptorOf(TokenNameFinderModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serialize(bytes);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("generator.featuregen")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the model file has no feature descriptor");
    }
}
