package dev.newsintel.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Feeds generated in every format the parser reads (RSS 2.0, RSS 1.0, Atom, JSON Feed), then damaged the ways real
 * and hostile feeds are: cut short, invalid UTF-8 spliced in, a DOCTYPE with an entity bomb or an external entity
 * (XXE) put in front, a wrong or unknown declared encoding, deep nesting, a huge attribute, garbage. A well-formed
 * feed is read item for item; anything else gives a {@link Feed} within the limits or a clear
 * {@link FeedFormatException}, never another exception, never a local file's content, never a hang.
 */
class HostileFeedProperties {
    private static final Duration PER_FEED = Duration.ofSeconds(10);
    private final FeedParser parser = new FeedParser();

    /** What the generator wrote: the bytes and the item titles a correct parser reads back. */
    record Written(byte[] bytes, List<String> titles, String format) {
    }

    @Property(tries = 200)
    void wellFormedFeedsAreReadItemForItem(@ForAll("feeds") Written feed) throws Exception {
        Feed parsed = Assertions.assertTimeoutPreemptively(PER_FEED, () -> parser.parse(feed.bytes()));
        assertThat(parsed.items()).extracting(FeedItem::title).containsExactlyElementsOf(feed.titles());
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void damagedFeedsGiveAFeedWithinTheLimitsOrAClearError(@ForAll("feeds") Written feed,
                                                           @ForAll("damage") Damage damage) {
        byte[] bytes = damage.apply(feed.bytes());
        Object outcome = Assertions.assertTimeoutPreemptively(PER_FEED, () -> {
            try {
                return parser.parse(bytes);
            } catch (FeedFormatException e) {
                return e;
            }
        });
        if (outcome instanceof FeedFormatException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("root:x:0:0");
            return;
        }
        Feed parsed = (Feed) outcome;
        assertThat(parsed.items().size()).isLessThanOrEqualTo(FeedParser.MAX_ITEMS);
        for (FeedItem item : parsed.items()) {
            for (String text : new String[] {item.title(), item.content(), item.link(), item.author()}) {
                if (text != null) {
                    assertThat(text).doesNotContain("root:x:0:0");
                    assertThat(text.length()).isLessThanOrEqualTo(bytes.length);
                }
            }
        }
    }

    @Property(tries = 300)
    void anyDateTextGivesAnInstantOrNothing(@ForAll("dates") String text) {
        FeedParser.parseDate(text); // no exception: null when it is not a date
    }

    // ----- generators

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("Sat, 07 Sep 2002 09:42:31 GMT", "Feb 30 2016", "2016-13-45T99:99:99Z",
                        "Mon, 1 Feb 99999 17:22:00 EST", "+999999999-12-31T23:59:59Z", "9".repeat(200), "T", "-"));
    }

    @Provide
    Arbitrary<Written> feeds() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(' ', '.', ',').ofMinLength(1).ofMaxLength(80)
                        .filter(s -> !s.isBlank()).map(String::strip),
                Arbitraries.of("Caf\u00e9 cr\u00e8me", "Nvidia will invest $26 billion", "\u65e5\u672c\u8a9e",
                        "emoji \ud83d\ude80 launch", "A & B <c>"));
        Arbitrary<List<String>> titles = text.list().ofMaxSize(25);
        return Combinators.combine(titles, Arbitraries.of("rss2", "rss1", "atom", "json"))
                .as(HostileFeedProperties::write);
    }

    static Written write(List<String> titles, String format) {
        StringBuilder s = new StringBuilder();
        switch (format) {
            case "rss2" -> {
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title>");
                for (int i = 0; i < titles.size(); i++) {
                    s.append("<item><title>").append(xml(titles.get(i))).append("</title><link>https://wire.example/")
                            .append(i).append("</link><description>").append(xml(titles.get(i)))
                            .append(" body</description><pubDate>Tue, 10 Mar 2026 09:30:00 GMT</pubDate></item>");
                }
                s.append("</channel></rss>");
            }
            case "rss1" -> {
                s.append("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\"><channel><title>Wire</title></channel>");
                for (int i = 0; i < titles.size(); i++) {
                    s.append("<item rdf:about=\"https://wire.example/").append(i).append("\"><title>")
                            .append(xml(titles.get(i))).append("</title><link>https://wire.example/").append(i)
                            .append("</link></item>");
                }
                s.append("</rdf:RDF>");
            }
            case "atom" -> {
                s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                        + "<title>Wire</title>");
                for (int i = 0; i < titles.size(); i++) {
                    s.append("<entry><id>urn:x:").append(i).append("</id><title>").append(xml(titles.get(i)))
                            .append("</title><link rel=\"alternate\" href=\"https://wire.example/").append(i)
                            .append("\"/><updated>2026-03-10T09:30:00Z</updated><content type=\"html\">")
                            .append(xml("<p>" + titles.get(i) + "</p>")).append("</content></entry>");
                }
                s.append("</feed>");
            }
            default -> {
                s.append("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Wire\", \"items\": [");
                for (int i = 0; i < titles.size(); i++) {
                    s.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"url\": ")
                            .append("\"https://wire.example/").append(i).append("\", \"title\": \"")
                            .append(json(titles.get(i))).append("\", \"content_text\": \"body\"}");
                }
                s.append("]}");
            }
        }
        return new Written(s.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(titles), format);
    }

    /** One way a feed is damaged, and where. */
    record Damage(int kind, int position) {
        byte[] apply(byte[] feed) {
            int at = feed.length == 0 ? 0 : position % feed.length;
            String prefix = switch (kind) {
                case 3 -> billionLaughs();
                case 4 -> "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
                case 5 -> "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"file:///etc/passwd\">";
                case 6 -> "<?xml version=\"1.0\" encoding=\"x-klingon\"?>";
                case 7 -> "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";
                default -> null;
            };
            if (prefix != null) {
                String body = new String(feed, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
                // the entity referenced inside the feed, where a title would be
                body = body.replaceFirst("<title>", "<title>" + (kind == 3 ? "&lol9;" : kind == 4 ? "&x;" : ""));
                return (prefix + body).getBytes(StandardCharsets.UTF_8);
            }
            return switch (kind) {
                case 0 -> java.util.Arrays.copyOf(feed, at);
                case 1 -> splice(feed, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0,
                        (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                case 2 -> splice(feed, at, ("<x>".repeat(500) + "</x>".repeat(500)).getBytes(StandardCharsets.UTF_8));
                case 8 -> splice(feed, at, ("<a href=\"" + "h".repeat(3_000_000) + "\"/>")
                        .getBytes(StandardCharsets.UTF_8));
                case 9 -> splice(feed, at, "&undefined;&#0;&#xFFFFFFFF;]]><![CDATA[".getBytes(StandardCharsets.UTF_8));
                case 10 -> splice(feed, at, "{\"items\": [[[[[[[[[[".repeat(200).getBytes(StandardCharsets.UTF_8));
                default -> feed;
            };
        }

        private static String billionLaughs() {
            StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol").append(i).append(" \"")
                        .append(("&lol" + (i == 1 ? "" : Integer.toString(i - 1)) + ";").repeat(10)).append("\">");
            }
            return dtd.append("]>").toString();
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.integers().greaterOrEqual(0))
                .as(Damage::new);
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(String s) {
        List<String> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(cp == '"' || cp == '\\' ? "\\" + (char) cp : new String(Character.toChars(cp))));
        return String.join("", out);
    }
}
