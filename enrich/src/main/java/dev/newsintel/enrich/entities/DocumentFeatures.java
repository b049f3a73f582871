package dev.newsintel.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * What the rest of the document says about a capitalised token: the words around its other occurrences, read from
 * the text alone (Chieu and Ng, <i>Named Entity Recognition: A Maximum Entropy Approach Using Global Information</i>,
 * 2002).
 *
 * <ul>
 *   <li>{@code dp=w}, {@code dn=w}: a word just before or after another occurrence of the token ("the band Linkin
 *       Park" lends {@code dp=band} to "Park" in "Linkin Park toured"), {@code CAP} for a capitalised neighbour and
 *       {@code BOS}/{@code EOS} for a sentence's edge;</li>
 *   <li>{@code dlc}: the document also writes the word in lower case (a common word, capitalised at a sentence's start
 *       or in a heading);</li>
 *   <li>{@code dn1}: the token occurs only once in the document.</li>
 * </ul>
 *
 * <p>Why: the finder's own window sees two words either side, and a name is often explained once ("the band ...",
 * "... Inc.", "Mr. ...") and then used bare. OpenNLP's adaptive features remember only the labels of names already
 * seen; these features look at the whole document, before and after, and use its words, not labels, so training
 * (on annotated documents) and use (on new ones) see the same thing.
 *
 * <p>The document is set per thread ({@link #beginDocument}) by whoever runs the finder over a document: the
 * recognizer, and training and evaluation. Without one, the generator adds nothing.
 *
 * <p>Not in the shipped model: measured over every fifth held back, it raised the project's filing-style PERSON
 * (0.820 to 0.870) and SEC filings (ORG 0.778 to 0.784) but lowered WikiGold ORG (0.695 to 0.689) and LOCATION
 * (0.801 to 0.786) and tweets' ORG (NER-MODEL.md). It stays as a descriptor to try with other changes
 * ({@code ner-features-document.xml}).
 */
public final class DocumentFeatures implements AdaptiveFeatureGenerator {

    /** Creates the generator from the model's feature descriptor ({@code <generator class="...Factory"/>}). */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new DocumentFeatures();
        }
    }

    /** At most this many other occurrences lend their neighbours: enough to see how a name is used. */
    static final int MAX_OCCURRENCES = 8;

    private static final ThreadLocal<Document> CURRENT = new ThreadLocal<>();

    /** A document's sentences, indexed by token. */
    static final class Document {
        private final List<String[]> sentences;
        private final Map<List<String>, Integer> sentenceIndex = new HashMap<>();
        private final Map<String, List<int[]>> occurrences = new HashMap<>();
        private final Set<String> lowerCaseWords = new HashSet<>();

        Document(List<String[]> sentences) {
            this.sentences = List.copyOf(sentences);
            for (int s = 0; s < sentences.size(); s++) {
                String[] tokens = sentences.get(s);
                sentenceIndex.putIfAbsent(Arrays.asList(tokens), s);
                for (int i = 0; i < tokens.length; i++) {
                    String t = tokens[i];
                    if (NameFinder.nameLike(t)) {
                        occurrences.computeIfAbsent(t, k -> new ArrayList<>(2)).add(new int[] {s, i});
                    } else if (!t.isEmpty() && Character.isLowerCase(t.charAt(0))) {
                        lowerCaseWords.add(t);
                    }
                }
            }
        }
    }

    private static final ThreadLocal<List<String[]>> PENDING = new ThreadLocal<>();

    /**
     * The document the finder reads next, on this thread; {@code sentences} are its sentences' tokens, in order. It is
     * indexed when a model with these features first asks (the shipped model does not).
     */
    public static void beginDocument(List<String[]> sentences) {
        CURRENT.remove();
        PENDING.set(sentences);
    }

    private static Document current() {
        Document d = CURRENT.get();
        if (d == null) {
            List<String[]> sentences = PENDING.get();
            if (sentences != null) {
                d = new Document(sentences);
                CURRENT.set(d);
                PENDING.remove();
            }
        }
        return d;
    }

    /** Forgets the document (the generator adds nothing until the next). */
    public static void endDocument() {
        CURRENT.remove();
        PENDING.remove();
    }

    private String[] cachedTokens;
    private Document cachedDocument;
    private int sentence = -1;

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        Document document = current();
        if (document == null) {
            return;
        }
        if (tokens != cachedTokens || document != cachedDocument) {
            Integer at = document.sentenceIndex.get(Arrays.asList(tokens));
            sentence = at == null ? -1 : at;
            cachedTokens = tokens;
            cachedDocument = document;
        }
        String token = tokens[index];
        if (!NameFinder.nameLike(token)) {
            return;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (!lower.equals(token) && document.lowerCaseWords.contains(lower)) {
            features.add("dlc");
        }
        List<int[]> all = document.occurrences.getOrDefault(token, List.of());
        Set<String> added = new HashSet<>();
        int others = 0;
        for (int[] o : all) {
            if (o[0] == sentence && o[1] == index) {
                continue;
            }
            if (++others > MAX_OCCURRENCES) {
                break;
            }
            String[] around = document.sentences.get(o[0]);
            String before = o[1] == 0 ? "BOS" : neighbour(around[o[1] - 1]);
            String after = o[1] + 1 == around.length ? "EOS" : neighbour(around[o[1] + 1]);
            if (added.add("dp=" + before)) {
                features.add("dp=" + before);
            }
            if (added.add("dn=" + after)) {
                features.add("dn=" + after);
            }
        }
        if (others == 0) {
            features.add("dn1");
        }
    }

    private static String neighbour(String token) {
        return NameFinder.nameLike(token) ? "CAP" : token.toLowerCase(Locale.ROOT);
    }

    @Override
    public void clearAdaptiveData() {
        cachedTokens = null;
        cachedDocument = null;
    }
}
