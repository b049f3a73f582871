package dev.newsintel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsintel eval}: quality measurements against the public test data, one subcommand per stage
 * ({@code extraction}, ...). Each subcommand writes its results table under {@code docs/evaluation/}. To add one,
 * write a picocli command and list it in {@code subcommands} below.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures quality on the public test data and writes a results table per stage.",
        subcommands = {EvalExtractionCommand.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to evaluate: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
