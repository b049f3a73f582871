package dev.newsintel.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.events.EntityType;

class NerCorpusTest {

    @Test
    void ownSetsAreWholeDocumentsWithSpansInsideTheirSentences() throws IOException {
        for (NerCorpus.OwnSet set : NerCorpus.OwnSet.values()) {
            List<NerCorpus.LabelledSentence> sentences = NerCorpus.own(set);
            Set<String> documents = new LinkedHashSet<>();
            for (NerCorpus.LabelledSentence s : sentences) {
                assertThat(s.document()).startsWith(set.label() + ":");
                documents.add(s.document());
                for (NerCorpus.Span span : s.spans()) {
                    assertThat(span.start()).isGreaterThanOrEqualTo(0).isLessThan(span.end());
                    assertThat(span.end()).isLessThanOrEqualTo(s.tokens().size());
                }
            }
            assertThat(sentences.size()).as(set.label()).isGreaterThan(150);
            assertThat(documents.size()).as(set.label()).isGreaterThan(30);
            long heldBack = documents.stream()
                    .filter(d -> NerCorpus.heldBack(new NerCorpus.LabelledSentence(d, List.of(), List.of())))
                    .count();
            assertThat((double) heldBack / documents.size()).as("held-back share of " + set.label())
                    .isBetween(0.1, 0.3);
        }
        // the encyclopedic documents run over several sentences, and organisations are their most common names
        List<NerCorpus.LabelledSentence> encyclopedic = NerCorpus.own(NerCorpus.OwnSet.ENCYCLOPEDIC);
        assertThat(encyclopedic.get(0).document()).isEqualTo(encyclopedic.get(1).document());
        assertThat(encyclopedic.stream().flatMap(s -> s.spans().stream()).filter(s -> s.type() == EntityType.ORG)
                .count()).isGreaterThan(100);
    }

    @Test
    void heldBackAndDevelopmentFoldsAreFixedByTheDocument() {
        int heldBack = 0;
        int[] folds = new int[4];
        for (int i = 0; i < 1000; i++) {
            NerCorpus.LabelledSentence s = new NerCorpus.LabelledSentence("DOC-" + i, List.of("x"), List.of());
            NerCorpus.LabelledSentence again = new NerCorpus.LabelledSentence("DOC-" + i, List.of("y"), List.of());
            assertThat(NerCorpus.heldBack(again)).isEqualTo(NerCorpus.heldBack(s));
            assertThat(NerCorpus.devFold(again, 4)).isEqualTo(NerCorpus.devFold(s, 4));
            if (NerCorpus.heldBack(s)) {
                heldBack++;
            } else {
                folds[NerCorpus.devFold(s, 4)]++;
            }
        }
        assertThat(heldBack).isBetween(150, 250);
        for (int n : folds) {
            assertThat(n).isBetween(150, 250);
        }
    }

    @Test
    void everyDocumentFallsInOneFifthAndTheFirstIsTheHeldBackOne() {
        int[] fifths = new int[5];
        for (int i = 0; i < 1000; i++) {
            NerCorpus.LabelledSentence s = new NerCorpus.LabelledSentence("DOC-" + i, List.of("x"), List.of());
            int fifth = NerCorpus.fifth(s);
            assertThat(fifth).isEqualTo(NerCorpus.fifth(new NerCorpus.LabelledSentence("DOC-" + i, List.of("y"),
                    List.of())));
            assertThat(NerCorpus.heldBack(s)).isEqualTo(fifth == 0);
            fifths[fifth]++;
        }
        for (int n : fifths) {
            assertThat(n).isBetween(150, 250);
        }
    }

    @Test
    void readsConllFilesWithIoAndBioTagsAndMapsTheirTypes(@TempDir Path testdata) throws IOException {
        Path wikigold = NerCorpus.Dataset.WIKIGOLD.path(testdata);
        Files.createDirectories(wikigold.getParent());
        Files.writeString(wikigold, String.join("\n",
                "-DOCSTART- O", "", "The O", "Velvet I-ORG", "Harbour I-ORG", "played O", "in O", "Perth I-LOC",
                "with O", "Mia I-PER", "Donnelly I-PER", ". O", "", "Australian I-MISC", "bands O", "tour O", ". O",
                ""), StandardCharsets.UTF_8);
        Path wnut = NerCorpus.Dataset.WNUT17.path(testdata);
        Files.createDirectories(wnut.getParent());
        Files.writeString(wnut, String.join("\n", "watching\tO", "the\tO", "Blue\tB-corporation", "Jays\tI-corporation",
                "and\tO", "Kings\tB-group", "Leon\tI-group", "on\tO", "my\tO", "iPad\tB-product", ""),
                StandardCharsets.UTF_8);

        List<NerCorpus.LabelledSentence> wiki = NerCorpus.read(NerCorpus.Dataset.WIKIGOLD, testdata);
        assertThat(wiki).hasSize(2);
        assertThat(wiki.get(0).spans()).containsExactly(new NerCorpus.Span(EntityType.ORG, 1, 3),
                new NerCorpus.Span(EntityType.LOCATION, 5, 6), new NerCorpus.Span(EntityType.PERSON, 7, 9));
        assertThat(wiki.get(1).spans()).isEmpty(); // MISC is not a NewsIntel type
        assertThat(wiki.get(1).document()).isEqualTo(wiki.get(0).document());

        List<NerCorpus.LabelledSentence> posts = NerCorpus.read(NerCorpus.Dataset.WNUT17, testdata);
        assertThat(posts.get(0).spans()).containsExactly(new NerCorpus.Span(EntityType.ORG, 2, 4),
                new NerCorpus.Span(EntityType.ORG, 5, 7), new NerCorpus.Span(EntityType.PRODUCT, 9, 10));
    }

    @Test
    void trainingIsReproducibleAndLearnsTheOwnTexts() throws IOException {
        List<String> sources = new ArrayList<>();
        int[] counts = new int[2];
        TokenNameFinderModel first = NerTraining.trainModel(null, s -> !NerCorpus.heldBack(s), 17, 30, "PERCEPTRON",
                sources, counts);
        TokenNameFinderModel second = NerTraining.trainModel(null, s -> !NerCorpus.heldBack(s), 17, 30, "PERCEPTRON",
                new ArrayList<>(), new int[2]);
        assertThat(sources).singleElement().asString().startsWith("project's own annotated texts");
        assertThat(counts[0]).isGreaterThan(500);
        assertThat(counts[1]).isGreaterThan(500);

        String[] sentence = "Shares of Pellmore Logistics rose after chief executive Dana Whitcombe said the Leeds plant would reopen ."
                .split(" ");
        Span[] a = new NameFinderME(first).find(sentence);
        Span[] b = new NameFinderME(second).find(sentence);
        assertThat(a).containsExactly(b);
        assertThat(a).extracting(s -> String.join(" ", java.util.Arrays.copyOfRange(sentence, s.getStart(),
                s.getEnd())) + "/" + s.getType()).contains("Pellmore Logistics/organization",
                "Dana Whitcombe/person");
    }
}
