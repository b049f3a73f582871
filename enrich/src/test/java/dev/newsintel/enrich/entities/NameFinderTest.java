package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.enrich.nlp.Sentence;
import dev.newsintel.enrich.nlp.TextProcessor;

/** The name finder's ensemble: a majority decides, and the ensemble file round-trips. */
class NameFinderTest {

    @Test
    void aNameIsKeptWhenMostMembersFoundItWithTheSameExtentAndType() {
        Span[] first = {new Span(0, 2, "person", 0.9), new Span(3, 4, "organization", 0.6)};
        Span[] second = {new Span(0, 2, "person", 0.7), new Span(3, 5, "organization", 0.8)};
        Span[] third = {new Span(0, 2, "organization", 0.5), new Span(3, 4, "organization", 0.4)};

        Span[] kept = NameFinder.majority(List.of(first, second, third), 3);

        assertThat(kept).containsExactly(new Span(0, 2, "person"), new Span(3, 4, "organization"));
        assertThat(kept[0].getProb()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kept[1].getProb()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        // one vote of three is no majority
        assertThat(NameFinder.majority(List.of(first, new Span[0], new Span[0]), 3)).isEmpty();
    }

    @Test
    void theMembersNotYetAskedAreSparedOnlyWhenTheyCannotChangeTheVote() {
        Span[] names = {new Span(0, 2, "person", 0.9), new Span(3, 4, "organization", 0.6)};
        Span[] same = {new Span(0, 2, "person", 0.7), new Span(3, 4, "organization", 0.8)};
        Span[] other = {new Span(0, 2, "person", 0.7), new Span(3, 5, "organization", 0.8)};

        assertThat(NameFinder.decided(List.<Span[]>of(names), 3)).as("one of three").isFalse();
        assertThat(NameFinder.decided(List.of(names, same), 3)).as("two of three agree").isTrue();
        assertThat(NameFinder.decided(List.of(new Span[0], new Span[0]), 3)).as("two of three find nothing").isTrue();
        assertThat(NameFinder.decided(List.of(names, other), 3)).as("the third breaks the tie").isFalse();
        assertThat(NameFinder.decided(List.of(names, same), 5)).as("two of five").isFalse();
        assertThat(NameFinder.decided(List.of(names, same, names), 5)).as("three of five agree").isTrue();
        assertThat(NameFinder.decided(List.of(names, same, other), 5)).as("a name with two of five votes").isFalse();
        assertThat(NameFinder.decided(List.of(names, same, names), 3)).isTrue();
    }

    @Test
    void theEnsembleFindsWhatTheMajorityOfAllItsMembersFinds() throws IOException {
        List<TokenNameFinderModel> members;
        try (InputStream in = NameFinder.class.getResourceAsStream(NameFinder.MODEL_RESOURCE)) {
            members = NameFinder.readEnsemble(in);
        }
        List<Sentence> sentences = TextProcessor.shared().analyze("""
                Analysts at Morningstar said Priya Raman will move to Toronto in March. The band Gigi played the \
                Waldorf-Astoria with the Boston Symphony Orchestra. The Department of Natural Resources and Mines \
                met the Queensland Government in Brisbane. Kerrang! named 30 Seconds to Mars band of the year.""")
                .sentences();
        int spared = 0;
        for (Sentence s : sentences) {
            NameFinder ensemble = new NameFinder(members); // fresh document memory, as each plain finder has
            List<Span[]> all = new ArrayList<>();
            for (TokenNameFinderModel member : members) {
                all.add(new NameFinderME(member).find(s.tokenTexts()));
            }
            List<NameFinder.Name> expected = new ArrayList<>();
            for (Span span : NameFinder.majority(all, members.size())) {
                if (NameFinder.type(span.getType()) == null) {
                    continue; // a type the recognizer does not use
                }
                expected.add(new NameFinder.Name(NameFinder.type(span.getType()),
                        s.tokens().get(span.getStart()).start(), s.tokens().get(span.getEnd() - 1).end(), 0));
            }
            assertThat(ensemble.find(s)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("probability")
                    .containsExactlyElementsOf(expected);
            spared += NameFinder.decided(all.subList(0, 2), 3) ? 1 : 0;
        }
        assertThat(spared).as("sentences where two members agreed").isPositive();
    }

    @Test
    void anEnsembleNeedsAnOddNumberOfMembers() {
        assertThatThrownBy(() -> new NameFinder(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd number of members");
    }

    @Test
    void theBundledEnsembleRoundTripsThroughItsFileAndFindsTheSameNames(@TempDir Path dir) throws IOException {
        List<TokenNameFinderModel> members;
        try (InputStream in = NameFinder.class.getResourceAsStream(NameFinder.MODEL_RESOURCE)) {
            members = NameFinder.readEnsemble(in);
        }
        assertThat(members).hasSize(NerTraining.MEMBERS);
        assertThat(NameFinder.bundled().members()).isEqualTo(NerTraining.MEMBERS);
        Path copy = dir.resolve("ensemble.zip");
        NameFinder.writeEnsemble(members, copy);
        List<TokenNameFinderModel> again;
        try (InputStream in = Files.newInputStream(copy)) {
            again = NameFinder.readEnsemble(in);
        }
        var sentence = TextProcessor.shared()
                .analyze("Analysts at Morningstar said Priya Raman will move to Toronto in March.").sentences().get(0);
        assertThat(new NameFinder(again).find(sentence)).isEqualTo(new NameFinder(members).find(sentence))
                .isNotEmpty();
    }

    @Test
    void aFileWithoutModelsIsRefusedClearly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("no models here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> NameFinder.readEnsemble(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("No name-finder model");
    }
}
