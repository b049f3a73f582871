package dev.newsintel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.newsintel.enrich.entities.NerTraining;
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
            defaultValue = "enrich/src/main/resources/dev/newsintel/enrich/entities/en-ner-newsintel.bin",
            description = "Where to write the model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--iterations", defaultValue = "100", description = "Training iterations (default: 100).")
    int iterations;

    @Option(names = "--algorithm", defaultValue = "PERCEPTRON",
            description = "OpenNLP trainer: MAXENT or PERCEPTRON (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (testdata != null && !Files.isDirectory(testdata)) {
            throw new IOException("No such folder: " + testdata);
        }
        NerTraining.Result r = NerTraining.train(testdata, out, iterations, algorithm);
        var console = spec.commandLine().getOut();
        r.sources().forEach(s -> console.println("  " + s));
        console.printf("Trained on %d sentences (%d names); wrote %s (%d bytes)%n", r.sentences(), r.names(), out,
                r.modelBytes());
        return 0;
    }
}
