package dev.newsintel.ingest.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsintel.events.SourceDefinition;
import dev.newsintel.ingest.http.UrlCanonicalizer;

/**
 * A list of news feeds, one per line: {@code URL [title]}; blank lines and {@code #} comments are ignored. The
 * default list ({@code default-feeds.txt} in this module) holds major tech outlets; {@code --feeds FILE} replaces it.
 */
public final class FeedList {
    /** A feed to poll. */
    public record Entry(String url, String title) {
    }

    private FeedList() {
    }

    public static List<Entry> defaults() {
        try (InputStream in = FeedList.class.getResourceAsStream("default-feeds.txt")) {
            if (in == null) {
                throw new IllegalStateException("default-feeds.txt missing from the newsintel-ingest jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-feeds.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the feed list " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the line of the first entry that is not an http(s) URL
     */
    public static List<Entry> parse(String text, String origin) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\\R")) {
            lineNumber++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 2);
            if (UrlCanonicalizer.canonicalOrNull(parts[0]) == null) {
                throw new IllegalArgumentException(origin + " line " + lineNumber + ": not an http(s) URL: " + parts[0]);
            }
            entries.putIfAbsent(parts[0], new Entry(parts[0], parts.length > 1 ? parts[1].strip() : null));
        }
        return new ArrayList<>(entries.values());
    }

    public static List<SourceDefinition> definitions(List<Entry> feeds, long intervalSeconds) {
        return feeds.stream().map(f -> SourceDefinition.feed(f.url(), f.title(), intervalSeconds)).toList();
    }
}
