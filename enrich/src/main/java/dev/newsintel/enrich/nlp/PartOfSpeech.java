package dev.newsintel.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTagger;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal part-of-speech tags (PROPN, NOUN, VERB, ...) with Apache's English UD-EWT model from Maven Central
 * ({@code opennlp-models-pos-en}, Apache License 2.0), decoded greedily: the name finder uses the tags as features,
 * and a beam of one costs a third of the model's default beam of three.
 */
public final class PartOfSpeech {
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static volatile POSModel greedy;

    private PartOfSpeech() {
    }

    /** A new tagger. Not thread-safe: one per thread (or per name finder, which OpenNLP keeps per thread). */
    public static POSTagger newTagger() {
        return new POSTaggerME(model(), POSTagFormat.UD);
    }

    static POSModel model() {
        POSModel m = greedy;
        if (m == null) {
            synchronized (PartOfSpeech.class) {
                m = greedy;
                if (m == null) {
                    try (InputStream in = PartOfSpeech.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IOException("Model " + MODEL + " is not on the classpath (opennlp-models-pos-en)");
                        }
                        POSModel loaded = new POSModel(in);
                        MaxentModel maxent = loaded.getArtifact("pos.model");
                        m = new POSModel(loaded.getLanguage(), maxent, 1, Map.of(), loaded.getFactory());
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not load the part-of-speech model", e);
                    }
                    greedy = m;
                }
            }
        }
        return m;
    }
}
