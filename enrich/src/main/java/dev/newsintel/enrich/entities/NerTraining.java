package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.PlainTextByLineStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

import dev.newsintel.events.EntityType;

/**
 * Trains the project's name finder (an ensemble of OpenNLP {@code NameFinderME} models, averaged perceptron, the
 * features of {@code ner-features.xml}) from permissively licensed data only: the project's own annotated texts (the
 * {@code ner-train-*.txt} files of {@link NerCorpus.OwnSet}, OpenNLP format) and the training part of the CC BY sets
 * WikiGold, WNUT-17 and SEC filings when their folder is given.
 * The evaluation part of each set ({@link NerCorpus#heldBack}) is used only when asked ({@code --with-held-back},
 * as for the bundled model), never by evaluation or cross-validation.
 */
public final class NerTraining {
    private NerTraining() {
    }

    /** Summary of a training run. */
    public record Result(int sentences, int names, long modelBytes, List<String> sources) {
    }

    public static final String FEATURES = "/dev/newsintel/enrich/entities/ner-features.xml";

    /** OpenNLP's trainer the shipped model uses, and its iterations. */
    public static final String ALGORITHM = "PERCEPTRON";
    public static final int ITERATIONS = 100;

    /**
     * How many models the shipped name finder votes with: members trained on the same data, each with its own shuffle
     * seed ({@link #seed()}, {@code seed() + 1}, ...). On the held-back fifth, three members found more names right
     * than one member of any of six seeds on average, five a little more again at 1.7 times the cost of three
     * (docs/enrichment.md).
     */
    public static final int MEMBERS = 3;

    /**
     * Trains the ensemble and writes it ({@link NameFinder#writeEnsemble}).
     *
     * @param members how many models vote (odd)
     * @param algorithm OpenNLP's {@code MAXENT} (GIS) or {@code PERCEPTRON}
     * @param withHeldBack also learn from the held-back fifth of each set ({@code train-ner --with-held-back}), as
     *     the bundled model does; {@code eval entities} measures models of the same recipe trained without it
     *     ({@link #protocolModels})
     */
    public static Result train(Path testdata, Path modelOut, int members, int iterations, String algorithm,
                               boolean withHeldBack) throws IOException {
        List<String> sources = new ArrayList<>();
        int[] counts = new int[2];
        List<TokenNameFinderModel> models = trainEnsemble(testdata, s -> withHeldBack || !NerCorpus.heldBack(s),
                members, iterations, algorithm, sources, counts);
        NameFinder.writeEnsemble(models, modelOut);
        return new Result(counts[0], counts[1], Files.size(modelOut), sources);
    }

    /**
     * The shipped recipe (data, features, seeds, trainer, members) without the held-back fifth of any set: what the
     * held-back figures of {@code eval entities} measure.
     */
    public static List<TokenNameFinderModel> protocolModels(Path testdata) throws IOException {
        return protocolModels(testdata, s -> !NerCorpus.heldBack(s));
    }

    /** The shipped recipe on the sentences {@code use} accepts. */
    public static List<TokenNameFinderModel> protocolModels(Path testdata, Predicate<NerCorpus.LabelledSentence> use)
            throws IOException {
        return trainEnsemble(testdata, use, MEMBERS, ITERATIONS, ALGORITHM, new ArrayList<>(), new int[2]);
    }

