package dev.newsintel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.evaluation.AnnouncementEvaluation;
import dev.newsintel.enrich.evaluation.EntityEvaluation;
import dev.newsintel.enrich.evaluation.EvaluationReport;
import dev.newsintel.enrich.evaluation.LinkingEvaluation;
import dev.newsintel.enrich.evaluation.QuantityEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel eval ...}: measures enrichment on test data with ground truth and writes a results table
 * ({@code docs/evaluation/<name>.md} and {@code .json}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures enrichment quality and writes docs/evaluation/<name>.md and .json.",
        subcommands = {EvalExtractionCommand.class, EvalCommand.Quantities.class, EvalCommand.Entities.class, EvalCommand.Linking.class,
                EvalCommand.Announcements.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to measure: say what can be, and fail (exit code 2). */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name what to evaluate: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Options every evaluation shares. */
    static final class Where {
        @Option(names = "--testdata", paramLabel = "DIR",
                description = "Folder of third-party test data (default: $NEWSINTEL_TESTDATA or ../shared/testdata).")
        Path testdata;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/evaluation",
                description = "Where to write the results (default: ${DEFAULT-VALUE}).")
        Path out;

        Path testdata() throws IOException {
            Path p = testdata;
            if (p == null) {
                String env = System.getenv("NEWSINTEL_TESTDATA");
                p = Path.of(env != null && !env.isBlank() ? env : "../shared/testdata");
            }
            if (!Files.isDirectory(p)) {
                throw new IOException("Test data folder " + p.toAbsolutePath() + " does not exist (use --testdata)");
            }
            return p;
        }
    }

    static int write(EvaluationReport report, Path out, PrintWriter console) throws IOException {
        List<Path> written = report.writeTo(out);
        for (Map.Entry<String, Object> m : report.metrics().entrySet()) {
            console.printf("%-50s %s%n", m.getKey(), m.getValue());
        }
        console.println("Wrote " + written.get(0) + " and " + written.get(1));
        console.flush();
        return 0;
    }

    @Command(name = "quantities", mixinStandardHelpOptions = true,
            description = "Money, percent, duration and numbers on recognizers-text-en/ and duckling-en/.")
    static final class Quantities implements Callable<Integer> {
        @Mixin
        Where where;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return write(QuantityEvaluation.run(where.testdata()), where.out, spec.commandLine().getOut());
        }
    }

    @Command(name = "entities", mixinStandardHelpOptions = true,
            description = {"Span F1 per type on ner-wikigold/, ner-wnut17/ and ner-sec-filings/ and the project's own "
                    + "texts (held-back fifth), with a name finder trained by the shipped recipe without that fifth "
                    + "(about half a minute)."})
    static final class Entities implements Callable<Integer> {
        @Mixin
        Where where;
        @Option(names = "--every-fifth", description = "Hold back each fifth in turn and measure every document "
                + "(five trainings, a few minutes; writes entities-every-fifth.md).")
        boolean everyFifth;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return write(everyFifth ? EntityEvaluation.runEveryFifth(where.testdata())
                    : EntityEvaluation.runHeldBack(where.testdata()), where.out, spec.commandLine().getOut());
        }
    }

    @Command(name = "linking", mixinStandardHelpOptions = true,
            description = "Does the filer named in each EDGAR fixture link to its CIK?")
    static final class Linking implements Callable<Integer> {
        @Mixin
        Where where;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return write(LinkingEvaluation.run(where.testdata(), EntityRecognizer.bundled()), where.out,
                    spec.commandLine().getOut());
        }
    }

    @Command(name = "announcements", mixinStandardHelpOptions = true,
            description = "Precision and recall on the project's announcement gold set.")
    static final class Announcements implements Callable<Integer> {
        @Option(names = "--gold", paramLabel = "DIR", defaultValue = "enrich/src/test/resources/gold/announcements",
                description = "The gold set folder (default: ${DEFAULT-VALUE}).")
        Path gold;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/evaluation",
                description = "Where to write the results (default: ${DEFAULT-VALUE}).")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return write(AnnouncementEvaluation.run(gold, TextAnalyzer.shared()), out, spec.commandLine().getOut());
        }
    }
}
