package dev.newsintel.enrich.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsintel.enrich.entities.CompanyDirectory;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.entities.NameFinder;
import dev.newsintel.enrich.entities.NerTraining;
import dev.newsintel.enrich.entities.NerCorpus;
import dev.newsintel.enrich.nlp.AnalyzedText;
import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityType;

/**
 * Span F1 per type on the NER sets, measured only on the fifth of each set held back from the name finder's
 * training ({@link NerCorpus#heldBack}). Each held-back document is given to the recognizer whole, one sentence per
 * line (its tokens joined by spaces); a predicted entity is correct when its token span and type equal a gold one.
 * Types a set does not label are not scored on it (WikiGold and SEC filings have no PRODUCT; MISC is not a NewsIntel
 * type).
 */
public final class EntityEvaluation {
    private EntityEvaluation() {
    }

    /**
     * Measures the held-back fifth with a name finder trained by the shipped recipe on everything else. The bundled
     * model also learned from that fifth ({@code train-ner --with-held-back}), so it cannot be measured on it;
     * training here keeps the figures true of the recipe.
     */
    public static EvaluationReport runHeldBack(Path testdata) throws IOException {
        EntityRecognizer recognizer = new EntityRecognizer(CompanyDirectory.bundled(),
                new NameFinder(NerTraining.protocolModels(sharedSets(testdata))));
        return run(testdata, recognizer);
    }

    public static EvaluationReport run(Path testdata, EntityRecognizer recognizer) throws IOException {
        EvaluationReport report = new EvaluationReport("entities", "Entities: span F1 per type");
        report.note("Sets: `ner-wikigold/` (Wikipedia, CC BY 4.0), `ner-wnut17/` (social media, CC BY 4.0), "
                + "`ner-sec-filings/` (loan agreements filed with the SEC, CC BY 3.0): of the shared train splits, "
                + "one fifth is held back and measured here. The fifth is drawn by a hash of the document: the "
                + "WikiGold article, the WNUT post, and for the SEC set (six long agreements) a run of 25 consecutive "
                + "sentences of an agreement, so names of the same agreement can appear on both sides. The official "
                + "dev/test splits are held out and measured elsewhere. The name finder measured here is trained by "
                + "the shipped recipe (`./newsintel train-ner`: same data, features, seed and trainer) on everything "
                + "but the held-back fifth of every set (the bundled model, trained once the recipe was chosen, also "
                + "learned from that fifth, so it is not what is measured here). Each held-back document is read "
                + "whole, one sentence per line, as NewsIntel reads a document. Exact token-span match per type; WNUT `corporation` and `group` count as ORG, "
                + "`product` as PRODUCT (NewsIntel's AI_MODEL counts as PRODUCT); MISC and creative-work are not "
                + "scored. The project's own annotated texts, held back by a hash of the document in the same way: "
                + "`newsintel-news` is news-like text (invented news sentences, each its own document, invented "
                + "news stories, and the project's sample articles and the dev half of its announcement gold texts, "
                + "whole), `newsintel-encyclopedic` openings of reference-work articles in the project's own words, "
                + "`newsintel-filings` filing-style documents (agreements, 8-K items, earnings releases) with invented "
                + "parties; all are written and annotated by the same hands as their trained part, so they show how "
                + "the recognizer does on that kind of text, not on another writer's. In the samples, `+TYPE[...]` "
                + "was predicted and is "
                + "not gold, `-TYPE[...]` is gold and was missed.");
        List<String> errors = new ArrayList<>();
        noteMissingSets(testdata, report);
        Map<String, Scores> measured = measure(testdata, recognizer, NerCorpus::heldBack, errors);
        report.table("Span F1 on the held-back fifth", COLUMNS, rows(measured, report));
        report.metric("goalOrgPersonF1", 0.85);
        // "+TYPE[span]" predicted but not gold, "-TYPE[span]" gold but missed
        for (int i = 0; i < errors.size(); i += Math.max(1, errors.size() / 25)) {
            report.example(errors.get(i));
        }
        writeErrors(errors);
        return report;
    }

