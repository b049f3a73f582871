package dev.newsintel.enrich.entities;

import java.util.List;

import opennlp.tools.postag.POSTagger;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

import dev.newsintel.enrich.nlp.PartOfSpeech;

/**
 * The universal part of speech of a token ({@code pos=PROPN}, {@code pos=VERB}, ...) as a name-finder feature: a
 * capitalised word that is a verb or an adposition ("Known as ...", "Despite ...") starts no name, and runs of proper
 * nouns are the names' usual shape. One instance serves one name finder (one thread); it tags each sentence once.
 */
public final class PosFeatures implements AdaptiveFeatureGenerator {

    /** Creates the generator from the model's feature descriptor ({@code <generator class="...Factory"/>}). */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new PosFeatures();
        }
    }

    private final POSTagger tagger = PartOfSpeech.newTagger();
    private String[] cachedTokens;
    private String[] cachedTags;

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != cachedTokens) {
            cachedTags = tagger.tag(tokens);
            cachedTokens = tokens;
        }
        features.add("pos=" + cachedTags[index]);
    }

    @Override
    public void clearAdaptiveData() {
        cachedTokens = null;
        cachedTags = null;
    }
}
