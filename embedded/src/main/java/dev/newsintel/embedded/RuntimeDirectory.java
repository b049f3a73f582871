package dev.newsintel.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded servers keep their files: one run directory per running stack, under a base directory that
 * also caches the unpacked Elasticsearch distribution.
 *
 * <p>A run directory records the pid of the JVM that owns it and of every server it started. A stack that was
 * killed (kill -9, a crashed test JVM) cannot clean up after itself, so each new start first looks for run
 * directories whose owner is gone, stops the servers they name and deletes them.
 *
 * <p>The base directory is {@code $NEWSINTEL_RUNTIME_DIR}, else {@code <java.io.tmpdir>/newsintel-runtime-<user>}:
 * never under a home directory, because when we run as root Elasticsearch runs as an unprivileged user that must
 * reach its files.
 */
public final class RuntimeDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDirectory.class);
    private static final String OWNER_FILE = "owner.pid";

    private final Path base;
    private final Path run;

    private RuntimeDirectory(Path base, Path run) {
        this.base = base;
        this.run = run;
    }

    /** Cleans up after killed runs, then creates a fresh run directory owned by this JVM. */
    public static RuntimeDirectory create() {
        Path base = baseDirectory();
        try {
            Files.createDirectories(base);
            worldReadable(base);
            cleanUpStaleRuns(base);
            ProcessHandle self = ProcessHandle.current();
            Path run = Files.createTempDirectory(base, "run-" + self.pid() + "-");
            worldReadable(run);
            Files.writeString(run.resolve(OWNER_FILE), ServerProcess.pidLine(self), StandardCharsets.UTF_8);
            return new RuntimeDirectory(base, run);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the runtime directory under " + base, e);
        }
    }

    public static Path baseDirectory() {
        String configured = System.getenv("NEWSINTEL_RUNTIME_DIR");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Paths.get(System.getProperty("java.io.tmpdir"), "newsintel-runtime-" + user).toAbsolutePath();
    }

    public Path base() {
        return base;
    }

    public Path run() {
        return run;
    }

    /** A subdirectory of the run directory, created if missing. */
    public Path dir(String name) {
        Path dir = run.resolve(name);
        try {
            Files.createDirectories(dir);
            worldReadable(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    /** Deletes the run directory; the servers must be stopped first. */
    public void delete() {
        deleteRecursively(run);
    }

    static void cleanUpStaleRuns(Path base) throws IOException {
        List<Path> runs;
        try (Stream<Path> children = Files.list(base)) {
            runs = children.filter(p -> p.getFileName().toString().startsWith("run-") && Files.isDirectory(p))
                    .toList();
        }
        for (Path stale : runs) {
            if (ownerAlive(stale)) {
                continue;
            }
            LOG.info("Cleaning up after a stack that did not stop cleanly: {}", stale);
            try (Stream<Path> files = Files.list(stale)) {
                for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")
                        && !p.getFileName().toString().equals(OWNER_FILE)).toList()) {
                    for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                        ServerProcess.liveProcess(line).ifPresent(process -> {
                            LOG.info("Killing stale server process {} ({})", process.pid(), pidFile.getFileName());
                            process.descendants().forEach(ProcessHandle::destroyForcibly);
                            process.destroyForcibly();
                        });
                    }
                }
            }
            deleteRecursively(stale);
        }
    }

    private static boolean ownerAlive(Path run) {
        Path owner = run.resolve(OWNER_FILE);
        try {
            if (!Files.exists(owner)) {
                // Being created right now by another JVM, or a leftover without owner: only the latter is old.
                return Files.getLastModifiedTime(run).toMillis() > System.currentTimeMillis() - 60_000;
            }
            Optional<ProcessHandle> handle = ServerProcess.liveProcess(Files.readString(owner, StandardCharsets.UTF_8));
            return handle.isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    static void worldReadable(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not set permissions of {}", dir, e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {} completely: {}", root, e.getMessage());
        }
    }
}
