package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;
import picocli.CommandLine;

/** The extract and eval commands, run as a user runs them, on files the test writes. */
class ExtractAndEvalCommandTest {
    private static final String ARTICLE = """
            <html><head><meta charset="utf-8"><title>Orbital buys Lumen | Wire</title>
            <meta property="article:published_time" content="2026-03-10T09:30:00Z"></head><body>
            <nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
            <article><h1>Orbital buys Lumen</h1>
            <p>Orbital Systems said on Tuesday it agreed to acquire Lumen Robotics in a deal valued at $1.2 billion, its largest purchase so far.</p>
            <p>The deal is expected to close in the third quarter, subject to regulatory approval, the companies said in a joint statement.</p>
            </article><footer>© 2026 Wire</footer></body></html>""";

    @Test
    void extractPrintsOneJsonObjectPerDocument(@TempDir Path tmp) throws IOException {
        Path html = tmp.resolve("orbital.html");
        Files.writeString(html, ARTICLE);
        Path gz = tmp.resolve("plain.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("Acme reports record revenue\nAcme Cloud reported revenue of $4.2 billion, up 12% from a year earlier, the company said on Thursday.\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path empty = tmp.resolve("empty.html");
        Files.write(empty, new byte[0]);

        Run run = run("extract", html.toString(), gz.toString(), empty.toString());

        assertThat(run.exitCode).isEqualTo(1); // the empty file failed, the others did not
        assertThat(run.lines).hasSize(3);
        JsonNode first = run.lines.get(0);
        assertThat(first.path("file").asText()).isEqualTo(html.toString());
        assertThat(first.path("title").asText()).isEqualTo("Orbital buys Lumen");
        assertThat(first.path("text").asText()).startsWith("Orbital Systems said on Tuesday")
                .doesNotContain("Home", "© 2026");
        assertThat(first.path("publishedAt").asText()).isEqualTo("2026-03-10T09:30:00Z");
        assertThat(first.path("language").asText()).isEqualTo("en");
        assertThat(first.has("entities")).isTrue();
        assertThat(first.has("quantities")).isTrue();
        assertThat(first.has("announcements")).isTrue();
        JsonNode second = run.lines.get(1);
        assertThat(second.path("title").asText()).isEqualTo("Acme reports record revenue");
        assertThat(second.has("publishedAt")).isTrue();
        assertThat(second.path("publishedAt").isNull()).isTrue();
        assertThat(run.lines.get(2).path("error").asText()).contains("empty");
    }

    @Test
    void extractLinesTreatsEveryLineAsADocument(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("lines.txt");
        Files.writeString(file, "Helio Labs raised $40 million in a Series B round.\n\nQuanta named Maria Chen CFO.\n");

        Run run = run("extract", "--lines", "--url", "https://wire.example/feed", file.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.lines).hasSize(2);
        assertThat(run.lines.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(run.lines.get(0).path("text").asText()).isEqualTo("Helio Labs raised $40 million in a Series B round.");
        assertThat(run.lines.get(1).path("line").asInt()).isEqualTo(3);
        assertThat(run.lines.get(1).path("site").asText()).isEqualTo("wire.example");
    }

    @Test
    void evalExtractionWritesTheResultsTable(@TempDir Path tmp) throws IOException {
        // A one-page article-extraction benchmark in the benchmark's own layout.
        Path set = tmp.resolve("testdata/article-extraction-benchmark");
        Files.createDirectories(set.resolve("html"));
        Files.createDirectories(set.resolve("baseline-outputs"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(set.resolve("html/page1.html.gz")))) {
            out.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
        }
        String body = "Orbital Systems said on Tuesday it agreed to acquire Lumen Robotics in a deal valued at $1.2 "
                + "billion, its largest purchase so far.\\n\\nThe deal is expected to close in the third quarter, "
                + "subject to regulatory approval, the companies said in a joint statement.";
        Files.writeString(set.resolve("ground-truth.json"),
                "{\"page1\": {\"url\": \"https://wire.example/orbital\", \"articleBody\": \"" + body + "\"}}");
        Files.writeString(set.resolve("baseline-outputs/fulltext.json"),
                "{\"page1\": {\"articleBody\": \"Home Tech Orbital buys Lumen " + body + " © 2026 Wire\"}}");
        Path out = tmp.resolve("docs/evaluation");

        Run run = run("eval", "extraction", "--testdata", tmp.resolve("testdata").toString(), "--out", out.toString(),
                "--min-f1", "0.99");

        assertThat(run.exitCode).as(run.output).isZero();
        String markdown = Files.readString(out.resolve("extraction.md"));
        assertThat(markdown).contains("| `article-extraction-benchmark` | 1 |", "**1.000**", "fulltext");
        JsonNode json = Json.MAPPER.readTree(out.resolve("extraction.json").toFile());
        assertThat(json.path("datasets").path(0).path("f1").asDouble()).isEqualTo(1.0);
        assertThat(json.path("datasets").path(0).path("baselines").path(0).path("f1").asDouble()).isLessThan(1.0);
    }

    @Test
    void evalWithoutASubcommandSaysWhatItCanEvaluate() {
        Run run = run("eval");
        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("extraction");
    }

    private record Run(int exitCode, List<JsonNode> lines, String output) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(Json.MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("Not JSON: " + line, e);
                }
            }
        }
        return new Run(code, lines, out + err.toString());
    }
}
