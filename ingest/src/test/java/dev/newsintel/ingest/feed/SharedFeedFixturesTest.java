package dev.newsintel.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * Every feed of the shared test data ({@code ../shared/testdata/news-feeds}) against its expected parse output:
 * rss-parser's golden files (titles, links, dates, authors per item) and the values feedjira's specs assert.
 * Skipped where the folder is missing.
 */
class SharedFeedFixturesTest {
    private static final Path ROOT = Path.of(System.getProperty("newsintel.shared.testdata", "../../shared/testdata"))
            .resolve("news-feeds");
    private final FeedParser parser = new FeedParser();

    private static void assumeData() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "shared test data not found at " + ROOT.toAbsolutePath()
                + ": skipping the real-feed fixtures");
    }

    @Test
    void everyFeedFileParses() throws IOException {
        assumeData();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(xml|rss|atom)$") || p.getFileName().toString().endsWith("feed.json")
                            || p.getFileName().toString().equals("json_feed.json"))
                    .filter(p -> !p.getFileName().toString().contains("FirstEntry"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            Feed feed = parse(file);
            assertThat(feed.items()).as(file.toString()).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> rssParserGoldenFiles() throws IOException {
        assumeData();
        JsonNode cases = Json.MAPPER.readTree(ROOT.resolve("rss-parser/cases.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        cases.fields().forEachRemaining(entry -> tests.add(DynamicTest.dynamicTest(entry.getKey(), () -> {
            Feed feed = parse(ROOT.resolve(entry.getValue().path("input").asText()));
            JsonNode expected = Json.MAPPER.readTree(ROOT.resolve(entry.getValue().path("expected").asText()).toFile())
                    .path("feed");
            if (expected.hasNonNull("title")) {
                assertThat(feed.title()).isEqualTo(expected.path("title").asText().trim());
            }
            JsonNode items = expected.path("items");
            assertThat(feed.items()).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode want = items.get(i);
                FeedItem got = feed.items().get(i);
                String where = entry.getKey() + " item " + i;
                if (want.hasNonNull("title")) {
                    assertSameText(got.title(), want.path("title").asText().trim(), where + " title");
                }
                if (want.hasNonNull("link")) {
                    String link = want.path("link").asText().trim();
                    if (link.contains("feedproxy.google.com") || link.contains("feeds.feedburner.com")) {
                        // We prefer FeedBurner's origLink (the article itself) to its tracking redirect.
                        assertThat(got.link()).as(where + " link").startsWith("http").doesNotContain("feedproxy");
                    } else {
                        assertThat(got.link()).as(where + " link").isEqualTo(link);
                    }
                }
                if (want.hasNonNull("isoDate")) {
                    assertThat(got.published()).as(where + " date").isEqualTo(Instant.parse(want.path("isoDate").asText()));
                }
                String author = want.hasNonNull("creator") ? want.path("creator").asText()
                        : want.hasNonNull("author") && want.path("author").isTextual() ? want.path("author").asText() : null;
                if (author != null && !author.isBlank()) {
                    assertThat(got.author()).as(where + " author").isEqualTo(author.trim());
                }
            }
        })));
        return tests.stream();
    }

    @Test
    void feedjiraExpectations() throws IOException {
        assumeData();
        JsonNode all = Json.MAPPER.readTree(ROOT.resolve("feedjira/expected.json").toFile());
        var names = all.fieldNames();
        int checked = 0;
        while (names.hasNext()) {
            String name = names.next();
            JsonNode expected = all.path(name);
            Feed feed = parse(ROOT.resolve("feedjira").resolve(name));
            JsonNode f = expected.path("feed");
            if (f.has("entries_count")) {
                assertThat(feed.items()).as(name).hasSize(f.path("entries_count").asInt());
            }
            if (f.hasNonNull("title")) {
                assertThat(feed.title()).as(name + " title").isEqualTo(f.path("title").asText());
            }
            if (f.hasNonNull("title_stripped")) {
                assertThat(feed.title().strip()).as(name + " title").isEqualTo(f.path("title_stripped").asText());
            }
            JsonNode first = expected.path("first_entry");
            FeedItem item = feed.items().get(0);
            if (first.hasNonNull("title")) {
                assertThat(item.title()).as(name + " first title").isEqualTo(first.path("title").asText());
            }
            if (first.hasNonNull("url")) {
                assertThat(item.link()).as(name + " first url").isEqualTo(first.path("url").asText());
            }
            if (first.hasNonNull("author")) {
                assertThat(item.author()).as(name + " first author").isEqualTo(first.path("author").asText());
            }
            if (first.hasNonNull("published")) {
                assertThat(item.published()).as(name + " first published")
                        .isEqualTo(FeedParser.parseDate(first.path("published").asText()));
            }
            if (first.hasNonNull("id")) {
                assertThat(item.id()).as(name + " first id").isEqualTo(first.path("id").asText());
            }
            if (first.has("categories")) {
                List<String> categories = new ArrayList<>();
                first.path("categories").forEach(c -> categories.add(c.asText()));
                assertThat(item.categories()).as(name + " categories").containsAll(categories);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    /**
     * rss-parser decodes an undeclared Latin-1 feed as UTF-8 and writes U+FFFD for every byte it cannot read; we
     * read such a feed as windows-1252, so a replacement character stands for any one character.
     */
    private static void assertSameText(String got, String want, String where) {
        if (want.indexOf('\uFFFD') < 0) {
            assertThat(got).as(where).isEqualTo(want);
            return;
        }
        String pattern = java.util.Arrays.stream(want.split("\uFFFD", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("."));
        assertThat(got).as(where).matches(pattern);
    }

    private Feed parse(Path file) throws IOException {
        try {
            return parser.parse(Files.readAllBytes(file));
        } catch (FeedFormatException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }
}
