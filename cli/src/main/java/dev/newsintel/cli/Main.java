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

    /**
     * A process id this process must not outlive (set by the benchmark and the fault tests for the stages they
     * start): when that process is gone, this one exits, so a killed parent leaves nothing running.
     */
    public static final String OWNER_PID_PROPERTY = "newsintel.owner.pid";

    public static int run(String... args) {
        watchOwner();
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

    private static void watchOwner() {
        String owner = System.getProperty(OWNER_PID_PROPERTY);
        if (owner == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(owner)).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("newsintel: owner process " + owner + " exited; stopping");
                    System.exit(0);
                }),
                () -> System.exit(0));
    }
}
