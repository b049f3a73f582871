package dev.newsintel.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.newsintel.cli.Main;

/**
 * A pipeline stage ({@code newsintel enrich}, {@code newsintel serve}, ...) in a child JVM on this JVM's class
 * path: what the benchmark measures apart (its own CPU and memory) and what fault tests kill with SIGKILL.
 * Its output goes to a log file; its GC log (heap after each collection) to another, which
 * {@link ResourceSampler} reads.
 */
public final class StageProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Path gcLog;
    /** Ctrl-C of the benchmark or a test run: stop the stage cleanly rather than leave it to its owner watch. */
    private final Thread stopOnExit;

    private StageProcess(String name, Process process, Path log, Path gcLog) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.stopOnExit = new Thread(() -> {
            if (process.isAlive()) {
                stop(Duration.ofSeconds(20));
            }
        }, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code newsintel ARGS...} in a child JVM.
     *
     * @param name    what the logs are called ({@code enrich} writes {@code enrich.log}, {@code enrich-gc.log})
     * @param heap    {@code -Xmx} of the child, e.g. {@code 768m}
     * @param logDir  where the logs go
     * @param args    the command line after {@code newsintel}
     */
    public static StageProcess start(String name, String heap, Path logDir, List<String> args) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logDir.resolve(name + ".log");
        Path gcLog = logDir.resolve(name + "-gc.log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap,
                "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog + ":uptime", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        // The stage exits when this JVM does, even after a kill -9 of it (Main watches the owner).
        command.add("-D" + Main.OWNER_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.newsintel.cli.Main"));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new StageProcess(name, process, log, gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start newsintel " + String.join(" ", args), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public Path gcLog() {
        return gcLog;
    }

    /** Waits until the log contains {@code text} (a stage prints a line when it is up). */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("newsintel " + name + " exited with " + process.exitValue()
                        + "; last lines of " + log + ":\n" + tail(30));
            }
            if (tail(200).contains(text)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("newsintel " + name + " did not print '" + text + "' within "
                + timeout.toSeconds() + " s; last lines of " + log + ":\n" + tail(30));
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, a clean stop (shutdown hooks run), then SIGKILL if it takes longer than {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(40));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // closing from a shutdown hook: the JVM is exiting anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
