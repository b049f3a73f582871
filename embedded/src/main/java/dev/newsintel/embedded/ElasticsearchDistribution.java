package dev.newsintel.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch distribution (the integ-test-zip from Maven Central) and unpacks it once into a cache.
 *
 * <p>Looked for, in order: {@code $NEWSINTEL_ES_HOME} (an unpacked distribution, used as is);
 * {@code -Dnewsintel.elasticsearch.zip} or {@code $NEWSINTEL_ES_ZIP}; the {@code lib/} folder beside our jars
 * (the packaged CLI); the local Maven repository.
 */
final class ElasticsearchDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);

    private ElasticsearchDistribution() {
    }

    /** The home directory of a ready-to-run Elasticsearch. */
    static Path home(Path cacheBase) {
        String configuredHome = System.getenv("NEWSINTEL_ES_HOME");
        if (configuredHome != null && !configuredHome.isBlank()) {
            Path home = Paths.get(configuredHome);
            if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
                throw new IllegalStateException("NEWSINTEL_ES_HOME=" + home + " has no bin/elasticsearch");
            }
            return home;
        }
        String version = Versions.elasticsearch();
        Path zip = findZip(version);
        Path target = cacheBase.resolve("elasticsearch-" + version);
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        // Several JVMs (a test run and an `up`) may start at once: unpack under a file lock.
        try (FileChannel channel = FileChannel.open(cacheBase.resolve("elasticsearch-" + version + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.exists(marker)) {
                return target;
            }
            LOG.info("Unpacking Elasticsearch {} from {} into {}", version, zip, target);
            RuntimeDirectory.deleteRecursively(target);
            unzip(zip, cacheBase, "elasticsearch-" + version + "/");
            Files.createFile(marker);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + cacheBase, e);
        }
    }

    static Path findZip(String version) {
        String fileName = "elasticsearch-" + version + ".zip";
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("newsintel.elasticsearch.zip", System.getenv("NEWSINTEL_ES_ZIP"));
        if (configured != null && !configured.isBlank()) {
            candidates.add(Paths.get(configured));
        }
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                Path parent = Paths.get(entry).toAbsolutePath().getParent();
                if (parent != null) {
                    candidates.add(parent.resolve(fileName));
                    candidates.add(parent.resolve("lib").resolve(fileName));
                }
            }
        }
        String repo = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        candidates.add(Paths.get(repo, "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch",
                version, fileName));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Elasticsearch " + version + " distribution not found (looked at "
                + candidates + "). Build the project once with Maven (it downloads "
                + "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
                + ":zip), or set NEWSINTEL_ES_ZIP to that zip, or NEWSINTEL_ES_HOME to an unpacked Elasticsearch.");
    }

    private static void unzip(Path zip, Path targetBase, String expectedRoot) throws IOException {
        Path normalizedBase = targetBase.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zin.getNextEntry()) != null) {
                Path out = normalizedBase.resolve(entry.getName()).normalize();
                if (!out.startsWith(normalizedBase) || !entry.getName().startsWith(expectedRoot)) {
                    throw new IOException("Unexpected entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    setPermissions(out, true);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zin, out, StandardCopyOption.REPLACE_EXISTING);
                    String name = entry.getName();
                    boolean executable = name.contains("/bin/") || name.endsWith(".sh")
                            || name.contains("/platform/") && !name.endsWith(".jar");
                    setPermissions(out, executable);
                }
            }
        }
    }

    private static void setPermissions(Path path, boolean executable) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if (executable) {
            perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        try {
            Files.setPosixFilePermissions(path, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the defaults will do
        }
    }
}
