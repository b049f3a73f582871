package dev.newsintel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's own sample corpus (news items and 8-K style filings written for NewsIntel; the events are
 * invented): what {@code newsintel up} loads when no folder is given, so a fresh machine without internet shows
 * a meaningful result. Its files are listed in {@code sample-corpus/INDEX}.
 */
public final class SampleCorpus {
    private static final String ROOT = "sample-corpus/";

    private SampleCorpus() {
    }

    public static List<String> files() {
        try (InputStream in = SampleCorpus.class.getResourceAsStream(ROOT + "INDEX")) {
            if (in == null) {
                throw new IllegalStateException("sample-corpus/INDEX missing from the newsintel-ingest jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the corpus into {@code dir} (created if missing) and returns it, ready for a replay source. */
    public static Path copyTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : files()) {
                try (InputStream in = SampleCorpus.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("Sample corpus file listed in INDEX is missing: " + name);
                    }
                    Path target = dir.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sample corpus to " + dir, e);
        }
    }
}
