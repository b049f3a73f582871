package dev.newsintel.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * The clusters a token's word and the two words either side of it fall in ({@code wc0=N}, {@code wc1=N},
 * {@code wc2=N} for the 64, 256 and 1,024 clusters; {@code p1wc0=N} for the word before, {@code n2wc2=N} for the
 * second after), from {@code word-clusters.tsv}: GloVe's vectors of the 100,000 most frequent words, grouped by
 * k-means at three sizes ({@code enrich/tools/word-clusters.mjs}).
 *
 * <p>Why: the name finder learns from a few thousand annotated sentences, so most names it meets, and many words
 * around them, it has never seen; words used alike in billions of words of news and encyclopedia text share a
 * cluster (team names, record labels, retailers, rivers), and the cluster is a feature it has seen. Words are looked
 * up in lower case, as the vectors were made; a word not among them gives no feature.
 */
public final class WordClusterFeatures implements AdaptiveFeatureGenerator {

    /** Creates the generator from the model's feature descriptor ({@code <generator class="...Factory"/>}). */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new WordClusterFeatures(Clusters.bundled());
        }
    }

    static final String RESOURCE = "/dev/newsintel/enrich/entities/word-clusters.tsv";
    /** Words on either side whose clusters are features too (chosen by cross-validation: 2 beat 1 and 0). */
    static final int WINDOW = 2;

    /** Word to its clusters, one small array per word, shared by every generator. */
    static final class Clusters {
        private static volatile Clusters bundled;

        final String[] names;
        final Map<String, short[]> byWord;
        /**
         * Every feature string, made once, so that the model finds each by a hash computed once: {@code
         * features[position][size][cluster]} is "wc{size}={cluster}" for the token itself, then with the prefixes
         * OpenNLP's window generator gives its neighbours' ("p1", "p2" before it, "n1", "n2" after it).
         */
        final String[][][] features;

        Clusters(String[] names, Map<String, short[]> byWord) {
            this.names = names;
            this.byWord = byWord;
            int[] largest = new int[names.length];
            for (short[] ids : byWord.values()) {
                for (int i = 0; i < ids.length; i++) {
                    largest[i] = Math.max(largest[i], ids[i]);
                }
            }
            this.features = new String[1 + 2 * WINDOW][names.length][];
            for (int position = 0; position < features.length; position++) {
                String prefix = position == 0 ? "" : position <= WINDOW ? "p" + position : "n" + (position - WINDOW);
                for (int i = 0; i < names.length; i++) {
                    features[position][i] = new String[largest[i] + 1];
                    for (int id = 0; id <= largest[i]; id++) {
                        features[position][i][id] = prefix + names[i] + id;
                    }
                }
            }
        }

        static Clusters bundled() {
            Clusters c = bundled;
            if (c == null) {
                synchronized (Clusters.class) {
                    c = bundled;
                    if (c == null) {
                        try (InputStream in = CompanyDirectory.resource(RESOURCE)) {
                            c = read(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
                        }
                        bundled = c;
                    }
                }
            }
            return c;
        }

        static Clusters read(InputStream in) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, short[]> byWord = new HashMap<>(150_000);
            String[] names = null;
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (names == null) {
                    names = new String[fields.length - 1];
                    for (int i = 0; i < names.length; i++) {
                        names[i] = "wc" + i + "=";
                    }
                }
                if (fields.length != names.length + 1) {
                    throw new IOException(RESOURCE + " line " + lineNumber + ": expected " + (names.length + 1)
                            + " fields, found " + fields.length);
                }
                short[] ids = new short[names.length];
                for (int i = 0; i < ids.length; i++) {
                    try {
                        ids[i] = Short.parseShort(fields[i + 1]);
                    } catch (NumberFormatException e) {
                        ids[i] = -1;
                    }
                    if (ids[i] < 0) {
                        throw new IOException(RESOURCE + " line " + lineNumber + ": cluster '" + fields[i + 1]
                                + "' is not a number from 0 to " + Short.MAX_VALUE);
                    }
                }
                byWord.put(fields[0], ids);
            }
            if (names == null) {
                throw new IOException(RESOURCE + " holds no words");
            }
            return new Clusters(names, byWord);
        }

        short[] of(String token) {
            return byWord.get(token.toLowerCase(Locale.ROOT));
        }

        /**
         * Which clusters of one size hold at least {@code share} of words that {@code member} accepts: the clusters
         * of given names and surnames, say, so that a word in one reads as a name.
         */
        boolean[] holding(java.util.function.Predicate<String> member, int size, double share) {
            int[] all = new int[Short.MAX_VALUE + 1];
            int[] members = new int[Short.MAX_VALUE + 1];
            int largest = 0;
            for (Map.Entry<String, short[]> e : byWord.entrySet()) {
                int id = e.getValue()[size];
                largest = Math.max(largest, id);
                all[id]++;
                if (member.test(e.getKey())) {
                    members[id]++;
                }
            }
            boolean[] out = new boolean[largest + 1];
            for (int id = 0; id <= largest; id++) {
                out[id] = all[id] > 0 && members[id] >= share * all[id];
            }
            return out;
        }
    }

    private final Clusters clusters;
    // the window asks for each token's clusters five times: look the sentence's words up once
    private String[] cachedTokens;
    private short[][] cached;

    WordClusterFeatures(Clusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != cachedTokens) {
            cached = new short[tokens.length][];
            for (int i = 0; i < tokens.length; i++) {
                cached[i] = clusters.of(tokens[i]);
            }
            cachedTokens = tokens;
        }
        // the token, then the words before it, then those after it: the order of OpenNLP's window generator
        add(features, 0, index);
        for (int i = 1; i <= WINDOW; i++) {
            add(features, i, index - i);
        }
        for (int i = 1; i <= WINDOW; i++) {
            add(features, WINDOW + i, index + i);
        }
    }

    private void add(List<String> features, int position, int token) {
        short[] ids = token >= 0 && token < cached.length ? cached[token] : null;
        if (ids != null) {
            String[][] table = clusters.features[position];
            for (int i = 0; i < ids.length; i++) {
                features.add(table[i][ids[i]]);
            }
        }
    }

    @Override
    public void clearAdaptiveData() {
        cachedTokens = null;
        cached = null;
    }
}
