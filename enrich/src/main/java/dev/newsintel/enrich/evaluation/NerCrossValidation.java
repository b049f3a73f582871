package dev.newsintel.enrich.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.namefind.TokenNameFinderModel;

import dev.newsintel.enrich.entities.CompanyDirectory;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.entities.NameFinder;
import dev.newsintel.enrich.entities.NerCorpus;
import dev.newsintel.enrich.entities.NerTraining;
import dev.newsintel.events.EntityType;

/**
 * Cross-validation inside the training part (the four fifths): each development fold is measured with a name finder
 * trained on the other folds, for several shuffle seeds. Choosing features and data by these figures leaves the
 * held-back fifth untouched for the reported ones, and averaging over folds and seeds shows what a change is worth
 * beyond the noise of one training order (WikiGold ORG alone moves by 0.1 between seeds).
 */
public final class NerCrossValidation {
    private NerCrossValidation() {
    }

    /** F1 per set and type: one value per seed (counts summed over the folds). */
    public record Result(Map<String, Map<EntityType, double[]>> f1, List<Long> seeds, int folds) {
        public double mean(String set, EntityType type) {
            double[] v = f1.getOrDefault(set, Map.of()).get(type);
            if (v == null) {
                return Double.NaN;
            }
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        }

        /** One line per set and type: mean F1 over seeds, with the smallest and largest. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, Map<EntityType, double[]>> set : f1.entrySet()) {
                for (Map.Entry<EntityType, double[]> t : set.getValue().entrySet()) {
                    double[] v = t.getValue();
                    double min = Double.MAX_VALUE;
                    double max = -Double.MAX_VALUE;
                    for (double x : v) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                    }
                    out.add(String.format(java.util.Locale.ROOT, "%-16s %-9s F1 %.3f (%.3f-%.3f)", set.getKey(),
                            t.getKey(), mean(set.getKey(), t.getKey()), min, max));
                }
            }
            return out;
        }
    }

    /**
     * @param finderOnly measure the statistical finder alone on the gold tokens ({@link #finderOnly}) instead of
     *     the whole recognizer
     */
    public static Result run(Path testdata, int folds, List<Long> seeds, int iterations, String algorithm,
                             boolean finderOnly, java.util.function.Consumer<String> progress) throws IOException {
        Map<String, Map<EntityType, double[]>> f1 = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int si = 0; si < seeds.size(); si++) {
            long seed = seeds.get(si);
            Map<String, EntityEvaluation.Scores> summed = new LinkedHashMap<>();
            for (int fold = 0; fold < folds; fold++) {
                int f = fold;
                TokenNameFinderModel model = NerTraining.trainModel(testdata,
                        s -> !NerCorpus.heldBack(s) && NerCorpus.devFold(s, folds) != f, seed, iterations, algorithm,
                        new ArrayList<>(), new int[2]);
                EntityRecognizer recognizer = new EntityRecognizer(CompanyDirectory.bundled(), new NameFinder(model));
                java.util.function.Predicate<NerCorpus.LabelledSentence> part =
                        s -> !NerCorpus.heldBack(s) && NerCorpus.devFold(s, folds) == f;
                Map<String, EntityEvaluation.Scores> scores = finderOnly
                        ? finderOnly(testdata, model, part)
                        : EntityEvaluation.measure(testdata, recognizer, part, si == 0 ? errors : new ArrayList<>());
                scores.forEach((set, counts) -> summed.merge(set, counts, EntityEvaluation.Scores::plus));
                progress.accept("seed " + seed + ", fold " + fold + " done");
            }
            for (Map.Entry<String, EntityEvaluation.Scores> e : summed.entrySet()) {
                for (Map.Entry<EntityType, long[]> t : e.getValue().counts().entrySet()) {
                    long[] c = t.getValue();
                    f1.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(t.getKey(), k -> new double[seeds.size()])[si] =
                            EntityEvaluation.f1(c[0], c[1], c[2]);
                }
            }
        }
        String dump = System.getProperty("newsintel.eval.errors"); // the first seed's misses, to study
        if (dump != null) {
            java.nio.file.Files.write(Path.of(dump), errors);
        }
        return new Result(f1, seeds, folds);
    }

    /**
     * The statistical finder alone on the gold tokens, without lists, rules or document-level decisions
     * ({@code train-ner --cross-validate N --finder-only}): shows what the model contributes and what the recognizer
     * adds.
     */
    static Map<String, EntityEvaluation.Scores> finderOnly(Path testdata, TokenNameFinderModel model,
            java.util.function.Predicate<NerCorpus.LabelledSentence> part) throws IOException {
        Map<String, EntityEvaluation.Scores> out = new LinkedHashMap<>();
        opennlp.tools.namefind.NameFinderME finder = new opennlp.tools.namefind.NameFinderME(model);
        for (Map.Entry<String, List<NerCorpus.LabelledSentence>> source : EntityEvaluation.sources(testdata).entrySet()) {
            List<NerCorpus.LabelledSentence> sentences = source.getValue();
            java.util.Set<EntityType> scored = EntityEvaluation.scoredTypes(source.getKey());
            Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class);
            String document = null;
            int n = 0;
            for (int at = 0; at < sentences.size(); at++) {
                NerCorpus.LabelledSentence s = sentences.get(at);
                if (!part.test(s)) {
                    continue;
                }
                if (!s.document().equals(document)) {
                    finder.clearAdaptiveData();
                    document = s.document();
                    List<String[]> whole = new java.util.ArrayList<>();
                    for (int i = at; i < sentences.size() && sentences.get(i).document().equals(document); i++) {
                        if (part.test(sentences.get(i))) {
                            whole.add(sentences.get(i).tokens().toArray(new String[0]));
                        }
                    }
                    dev.newsintel.enrich.entities.DocumentFeatures.beginDocument(whole);
                }
                n++;
                java.util.Set<String> gold = new java.util.HashSet<>();
                for (NerCorpus.Span g : s.spans()) {
                    if (!scored.contains(g.type())) {
                        continue;
                    }
                    gold.add(g.type() + ":" + g.start() + "-" + g.end());
                    counts.computeIfAbsent(g.type(), k -> new long[3])[2]++;
                }
                for (opennlp.tools.util.Span p : finder.find(s.tokens().toArray(new String[0]))) {
                    EntityType type = NameFinderType.of(p.getType());
                    if (type == null || !scored.contains(type)) {
                        continue;
                    }
                    long[] c = counts.computeIfAbsent(type, k -> new long[3]);
                    c[1]++;
                    if (gold.remove(type + ":" + p.getStart() + "-" + p.getEnd())) {
                        c[0]++;
                    }
                }
            }
            out.put(source.getKey(), new EntityEvaluation.Scores(counts, n));
        }
        dev.newsintel.enrich.entities.DocumentFeatures.endDocument();
        return out;
    }

    private static final class NameFinderType {
        static EntityType of(String label) {
            return switch (label) {
                case "person" -> EntityType.PERSON;
                case "organization" -> EntityType.ORG;
                case "location" -> EntityType.LOCATION;
                case "product" -> EntityType.PRODUCT;
                default -> null;
            };
        }
    }
}
