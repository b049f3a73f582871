package dev.newsintel.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server we started as a child process: its output goes to a log file, its pid (with the process start time, so
 * a recycled pid is never mistaken for it) to a pid file that a later run uses to clean up after a killed one.
 */
final class ServerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ServerProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                               Path logFile, Path pidFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ServerProcess server = new ServerProcess(name, process, logFile, pidFile);
            server.recordPids();
            LOG.debug("Started {} as pid {}: {}", name, process.pid(), command);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + command.get(0) + ")", e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** Rewrites the pid file with the process and all its descendants (servers that fork their real JVM). */
    void recordPids() {
        List<String> lines = new ArrayList<>();
        lines.add(pidLine(process.toHandle()));
        process.toHandle().descendants().forEach(h -> lines.add(pidLine(h)));
        try {
            Files.write(pidFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pidFile, e);
        }
    }

    /** Asks the server to stop (SIGTERM), waits, then kills whatever of its process tree is left. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killTree(process.toHandle(), tree);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", pidFile, e);
        }
    }

    /** Kills the process tree at once, as {@code kill -9} would: for fault tests and failed starts. */
    void kill() {
        killTree(process.toHandle(), new ArrayList<>(process.toHandle().descendants().toList()));
    }

    private static void killTree(ProcessHandle root, List<ProcessHandle> knownDescendants) {
        List<ProcessHandle> all = new ArrayList<>(knownDescendants);
        root.descendants().forEach(all::add);
        all.add(root);
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Process {} did not exit after SIGKILL", handle.pid());
            }
        }
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    static String pidLine(ProcessHandle handle) {
        return handle.pid() + " " + handle.info().startInstant().map(Instant::toString).orElse("-");
    }

    /** The live process a pid-file line names, if it is still the same process (pids are recycled). */
    static Optional<ProcessHandle> liveProcess(String pidLine) {
        String[] parts = pidLine.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty() || parts.length < 2 || "-".equals(parts[1])) {
                return handle;
            }
            Instant recorded = Instant.parse(parts[1]);
            return handle.filter(h -> h.info().startInstant().map(recorded::equals).orElse(true));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
