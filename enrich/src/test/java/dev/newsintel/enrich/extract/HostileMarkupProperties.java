package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.RawDocument;

/**
 * Generated hostile markup through the whole extraction: malformed and unbalanced tags, huge attributes, deep
 * nesting, entity definitions (billion laughs) and external entities, scripts and comments in odd places, inline
 * XBRL with absurd scales, invalid UTF-8 and wrong declared charsets, cut at random points. Each document gets an
 * {@link Extraction} within the limits, or a clear {@link ExtractionException}; nothing else, never a hang.
 */
class HostileMarkupProperties {
    private static final Duration PER_DOCUMENT = Duration.ofSeconds(10);
    private final DocumentExtractor extractor = new DocumentExtractor();

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void newsPagesGiveABoundedExtractionOrAClearError(@ForAll("pages") byte[] page, @ForAll("charsets") String charset) {
        checkBounded(Fixtures.raw(DocumentKind.NEWS, "text/html", page, charset));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void filingsGiveABoundedExtractionOrAClearError(@ForAll("filings") byte[] filing) {
        RawDocument raw = Fixtures.raw(DocumentKind.FILING, "text/html", filing, null);
        Extraction e = checkBounded(raw);
        if (e != null && e.filing() != null) {
            assertThat(e.filing().facts().size()).isLessThanOrEqualTo(filing.length);
            e.filing().sections().forEach(s -> {
                assertThat(s.start()).isBetween(0, e.text().length());
                assertThat(s.end()).isBetween(s.start(), e.text().length());
            });
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void plainTextGivesABoundedExtractionOrAClearError(@ForAll("texts") byte[] text, @ForAll("charsets") String charset) {
        checkBounded(Fixtures.raw(DocumentKind.NEWS, "text/plain", text, charset));
    }

    /** The extraction, or null after a clear error; fails on anything else. Same input, same output. */
    private Extraction checkBounded(RawDocument raw) {
        Extraction first;
        try {
            first = Assertions.assertTimeoutPreemptively(PER_DOCUMENT, () -> extractor.extract(raw));
        } catch (ExtractionException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
        assertThat(first.text().length()).isLessThanOrEqualTo(ExtractionLimits.DEFAULT.maxTextChars());
        assertThat(first.text()).doesNotContain("root:x:0:0").doesNotContain("lolololololololololololol".repeat(40));
        if (first.title() != null) {
            assertThat(first.title().length()).isLessThanOrEqualTo(raw.body().length);
        }
        Extraction again = extractor.extract(raw);
        assertThat(again.text()).isEqualTo(first.text());
        return first;
    }

    // ----- generators

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("utf-8", "windows-1252", "iso-8859-1", "utf-16", "shift_jis", "x-no-such-charset",
                "", "utf-8; bogus=1").injectNull(0.4);
    }

    @Provide
    Arbitrary<byte[]> pages() {
        return corrupted(fragments().list().ofMinSize(1).ofMaxSize(60)
                .map(parts -> "<html><head><title>T</title></head><body>" + String.join("", parts)));
    }

    @Provide
    Arbitrary<byte[]> filings() {
        Arbitrary<String> fact = Combinators.combine(
                Arbitraries.of("us-gaap:Revenues", "dei:EntityCentralIndexKey", "x:y", "", "a:" + "b".repeat(500)),
                Arbitraries.of("6", "-6", "999999999", "-2147483648", "x", "", "1e9"),
                Arbitraries.of("INF", "2", "-6", "NaN", ""),
                Arbitraries.of("130,497", "1e400", "-0", "12.5.6", "", "9".repeat(400), "ten"),
                Arbitraries.of("ixt:num-dot-decimal", "ixt:fixed-zero", "ixt:nonsense", ""))
                .as((name, scale, decimals, value, format) -> "<ix:nonFraction name=\"" + name + "\" scale=\"" + scale
                        + "\" decimals=\"" + decimals + "\" format=\"" + format + "\" unitRef=\"usd\">" + value
                        + "</ix:nonFraction>");
        Arbitrary<String> item = Arbitraries.of("1.01", "2.02", "5.02", "9.99", "", "Item", "1.01".repeat(50))
                .map(i -> "<p><b>Item " + i + ". Heading</b></p><p>On March 3 the Company entered into an agreement.</p>");
        Arbitrary<String> part = Arbitraries.oneOf(fact, item, fragments());
        return corrupted(part.list().ofMinSize(1).ofMaxSize(40).map(parts ->
                "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body><ix:header><ix:hidden>"
                        + "<ix:nonNumeric name=\"dei:DocumentType\">8-K</ix:nonNumeric></ix:hidden></ix:header>"
                        + "<div>FORM 8-K</div>" + String.join("", parts)));
    }

    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(50),
                Arbitraries.of("Nvidia will invest $26 billion.", "\r\n\r\n", "\u2028", "\ufeff", "\ud800", "\udfff",
                        "x".repeat(100_000), "-- \n", "SUBSCRIBE NOW", "<SEC-DOCUMENT>", "ACCESSION NUMBER: 1"));
        return corrupted(line.list().ofMaxSize(50).map(lines -> String.join("\n", lines)));
    }

    private Arbitrary<String> fragments() {
        Arbitrary<String> tag = Arbitraries.of("div", "p", "span", "article", "table", "tr", "td", "script", "style",
                "svg", "math", "template", "iframe", "noscript", "title", "h1", "a", "ix:nonFraction", "x:y", "");
        Arbitrary<String> attribute = Combinators.combine(
                Arbitraries.of("class", "id", "href", "style", "data-x", "content", "property", "on\u0000load", ""),
                Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.integers().between(1, 5).map(n -> "v".repeat(n * 200_000)),
                        Arbitraries.of("javascript:alert(1)", "\"><script>", "&#x0;", "&#99999999;")))
                .as((name, value) -> " " + name + "=\"" + value + "\"");
        Arbitrary<String> open = Combinators.combine(tag, attribute.list().ofMaxSize(4))
                .as((t, attrs) -> "<" + t + String.join("", attrs) + ">");
        Arbitrary<String> close = tag.map(t -> "</" + t + ">");
        Arbitrary<String> deep = Combinators.combine(tag, Arbitraries.integers().between(100, 5_000))
                .as((t, n) -> ("<" + t + ">").repeat(n) + "deep" + ("</" + t + ">").repeat(n / 2));
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("The council approved the budget on Monday after a long debate.",
                        "&amp;&lt;&bogus;&#x110000;&#0;&", "\ud83d", "\u202e\u0000"));
        Arbitrary<String> special = Arbitraries.of(
                "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><p>&lol3;</p>",
                "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><p>&xxe;</p>",
                "<?xml version=\"1.0\" encoding=\"ebcdic-bogus\"?>", "<![CDATA[ <p>not markup</p> ]]>",
                "<!-- unterminated comment", "<script>document.write('<p>')</script>", "</body></html><html><body>",
                "<meta charset=\"utf-16\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=bogus\">",
                "<base href=\"javascript:x\">", "<table>".repeat(2_000), "<p>".repeat(20_000));
        return Arbitraries.frequencyOf(
                io(6, open), io(4, close), io(8, text), io(2, deep), io(2, special));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> io(int weight,
                                                                                       Arbitrary<String> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    /** The document's bytes: as UTF-8, or cut at a random point, or with invalid UTF-8 sequences spliced in. */
    private static Arbitrary<byte[]> corrupted(Arbitrary<String> documents) {
        return Combinators.combine(documents, Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as((doc, mode, position) -> {
                    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
                    int at = bytes.length == 0 ? 0 : position % bytes.length;
                    return switch (mode) {
                        case 1 -> java.util.Arrays.copyOf(bytes, at);
                        case 2 -> splice(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0,
                                (byte) 0x80, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
                        case 3 -> splice(bytes, at, new byte[] {0, 0, (byte) 0xFF, (byte) 0xFE, 0, 0});
                        default -> bytes;
                    };
                });
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }
}
