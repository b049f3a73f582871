package dev.newsintel.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UrlAndCharsetTest {
    @Test
    void canonicalUrlsDropTrackingAndNoise() {
        assertThat(UrlCanonicalizer.canonicalize("HTTPS://News.Example.COM:443/a/b?utm_source=rss&id=7&fbclid=x#top"))
                .isEqualTo("https://news.example.com/a/b?id=7");
        assertThat(UrlCanonicalizer.canonicalize("http://example.com")).isEqualTo("http://example.com/");
        assertThat(UrlCanonicalizer.canonicalize("http://example.com:8080/x?b=2&a=1"))
                .isEqualTo("http://example.com:8080/x?b=2&a=1");
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("ftp://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("/relative"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void charsetFromHeaderBomMetaOrSniffing() {
        byte[] latin = "<html><head><meta charset=\"iso-8859-1\"></head><body>caf\u00e9</body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CharsetDetector.detect(latin, null))
                .isEqualTo(new CharsetDetector.Detected(Charset.forName("windows-1252"), "meta"));
        assertThat(CharsetDetector.detect(latin, "utf-8").source()).isEqualTo("header");

        byte[] httpEquiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(CharsetDetector.detect(httpEquiv, null).charset()).isEqualTo(Charset.forName("Shift_JIS"));

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(CharsetDetector.detect(bom, "iso-8859-1").source()).isEqualTo("bom");

        byte[] undeclaredUtf8 = "<p>na\u00efve</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(undeclaredUtf8, null).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] undeclaredLatin = "<p>na\u00efve</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CharsetDetector.detect(undeclaredLatin, null).charset().name()).isEqualTo("windows-1252");

        byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss/>".getBytes(StandardCharsets.US_ASCII);
        assertThat(CharsetDetector.detect(xml, "bogus-charset").charset()).isEqualTo(Charset.forName("ISO-8859-15"));
    }
}
