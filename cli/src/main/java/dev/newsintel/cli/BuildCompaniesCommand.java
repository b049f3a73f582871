package dev.newsintel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.newsintel.enrich.entities.CompanyListBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel build-companies}: the bundled company list from a local copy of the SEC's ticker file. */
@Command(name = "build-companies", mixinStandardHelpOptions = true,
        description = {"Builds the company list entity linking uses from a local copy of the SEC's public "
                + "company_tickers.json (https://www.sec.gov/files/company_tickers.json). Works offline."})
final class BuildCompaniesCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The SEC company_tickers.json.")
    Path from;

    @Option(names = "--out", paramLabel = "FILE",
            defaultValue = "enrich/src/main/resources/dev/newsintel/enrich/entities/companies.tsv",
            description = "Where to write the list (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int n = CompanyListBuilder.build(from, out);
        spec.commandLine().getOut().println("Wrote " + n + " companies to " + out);
        return 0;
    }
}
