package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BodyDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String CAFE = "Caf\u00e9 owners say \u201cprices\u201d rose 5\u20ac \u2014 na\u00efve estimate";

    @Test
    void emptyBodyIsAClearError() {
        assertThatThrownBy(() -> BodyDecoder.decode(new byte[0], null, ExtractionLimits.DEFAULT))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("empty");
    }

    @Test
    void binaryGarbageIsAClearError() {
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> BodyDecoder.decode(garbage, null, ExtractionLimits.DEFAULT))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("binary");
    }

    @Test
    void windows1252BytesDeclaredAsUtf8AreReadAsWindows1252() {
        byte[] body = ("<html><head><meta charset=\"utf-8\"></head><body><p>" + CAFE + "</p></body></html>")
                .getBytes(CP1252);
        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "utf-8", ExtractionLimits.DEFAULT);
        assertThat(decoded.text()).contains(CAFE);
        assertThat(decoded.charset()).isEqualTo(CP1252);
    }

    @Test
    void utf8BytesDeclaredAsWindows1252AreReadAsUtf8() {
        byte[] body = ("<html><head><meta charset=\"windows-1252\"></head><body><p>" + CAFE + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, "ISO-8859-1", ExtractionLimits.DEFAULT);
        assertThat(decoded.text()).contains(CAFE);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void missingTransportCharsetUsesTheMetaTag() {
        String koi8 = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f";
        byte[] body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
                + "</head><body><p>" + koi8 + "</p></body></html>").getBytes(Charset.forName("KOI8-R"));
        assertThat(BodyDecoder.decode(body, null, ExtractionLimits.DEFAULT).text()).contains(koi8);
    }

    @Test
    void byteOrderMarkWinsAndUtf16WithoutMarkIsNotBinary() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(BodyDecoder.decode(bom, "windows-1252", ExtractionLimits.DEFAULT).text()).isEqualTo("hi");
        byte[] utf16 = "plain words".getBytes(StandardCharsets.UTF_16LE);
        assertThat(BodyDecoder.decode(utf16, "UTF-16LE", ExtractionLimits.DEFAULT).text()).isEqualTo("plain words");
    }

    @Test
    void aFewStrayBytesInUtf8DoNotTurnTheRestIntoMojibake() {
        String text = "\u201cQuoted\u201d text, caf\u00e9, na\u00efve, \u00fcber, \u00e0 la carte. ";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.repeat(10).getBytes(StandardCharsets.UTF_8));
        out.write(0x92); // one windows-1252 apostrophe pasted in
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        BodyDecoder.Decoded decoded = BodyDecoder.decode(out.toByteArray(), null, ExtractionLimits.DEFAULT);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains("\u201cQuoted\u201d text, caf\u00e9");
    }

    @Test
    void gzipBodiesAreInflatedAndOversizedBodiesCut() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("<p>compressed page</p>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(BodyDecoder.decode(gz.toByteArray(), null, ExtractionLimits.DEFAULT).text())
                .isEqualTo("<p>compressed page</p>");

        ExtractionLimits small = new ExtractionLimits(4096, 64, 4096);
        BodyDecoder.Decoded cut = BodyDecoder.decode("x".repeat(10_000).getBytes(StandardCharsets.UTF_8), null, small);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.text()).hasSize(4096);
    }
}
