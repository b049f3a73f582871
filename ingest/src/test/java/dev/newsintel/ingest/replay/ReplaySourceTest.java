package dev.newsintel.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.RawDocument;

class ReplaySourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void readsEveryFormatWithStableIds() throws Exception {
        Files.writeString(folder.resolve("a.html"), "<html><head><title>A</title></head><body>a</body></html>");
        Files.writeString(folder.resolve("b.txt"), "B headline\nbody");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("c.txt.gz")))) {
            out.write("C headline\nbody".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(folder.resolve("feed.xml"), """
                <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
                <item><title>One</title><link>https://t.example/1</link><description>one</description></item>
                <item><title>Two</title><link>https://t.example/2</link><description>two</description></item>
                </channel></rss>""");
        Files.writeString(folder.resolve("doc.json"), "{\"url\": \"https://j.example/x\", \"title\": \"J\", \"text\": \"j\"}");
        Files.writeString(folder.resolve("ignored.pdf"), "%PDF");

        List<RawDocument> first = replay();
        List<RawDocument> second = replay();

        assertThat(first).hasSize(6);
        assertThat(first).extracting(RawDocument::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(second.stream().map(RawDocument::id).toList());
        assertThat(first).filteredOn(d -> "https://t.example/2".equals(d.url())).singleElement()
                .satisfies(d -> assertThat(d.metadata()).containsEntry("title", "Two"));
        assertThat(first).allMatch(d -> d.kind() == DocumentKind.NEWS);
    }

    @Test
    void aFileUnderAnAccessionNumberIsAFilingDocument() throws Exception {
        Path filing = Files.createDirectories(folder.resolve("0001045810-26-000024"));
        // A press release exhibit: nothing in its own text says it came from EDGAR.
        Files.writeString(filing.resolve("ex99-1.htm"),
                "<html><body><p>NVIDIA announces results for the fourth quarter.</p></body></html>");
        Files.writeString(folder.resolve("news.htm"), "<html><body><p>NVIDIA announces results.</p></body></html>");

        List<RawDocument> documents = replay();

        assertThat(documents).filteredOn(d -> d.kind() == DocumentKind.FILING).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("0001045810-26-000024/ex99-1.htm");
            assertThat(d.metadata()).containsEntry("accessionNumber", "0001045810-26-000024");
        });
        assertThat(documents).filteredOn(d -> d.kind() == DocumentKind.NEWS).hasSize(1);
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillLoad() throws Exception {
        Files.writeString(folder.resolve("broken.xml"), "<rss><channel><item><title>cut");
        Files.writeString(folder.resolve("fine.txt"), "Fine\nbody");

        ReplaySource source = new ReplaySource(folder, "replay", CLOCK);
        List<RawDocument> documents = new ArrayList<>();
        source.poll(documents::add);

        assertThat(documents).hasSize(1);
        assertThat(source.failures()).singleElement().asString().startsWith("broken.xml: ");
    }

    private List<RawDocument> replay() throws IOException {
        List<RawDocument> documents = new ArrayList<>();
        new ReplaySource(folder, "replay", CLOCK).poll(documents::add);
        return documents;
    }
}
