package dev.newsintel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.newsintel.enrich.entities.NerTraining;
import dev.newsintel.enrich.evaluation.NerCrossValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel train-ner}: trains the statistical name finder the entity recognizer ships with. */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
        description = {"Trains the name-finder model (OpenNLP NameFinderME) from the project's own annotated "
                + "sentences and, when --testdata is given, the training part of the CC BY sets WikiGold, WNUT-17 "
                + "and SEC filings. See enrich/.../entities/NER-MODEL.md."})
final class TrainNerCommand implements Callable<Integer> {
    @Option(names = "--testdata", paramLabel = "DIR",
            description = "Folder holding ner-wikigold/, ner-wnut17/, ner-sec-filings/ (optional).")
    Path testdata;

    @Option(names = "--out", paramLabel = "FILE",
            defaultValue = "enrich/src/main/resources/dev/newsintel/enrich/entities/en-ner-newsintel.zip",
            description = "Where to write the model, an ensemble of OpenNLP models in one zip (default: "
                    + "${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--members", defaultValue = "" + NerTraining.MEMBERS,
            description = "How many models vote, each trained with its own shuffle seed; odd (default: "
                    + "${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--iterations", defaultValue = "100", description = "Training iterations (default: 100).")
    int iterations;

    @Option(names = "--algorithm", defaultValue = "PERCEPTRON",
            description = "OpenNLP trainer: MAXENT or PERCEPTRON (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--with-held-back",
            description = "Also learn from the held-back fifth of each set, as the bundled model does (a model "
                    + "trained with it can no longer be measured on that fifth; eval entities trains its own).")
    boolean withHeldBack;

    @Option(names = "--cross-validate", paramLabel = "FOLDS",
            description = "Instead of writing a model, cross-validate inside the training part: FOLDS development "
                    + "folds of the four fifths, each measured with a model trained on the others (the held-back "
                    + "fifth is never used).")
    Integer folds;

    @Option(names = "--seeds", split = ",", defaultValue = "17",
            description = "Shuffle seeds to average over with --cross-validate (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--finder-only",
            description = "With --cross-validate, measure the statistical finder alone on the gold tokens (no lists, "
                    + "rules or document-level decisions): what the model contributes and what the recognizer adds.")
    boolean finderOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (testdata != null && !Files.isDirectory(testdata)) {
            throw new IOException("No such folder: " + testdata);
        }
        var console = spec.commandLine().getOut();
        if (folds != null) {
            if (folds < 2) {
                throw new IllegalArgumentException("--cross-validate needs at least 2 folds");
            }
            NerCrossValidation.Result cv = NerCrossValidation.run(testdata, folds, seeds, iterations, algorithm,
                    finderOnly, line -> {
                        console.println("  " + line);
                        console.flush();
                    });
            console.printf("Cross-validation%s, %d folds of the training part, seeds %s: mean F1 (min-max over "
                    + "seeds)%n", finderOnly ? " (finder alone)" : "", folds, seeds);
            cv.lines().forEach(console::println);
            return 0;
        }
        if (members < 1 || members % 2 == 0) {
            throw new IllegalArgumentException("--members must be odd and positive (a majority decides), got "
                    + members);
        }
        NerTraining.Result r = NerTraining.train(testdata, out, members, iterations, algorithm, withHeldBack);
        r.sources().forEach(s -> console.println("  " + s));
        console.printf("Trained %d members on %d sentences (%d names) each; wrote %s (%d bytes)%n", members,
                r.sentences(), r.names(), out, r.modelBytes());
        return 0;
    }
}
