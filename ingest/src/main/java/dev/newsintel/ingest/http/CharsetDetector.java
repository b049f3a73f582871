package dev.newsintel.ingest.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset of a fetched page the way browsers do: a byte order mark first, then the HTTP
 * {@code Content-Type} charset, then a {@code <meta charset>} / {@code <meta http-equiv>} or XML declaration in the
 * first bytes, and failing all that valid UTF-8, else windows-1252. Labels browsers treat as windows-1252
 * (ISO-8859-1, US-ASCII) are read as windows-1252, a superset that decodes the bytes servers really send.
 */
public final class CharsetDetector {
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']", Pattern.CASE_INSENSITIVE);

    /** A detected charset and where it was found ({@code bom}, {@code header}, {@code meta}, {@code xml}, {@code sniffed}). */
    public record Detected(Charset charset, String source) {
    }

    private CharsetDetector() {
    }

    public static Detected detect(byte[] body, String headerCharset) {
        Charset bom = bom(body);
        if (bom != null) {
            return new Detected(bom, "bom");
        }
        Charset header = lookup(headerCharset);
        if (header != null) {
            return new Detected(header, "header");
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            Charset declared = lookup(xml.group(1));
            if (declared != null) {
                return new Detected(declared, "xml");
            }
        }
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Charset declared = lookup(meta.group(1));
            if (declared != null) {
                // A page cannot really be UTF-16 if its meta tag was readable as ASCII (HTML spec, "prescan").
                return new Detected(declared.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : declared, "meta");
            }
        }
        return new Detected(isValidUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"), "sniffed");
    }

    /** The charset of a label, or null when it is missing or unknown to this JVM. */
    public static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("iso8859-1") || l.equals("us-ascii")
                || l.equals("ascii") || l.equals("iso_8859-1")) {
            return Charset.forName("windows-1252");
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The charset a byte order mark announces, or null. */
    public static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** True when the bytes decode as UTF-8 without a single malformed sequence. */
    public static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
