package dev.newsintel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A replay folder the tests write themselves, one file per supported format, each carrying a marker word so a
 * test finds exactly its own documents in a shared Elasticsearch.
 */
final class ReplayFixtures {
    private ReplayFixtures() {
    }

    /** Writes the folder and returns how many documents it holds. */
    static int write(Path dir, String marker) throws IOException {
        Files.createDirectories(dir.resolve("feeds"));
        Files.writeString(dir.resolve("nvidia-open-models.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8">
                <title>Nvidia commits $26 billion to open-weight AI models</title>
                <meta property="article:published_time" content="2026-03-11T14:00:00Z"></head>
                <body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
                <article><h1>Nvidia commits $26 billion to open-weight AI models</h1>
                <p>Nvidia will spend $26 billion over the next five years building open-weight models, %s says.</p>
                <p>Its Nemotron 3 Super model has 128B parameters, 12B of them active, and a 1M-token context.</p>
                </article><footer>Copyright</footer></body></html>
                """.formatted(marker), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orbital-acquisition.txt"), """
                Orbital Systems agrees to buy Lumen Robotics for $1.2 billion
                Orbital Systems said on Tuesday it agreed to acquire Lumen Robotics in a deal valued at $1.2 billion. %s
                """.formatted(marker), StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("earnings.txt.gz")))) {
            out.write("""
                    Acme Cloud reports record quarterly revenue
                    Acme Cloud reported revenue of $4.2 billion, up 12%% from a year earlier. %s
                    """.formatted(marker).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("feeds/techwire.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Techwire</title><link>https://techwire.example/</link>
                <item><title>Helio Labs raises $40 million Series B</title>
                <link>https://techwire.example/%1$s/helio-series-b</link>
                <pubDate>Tue, 10 Mar 2026 09:30:00 GMT</pubDate>
                <description><![CDATA[<p>Helio Labs raised $40 million in a Series B round. %1$s</p>]]></description></item>
                <item><title>Quanta names new chief financial officer</title>
                <link>https://techwire.example/%1$s/quanta-cfo</link>
                <pubDate>Wed, 11 Mar 2026 10:00:00 GMT</pubDate>
                <description>Quanta appointed Maria Chen as chief financial officer. %1$s</description></item>
                </channel></rss>
                """.formatted(marker), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("partnership.json"), """
                {"url": "https://devchronicle.example/%1$s/partnership", "title": "Nimbus and Vertex form AI partnership",
                 "text": "Nimbus and Vertex announced a multi-year partnership to co-develop inference chips. %1$s",
                 "publishedAt": "2026-03-12T08:00:00Z"}
                """.formatted(marker), StandardCharsets.UTF_8);
        return 6;
    }
}