    /** {@code members} models of the same data (read once), member i shuffled with seed {@code seed() + i}. */
    private static List<TokenNameFinderModel> trainEnsemble(Path testdata, Predicate<NerCorpus.LabelledSentence> use,
                                                            int members, int iterations, String algorithm,
                                                            List<String> sources, int[] counts) throws IOException {
        List<List<NameSample>> documents = documents(testdata, use, sources);
        List<TokenNameFinderModel> models = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            models.add(train(documents, seed() + i, iterations, algorithm, counts));
        }
        return models;
    }

    /** The first member's shuffle seed, fixed in advance (17) unless {@code -Dnewsintel.ner.seed} says otherwise. */
    public static long seed() {
        return Long.getLong("newsintel.ner.seed", 17);
    }

    /**
     * Trains a model in memory from the sentences {@code use} accepts: the project's own sentences and, when
     * {@code testdata} is given, the shared sets.
     *
     * @param sources receives one line per source (what was used, how many sentences)
     * @param counts receives the number of training sentences and of names
     */
    public static TokenNameFinderModel trainModel(Path testdata, Predicate<NerCorpus.LabelledSentence> use, long seed,
                                                  int iterations, String algorithm, List<String> sources,
                                                  int[] counts) throws IOException {
        return train(documents(testdata, use, sources), seed, iterations, algorithm, counts);
    }

    /**
     * The training documents, each a list of sentences in order, sources repeated by their weight ({@link #weights});
     * one line per source goes to {@code sources}.
     */
    private static List<List<NameSample>> documents(Path testdata, Predicate<NerCorpus.LabelledSentence> use,
                                                    List<String> sources) throws IOException {
        // Documents (lists of sentences in order): the name finder's adaptive features remember the names of a
        // document, so training must see documents whole and forget between them, as the recognizer does.
        List<List<NameSample>> documents = new ArrayList<>();
        java.util.Map<String, Integer> weights = weights();
        int ownWeight = weights.getOrDefault("OWN", 1);
        int own = 0;
        java.util.LinkedHashMap<String, List<NameSample>> ownDocuments = new java.util.LinkedHashMap<>();
        for (NerCorpus.LabelledSentence s : NerCorpus.ownSentences()) {
            if (!use.test(s)) {
                continue; // e.g. the held-back fifth, measured by `eval entities`
            }
            ownDocuments.computeIfAbsent(s.document(), k -> new ArrayList<>()).add(sample(s));
            own++;
        }
        for (int w = 0; w < ownWeight; w++) {
            documents.addAll(ownDocuments.values());
        }
        sources.add("project's own annotated texts: " + own + " sentences in " + ownDocuments.size() + " documents"
                + (ownWeight > 1 ? " (x" + ownWeight + ")" : ""));
        if (testdata != null) {
            for (NerCorpus.Dataset set : NerCorpus.Dataset.values()) {
                if (!Files.isRegularFile(set.path(testdata))) {
                    sources.add(set.folder() + ": missing, skipped");
                    continue;
                }
                int weight = weights.getOrDefault(set.name(), 1);
                if (weight == 0) {
                    sources.add(set.folder() + ": not used");
                    continue;
                }
                int n = 0;
                java.util.LinkedHashMap<String, List<NameSample>> byDocument = new java.util.LinkedHashMap<>();
                for (NerCorpus.LabelledSentence s : NerCorpus.read(set, testdata)) {
                    if (!use.test(s)) {
                        continue;
                    }
                    byDocument.computeIfAbsent(s.document(), k -> new ArrayList<>()).add(sample(s));
                    n++;
                }
                for (int w = 0; w < weight; w++) {
                    documents.addAll(byDocument.values());
                }
                sources.add(set.folder() + ": " + n + " sentences" + (weight > 1 ? " (x" + weight + ")" : ""));
            }
        }
        return documents;
    }

    private static TokenNameFinderModel train(List<List<NameSample>> documents, long seed, int iterations,
                                              String algorithm, int[] counts) throws IOException {
        // A fixed shuffle of whole documents: the same data always gives the same model.
        List<List<NameSample>> shuffled = new ArrayList<>(documents);
        Collections.shuffle(shuffled, new Random(seed));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, Integer.getInteger("newsintel.ner.cutoff", 2));
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // Greedy decoding: a beam of one finds nearly the same names at a third of the cost (measured in bench/).
        params.put(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER, 1);
        TokenNameFinderModel model;
        try {
            model = NameFinderME.train("en", null, new DocumentStream(shuffled), params,
                    new TokenNameFinderFactory(features(seed), java.util.Map.of(), new BioCodec()));
        } finally {
            DocumentFeatures.endDocument();
        }
        counts[0] = shuffled.stream().mapToInt(List::size).sum();
        counts[1] = shuffled.stream().flatMap(List::stream).mapToInt(s -> s.getNames().length).sum();
        return model;
    }

    /**
     * The training sentences, document by document, each document's first marked to clear the adaptive features; the
     * finder's features reading the whole document ({@link DocumentFeatures}) are told of each as it begins. OpenNLP
     * reads the stream once, in this thread, and makes a sentence's features as it reads it.
     */
    private static final class DocumentStream implements opennlp.tools.util.ObjectStream<NameSample> {
        private final List<List<NameSample>> documents;
        private int document;
        private int sentence;

        DocumentStream(List<List<NameSample>> documents) {
            this.documents = documents;
        }

        @Override
        public NameSample read() {
            while (document < documents.size() && sentence >= documents.get(document).size()) {
                document++;
                sentence = 0;
            }
            if (document >= documents.size()) {
                return null;
            }
            List<NameSample> current = documents.get(document);
            if (sentence == 0) {
                DocumentFeatures.beginDocument(current.stream().map(NameSample::getSentence).toList());
            }
            NameSample s = current.get(sentence++);
            return new NameSample(s.getSentence(), s.getNames(), sentence == 1);
        }

        @Override
        public void reset() {
            document = 0;
            sentence = 0;
        }
    }

    /**
     * The feature descriptor of the member trained with shuffle seed {@code seed}: the bundled one, or
     * {@code -Dnewsintel.ner.features=FILE} to try another for every member, or {@code
     * -Dnewsintel.ner.features.seedN=FILE} for the member of seed N alone (an ensemble of members with different
     * features).
     */
    static byte[] features(long seed) throws IOException {
        String featuresFile = System.getProperty("newsintel.ner.features.seed" + seed,
                System.getProperty("newsintel.ner.features"));
        try (InputStream in = featuresFile != null ? Files.newInputStream(Path.of(featuresFile))
                : NerTraining.class.getResourceAsStream(FEATURES)) {
            if (in == null) {
                throw new IOException("Missing " + FEATURES);
            }
            return in.readAllBytes();
        }
    }

    /**
     * How many times each source is repeated in training: the project's own news sentences and the in-domain sets
     * count more than tweets. {@code -Dnewsintel.ner.weights=OWN=3,WIKIGOLD=2,SEC_FILINGS=1,WNUT17=1} overrides it.
     */
    static java.util.Map<String, Integer> weights() {
        String spec = System.getProperty("newsintel.ner.weights", DEFAULT_WEIGHTS);
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=");
            if (kv.length == 2) {
                out.put(kv[0].strip().toUpperCase(Locale.ROOT), Integer.parseInt(kv[1].strip()));
            }
        }
        return out;
    }

    static final String DEFAULT_WEIGHTS = "OWN=1,WIKIGOLD=1,SEC_FILINGS=1,WNUT17=1";

    static NameSample sample(NerCorpus.LabelledSentence s) {
        Span[] names = new Span[s.spans().size()];
        for (int i = 0; i < names.length; i++) {
            NerCorpus.Span span = s.spans().get(i);
            names[i] = new Span(span.start(), span.end(), label(span.type()));
        }
        return new NameSample(s.tokens().toArray(new String[0]), names, false);
    }

    static String label(EntityType type) {
        return switch (type) {
            case ORG -> "organization";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