    /**
     * Every document measured once: each fifth in turn is held back and measured with a name finder trained by the
     * shipped recipe on the other four (five ensembles, a few minutes), and the counts are summed. Five times the
     * documents of the held-back fifth alone, so a choice is judged on more than the one fifth whose misses earlier
     * rounds read.
     */
    public static EvaluationReport runEveryFifth(Path testdata) throws IOException {
        Path data = sharedSets(testdata);
        Map<String, Scores> pooled = new java.util.LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int fifth = 0; fifth < 5; fifth++) {
            int f = fifth;
            EntityRecognizer recognizer = new EntityRecognizer(CompanyDirectory.bundled(),
                    new NameFinder(NerTraining.protocolModels(data, s -> NerCorpus.fifth(s) != f)));
            Map<String, Scores> measured = measure(testdata, recognizer, s -> NerCorpus.fifth(s) == f, errors);
            measured.forEach((set, scores) -> pooled.merge(set, scores, Scores::plus));
        }
        EvaluationReport report = new EvaluationReport("entities-every-fifth",
                "Entities: span F1 per type, every fifth held back in turn", "entities --every-fifth");
        report.note("The sets and scoring of `entities.md`, but every document of them is measured: each fifth of "
                + "every set (by the same hash of the document) is held back in turn and measured with an ensemble "
                + "trained by the shipped recipe on the other four fifths; the counts of the five rounds are summed. "
                + "`entities.md` measures the first fifth alone, whose misses earlier rounds read to choose rules, "
                + "so this table is the wider and less worn measure of the recipe.");
        noteMissingSets(testdata, report);
        report.table("Span F1, every fifth held back in turn", COLUMNS, rows(pooled, report));
        report.metric("goalOrgPersonF1", 0.85);
        writeErrors(errors);
        return report;
    }

    private static final List<String> COLUMNS = List.of("set", "type", "gold", "predicted", "correct", "precision",
            "recall", "F1");

    /** Every sentence with a miss or a wrong name, to the file {@code -Dnewsintel.eval.errors} names, if any. */
    private static void writeErrors(List<String> errors) throws IOException {
        String dump = System.getProperty("newsintel.eval.errors");
        if (dump != null) {
            Files.write(Path.of(dump), errors);
        }
    }

    /** The shared test data to train on as well as the project's own texts, or null when there is none. */
    private static Path sharedSets(Path testdata) {
        return testdata != null && Files.isDirectory(testdata) ? testdata : null;
    }

    private static void noteMissingSets(Path testdata, EvaluationReport report) {
        for (NerCorpus.Dataset set : NerCorpus.Dataset.values()) {
            if (testdata == null || !Files.isRegularFile(set.path(testdata))) {
                report.note(set.folder() + " is missing: skipped.");
            }
        }
    }

    /** One row per set and type, then the set's total, each also a metric. */
    private static List<List<String>> rows(Map<String, Scores> measured, EvaluationReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Scores> e : measured.entrySet()) {
            String folder = e.getKey();
            Scores scores = e.getValue();
            long tp = 0;
            long predicted = 0;
            long goldTotal = 0;
            for (Map.Entry<EntityType, long[]> t : scores.counts().entrySet()) {
                long[] c = t.getValue();
                rows.add(row(folder, t.getKey().name(), c[0], c[1], c[2]));
                tp += c[0];
                predicted += c[1];
                goldTotal += c[2];
                report.metric(folder + "." + t.getKey().name() + ".f1", f1(c[0], c[1], c[2]));
            }
            rows.add(row(folder, "**all** (" + scores.sentences() + " sentences)", tp, predicted, goldTotal));
            report.metric(folder + ".f1", f1(tp, predicted, goldTotal));
        }
        return rows;
    }

    /** The sets measured: the shared sets found under {@code testdata}, then the project's own sets. */
    static Map<String, List<NerCorpus.LabelledSentence>> sources(Path testdata) throws IOException {
        Map<String, List<NerCorpus.LabelledSentence>> out = new java.util.LinkedHashMap<>();
        for (NerCorpus.Dataset set : NerCorpus.Dataset.values()) {
            if (testdata != null && Files.isRegularFile(set.path(testdata))) {
                out.put(set.folder(), NerCorpus.read(set, testdata));
            }
        }
        for (NerCorpus.OwnSet set : NerCorpus.OwnSet.values()) {
            out.put(set.label(), NerCorpus.own(set));
        }
        return out;
    }

    /** Types a set labels: WikiGold and the SEC set have no products. */
    static Set<EntityType> scoredTypes(String set) {
        return set.equals(NerCorpus.Dataset.WIKIGOLD.folder()) || set.equals(NerCorpus.Dataset.SEC_FILINGS.folder())
                ? Set.of(EntityType.ORG, EntityType.PERSON, EntityType.LOCATION)
                : Set.of(EntityType.ORG, EntityType.PERSON, EntityType.LOCATION, EntityType.PRODUCT);
    }

    /** Counts per scored type (true positives, predicted, gold) of one set, and the sentences read. */
    public record Scores(Map<EntityType, long[]> counts, int sentences) {
        /** The counts of both, as of one larger part. */
        Scores plus(Scores other) {
            Map<EntityType, long[]> sum = new EnumMap<>(EntityType.class);
            for (Map<EntityType, long[]> part : List.of(counts, other.counts)) {
                part.forEach((type, c) -> {
                    long[] acc = sum.computeIfAbsent(type, k -> new long[c.length]);
                    for (int i = 0; i < c.length; i++) {
                        acc[i] += c[i];
                    }
                });
            }
            return new Scores(sum, sentences + other.sentences);
        }

        public double f1(EntityType type) {
            long[] c = counts.get(type);
            return c == null ? 0 : EntityEvaluation.f1(c[0], c[1], c[2]);
        }
    }

    /**
     * Runs the recognizer over the documents of every set (the shared sets found under {@code testdata}, then the
     * project's own sentences) whose sentences {@code part} accepts, and counts exact span matches per type.
     *
     * @param errors receives one line per sentence with a miss or a wrong name
     */
    public static Map<String, Scores> measure(Path testdata, EntityRecognizer recognizer,
                                              java.util.function.Predicate<NerCorpus.LabelledSentence> part,
                                              List<String> errors) throws IOException {
        Map<String, EntityEvaluation.Scores> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<NerCorpus.LabelledSentence>> source : sources(testdata).entrySet()) {
            String folder = source.getKey();
            Set<EntityType> scored = scoredTypes(folder);
            Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class); // tp, predicted, gold
            int sentences = 0;
            // The measured part, grouped into its documents (articles, posts, runs of an agreement) in order:
            // NewsIntel reads whole documents, one sentence per line here.
            java.util.LinkedHashMap<String, List<NerCorpus.LabelledSentence>> documents = new java.util.LinkedHashMap<>();
            for (NerCorpus.LabelledSentence s : source.getValue()) {
                if (part.test(s)) {
                    documents.computeIfAbsent(s.document(), k -> new ArrayList<>()).add(s);
                }
            }
            for (List<NerCorpus.LabelledSentence> document : documents.values()) {
                StringBuilder text = new StringBuilder();
                List<int[]> starts = new ArrayList<>();
                List<int[]> ends = new ArrayList<>();
                for (NerCorpus.LabelledSentence s : document) {
                    int[] st = new int[s.tokens().size()];
                    int[] en = new int[s.tokens().size()];
                    for (int i = 0; i < s.tokens().size(); i++) {
                        if (i > 0) {
                            text.append(' ');
                        }
                        st[i] = text.length();
                        text.append(s.tokens().get(i));
                        en[i] = text.length();
                    }
                    text.append('\n');
                    starts.add(st);
                    ends.add(en);
                }
                List<Entity> predicted = recognizer.recognize(TextProcessor.shared().analyze(text.toString()));
                for (int d = 0; d < document.size(); d++) {
                    NerCorpus.LabelledSentence s = document.get(d);
                    int[] sentenceStarts = starts.get(d);
                    int[] sentenceEnds = ends.get(d);
                    sentences++;
                    int from = sentenceStarts.length == 0 ? 0 : sentenceStarts[0];
                    int to = sentenceEnds.length == 0 ? 0 : sentenceEnds[sentenceEnds.length - 1];
                    score(s, predicted.stream().filter(e -> e.start() >= from && e.end() <= to).toList(),
                            sentenceStarts, sentenceEnds, scored, counts, errors, folder);
                }
            }
            Map<EntityType, long[]> kept = new EnumMap<>(EntityType.class);
            for (EntityType type : EntityType.values()) {
                if (counts.containsKey(type) && scored.contains(type)) {
                    kept.put(type, counts.get(type));
                }
            }
            out.put(folder, new Scores(kept, sentences));
        }
        return out;
    }

    private static void score(NerCorpus.LabelledSentence s, List<Entity> predicted, int[] starts, int[] ends,
                              Set<EntityType> scored, Map<EntityType, long[]> counts, List<String> errors,
                              String folder) {
        Set<String> gold = new HashSet<>();
        for (NerCorpus.Span g : s.spans()) {
            if (scored.contains(g.type())) {
                gold.add(g.type() + ":" + g.start() + "-" + g.end());
                counts.computeIfAbsent(g.type(), k -> new long[3])[2]++;
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Entity e : predicted) {
            EntityType type = e.type() == EntityType.AI_MODEL ? EntityType.PRODUCT : e.type();
            if (!scored.contains(type)) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] < e.end() && e.start() < ends[i]) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (first < 0) {
                continue;
            }
            long[] c = counts.computeIfAbsent(type, k -> new long[3]);
            c[1]++;
            if (gold.remove(type + ":" + first + "-" + (last + 1))) {
                c[0]++;
            } else {
                wrong.add("+" + type + "[" + String.join(" ", s.tokens().subList(first, last + 1)) + "]");
            }
        }
        for (String g : gold) {
            String[] parts = g.split("[:-]");
            wrong.add("-" + parts[0] + "[" + String.join(" ", s.tokens().subList(Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]))) + "]");
        }
        if (!wrong.isEmpty()) {
            errors.add(folder + ": " + String.join(" ", wrong) + "  ||  " + String.join(" ", s.tokens()));
        }
    }

    private static List<String> row(String set, String type, long tp, long predicted, long gold) {
        return List.of(set, type, Long.toString(gold), Long.toString(predicted), Long.toString(tp),
                EvaluationReport.num(EvaluationReport.ratio(tp, predicted)),
                EvaluationReport.num(EvaluationReport.ratio(tp, gold)), EvaluationReport.num(f1(tp, predicted, gold)));
    }

    static double f1(long tp, long predicted, long gold) {
        double p = EvaluationReport.ratio(tp, predicted);
        double r = EvaluationReport.ratio(tp, gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
