package dev.newsintel.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsintel} command. */
@Command(name = "newsintel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns SEC filings and tech news into searchable, alertable facts.",
        subcommands = {UpCommand.class, IngestCommand.class, EnrichCommand.class, AlertsCommand.class,
                ServeCommand.class, ExtractCommand.class, EvalCommand.class, BuildCompaniesCommand.class,
                TrainNerCommand.class, BenchCommand.class, ReprocessCommand.class, ReindexCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // A clear one-line reason for the user; the stack trace only at debug level.
                    cmd.getErr().println("newsintel: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    org.slf4j.LoggerFactory.getLogger(Main.class).debug("Command failed", e);
                    return 1;
                })
                .execute(args);
    }
}
