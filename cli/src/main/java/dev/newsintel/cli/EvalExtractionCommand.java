package dev.newsintel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.enrich.extract.eval.ExtractionEvaluation;
import dev.newsintel.enrich.extract.eval.ExtractionEvaluation.DatasetResult;
import dev.newsintel.enrich.extract.eval.ExtractionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel eval extraction}: main-text extraction quality on the article-extraction benchmark, the
 * trafilatura evaluation pages and the Readability test pages, next to other extractors' published figures.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = {"Measures main-text extraction (precision, recall, F1) on the public page sets and writes "
                + "docs/evaluation/extraction.md and extraction.json."})
final class EvalExtractionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--testdata", paramLabel = "DIR",
            description = "Folder holding the datasets (default: $NEWSINTEL_TESTDATA, else ../shared/testdata).")
    Path testdata;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/evaluation",
            description = "Where the results go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--min-f1", paramLabel = "F1",
            description = "Exit 2 when the article-extraction benchmark's F1 is below this.")
    Double minF1;

    @Override
    public Integer call() throws Exception {
        Path data = testdata != null ? testdata
                : System.getenv("NEWSINTEL_TESTDATA") != null ? Path.of(System.getenv("NEWSINTEL_TESTDATA"))
                : Path.of("..", "shared", "testdata");
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("No test data at " + data.toAbsolutePath()
                    + " (give --testdata DIR or set NEWSINTEL_TESTDATA)");
        }
        List<DatasetResult> results = new ExtractionEvaluation(new DocumentExtractor()).all(data);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("None of the extraction datasets is under " + data.toAbsolutePath());
        }
        Path markdown = ExtractionReport.write(results, out, "./newsintel eval extraction");
        PrintWriter w = spec.commandLine().getOut();
        for (DatasetResult r : results) {
            w.printf(Locale.ROOT, "%-30s pages %4d  precision %.3f  recall %.3f  F1 %.3f%n", r.dataset(), r.pages(),
                    r.precision(), r.recall(), r.f1());
        }
        w.println("Wrote " + markdown + " and extraction.json");
        w.flush();
        if (minF1 != null) {
            for (DatasetResult r : results) {
                if (r.dataset().equals(ExtractionEvaluation.ARTICLE_BENCHMARK) && r.f1() < minF1) {
                    spec.commandLine().getErr().printf(Locale.ROOT, "F1 %.3f is below --min-f1 %.3f%n", r.f1(),
                            minF1);
                    return 2;
                }
            }
        }
        return 0;
    }
}
