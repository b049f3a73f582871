package dev.newsintel.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"
                 xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
              <channel>
                <atom:link href="https://wire.example/feed/" rel="self" type="application/rss+xml"/>
                <title>Wire &amp; Chips</title>
                <link>https://wire.example/</link>
                <image><title>logo title</title><url>https://wire.example/logo.png</url></image>
                <item>
                  <title>Chipmaker ships 2nm parts</title>
                  <link>https://feeds.example/~r/wire/~3/abc</link>
                  <feedburner:origLink>https://wire.example/2026/03/2nm</feedburner:origLink>
                  <guid isPermaLink="false">wire-1001</guid>
                  <pubDate>Fri, 06 Mar 2026 14:30:00 -0500</pubDate>
                  <dc:creator><![CDATA[Ada Lovelace]]></dc:creator>
                  <category>Semiconductors</category>
                  <category>Manufacturing</category>
                  <description>Short summary</description>
                  <content:encoded><![CDATA[<p>Full <b>body</b></p>]]></content:encoded>
                  <media:content url="https://wire.example/img.jpg"><media:title>image caption</media:title></media:content>
                </item>
                <item>
                  <title>Second</title>
                  <link>https://wire.example/2026/03/second</link>
                  <pubDate>Thu, 5 Mar 2026 09:00:00 GMT</pubDate>
                  <author>news@wire.example (Grace Hopper)</author>
                  <description>&lt;p&gt;escaped html&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>
            """;

    @Test
    void readsRss2WithExtensions() throws Exception {
        Feed feed = parser.parse(RSS.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.format()).isEqualTo("rss");
        assertThat(feed.title()).isEqualTo("Wire & Chips");
        assertThat(feed.link()).isEqualTo("https://wire.example/");
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Chipmaker ships 2nm parts");
        assertThat(first.link()).isEqualTo("https://wire.example/2026/03/2nm");
        assertThat(first.id()).isEqualTo("wire-1001");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-03-06T19:30:00Z"));
        assertThat(first.author()).isEqualTo("Ada Lovelace");
        assertThat(first.categories()).containsExactly("Semiconductors", "Manufacturing");
        assertThat(first.content()).isEqualTo("<p>Full <b>body</b></p>");
        FeedItem second = feed.items().get(1);
        assertThat(second.published()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(second.content()).isEqualTo("<p>escaped html</p>");
        assertThat(second.author()).isEqualTo("news@wire.example (Grace Hopper)");
    }

    @Test
    void readsAtomWithAlternateLinksAndXhtmlContent() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="text">Lab Notes</title>
                  <link rel="self" href="https://lab.example/atom.xml"/>
                  <link href="https://lab.example/"/>
                  <entry>
                    <title type="html">Model &lt;b&gt;release&lt;/b&gt;</title>
                    <link rel="replies" href="https://lab.example/comments/1"/>
                    <link rel="alternate" type="text/html" href="https://lab.example/posts/1"/>
                    <id>tag:lab.example,2026:1</id>
                    <updated>2026-03-06T10:00:00Z</updated>
                    <published>2026-03-06T09:00:00+01:00</published>
                    <author><name>Lin Chen</name><email>lin@lab.example</email></author>
                    <category term="ai"/>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>world</em> &amp; all</p></div></content>
                  </entry>
                </feed>
                """;
        Feed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.format()).isEqualTo("atom");
        assertThat(feed.link()).isEqualTo("https://lab.example/");
        FeedItem entry = feed.items().get(0);
        assertThat(entry.title()).isEqualTo("Model release");
        assertThat(entry.link()).isEqualTo("https://lab.example/posts/1");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-03-06T08:00:00Z"));
        assertThat(entry.author()).isEqualTo("Lin Chen");
        assertThat(entry.categories()).containsExactly("ai");
        assertThat(entry.content()).contains("<p>Hello <em>world</em> &amp; all</p>");
    }

    @Test
    void readsJsonFeed() throws Exception {
        String json = """
                {"version":"https://jsonfeed.org/version/1.1","title":"Dev Digest","home_page_url":"https://dev.example/",
                 "items":[{"id":"1","url":"https://dev.example/p/1","title":"Compiler news",
                           "content_html":"<p>fast</p>","date_published":"2026-03-01T12:00:00-08:00",
                           "authors":[{"name":"Kim"}],"tags":["compilers"]},
                          {"id":"2","external_url":"https://other.example/x","content_text":"plain"}]}
                """;
        Feed feed = parser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.format()).isEqualTo("json");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2026-03-01T20:00:00Z"));
        assertThat(feed.items().get(0).author()).isEqualTo("Kim");
        assertThat(feed.items().get(0).categories()).containsExactly("compilers");
        assertThat(feed.items().get(1).link()).isEqualTo("https://other.example/x");
        assertThat(feed.items().get(1).contentType()).isEqualTo("text/plain");
    }

    @Test
    void readsRss1Rdf() throws Exception {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://rdf.example/"><title>RDF Site</title><link>https://rdf.example/</link></channel>
                  <item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link>
                    <dc:date>2026-02-01T08:00:00Z</dc:date><dc:creator>Ola</dc:creator></item>
                </rdf:RDF>
                """;
        Feed feed = parser.parse(rdf.getBytes(StandardCharsets.UTF_8));
        assertThat(feed.format()).isEqualTo("rdf");
        assertThat(feed.title()).isEqualTo("RDF Site");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.link()).isEqualTo("https://rdf.example/1");
            assertThat(i.published()).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
            assertThat(i.author()).isEqualTo("Ola");
        });
    }

    @Test
    void usesTheTransportCharsetOnlyWhenTheXmlDeclaresNone() throws Exception {
        byte[] latin = "<rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin, "ISO-8859-1").title()).isEqualTo("Caf\u00e9");
        byte[] declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(declared, "UTF-8").title()).isEqualTo("Caf\u00e9");
    }

    // ------------------------------------------------------------------------------------------ hostile feeds

    @Test
    void xxeCannotReadLocalFiles() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title><item><title>x &secret;</title></item></channel></rss>
                """;
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("declares entities")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void xxeWithoutADoctypeEntityDeclarationStillReadsNothing() {
        // a parameter entity pulling an external DTD
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "file:///etc/passwd">
                <rss version="2.0"><channel><title>t</title></channel></rss>
                """;
        try {
            Feed feed = parser.parse(xxe.getBytes(StandardCharsets.UTF_8));
            assertThat(feed.title()).isEqualTo("t");
        } catch (FeedFormatException e) {
            assertThat(e.getMessage()).doesNotContain("root:");
        }
    }

    @Test
    @Timeout(5)
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        assertThatThrownBy(() -> parser.parse(dtd.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith("Refused");
    }

    @Test
    void anUndeclaredEntityIsAClearError() {
        String feed = "<rss version=\"2.0\"><channel><title>a &nbsp; b</title></channel></rss>";
        assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("nbsp");
    }

    @Test
    void truncatedXmlSaysWhere() {
        String cut = RSS.substring(0, RSS.indexOf("<item>") + 40);
        assertThatThrownBy(() -> parser.parse(cut.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageMatching("(?s)(Truncated|Malformed) XML feed at line \\d+.*");
    }

    @Test
    void wrongDeclaredEncodingIsRejectedClearly() {
        byte[] latinBytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Caf\u00e9 cr\u00e8me \u00e0 la carte</title></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse(latinBytes))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("wrong declared encoding");
    }

    @Test
    void unknownEncodingIsRejectedClearly() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"x-klingon\"?><rss version=\"2.0\"/>"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.parse(bytes))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("encoding");
    }

    @Test
    void hugeAndDeepFeedsAreRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[FeedParser.MAX_FEED_BYTES + 1]))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("exceeds the limit");
        String deep = "<rss><channel>" + "<x>".repeat(200) + "</x>".repeat(200) + "</channel></rss>";
        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("deeper");
    }

    @Test
    void notAFeedAndMalformedJsonAreClearErrors() {
        assertThatThrownBy(() -> parser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessage("Not a feed: root element <html>");
        assertThatThrownBy(() -> parser.parse("{\"items\": [".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith("Malformed JSON feed");
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(FeedFormatException.class);
    }

    @Test
    void datesInTheFormatsFeedsReallyUse() {
        assertThat(FeedParser.parseDate("Sat, 07 Sep 2002 09:42:31 GMT")).isEqualTo(Instant.parse("2002-09-07T09:42:31Z"));
        assertThat(FeedParser.parseDate("Wed, 02 Nov 2011 17:25:27 +0000")).isEqualTo(Instant.parse("2011-11-02T17:25:27Z"));
        assertThat(FeedParser.parseDate("Mon, 1 Feb 2016 17:22:00 EST")).isEqualTo(Instant.parse("2016-02-01T22:22:00Z"));
        assertThat(FeedParser.parseDate("Monday, 01 Feb 2016 17:22:00 +0100")).isEqualTo(Instant.parse("2016-02-01T16:22:00Z"));
        assertThat(FeedParser.parseDate("2016-02-01T17:54:50+01:00")).isEqualTo(Instant.parse("2016-02-01T16:54:50Z"));
        assertThat(FeedParser.parseDate("2016-02-01")).isEqualTo(Instant.parse("2016-02-01T00:00:00Z"));
        assertThat(FeedParser.parseDate("yesterday")).isNull();
    }
}
