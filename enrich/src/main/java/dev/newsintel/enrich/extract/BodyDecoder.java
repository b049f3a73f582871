package dev.newsintel.enrich.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of a document into text, choosing the charset from the evidence rather than trusting any single
 * declaration: a byte-order mark wins; bytes that are valid UTF-8 and use multi-byte sequences are UTF-8 whatever
 * the page claims (the common "windows-1252 declared, UTF-8 served" mistake); bytes that are not valid UTF-8 are
 * read with the declared single-byte charset, or windows-1252 when the declaration says UTF-8 or nothing.
 *
 * <p>The body is first cut to {@link ExtractionLimits#maxInputBytes()}, so decoding is bounded; a gzip-compressed
 * body is inflated (bounded the same way); a body that is mostly control bytes is refused as binary.
 */
public final class BodyDecoder {
    /** A text decoded from a body, with the charset used and whether the body was cut. */
    public record Decoded(String text, Charset charset, boolean truncated) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]{2,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([a-zA-Z0-9_.:-]{2,40})[\"']", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;

    private BodyDecoder() {
    }

    /**
     * @param declared the charset declared by the transport (HTTP header), or null
     * @throws ExtractionException when the body is empty or binary
     */
    public static Decoded decode(byte[] body, String declared, ExtractionLimits limits) {
        if (body == null || body.length == 0) {
            throw new ExtractionException("Document body is empty");
        }
        boolean truncated = false;
        if (isGzip(body)) {
            Inflated inflated = gunzip(body, limits.maxInputBytes());
            body = inflated.bytes;
            truncated = inflated.truncated;
        }
        if (body.length > limits.maxInputBytes()) {
            body = Arrays.copyOf(body, limits.maxInputBytes());
            truncated = true;
        }
        Charset bom = bomCharset(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(stripNul(new String(body, skip, body.length - skip, bom)), bom, truncated);
        }
        Charset declaredCharset = charset(declared);
        if (declaredCharset == null) {
            declaredCharset = sniffDeclaration(body);
        }
        if (declaredCharset != null && !asciiCompatible(declaredCharset)) {
            // UTF-16 without a byte-order mark: the zero bytes are the encoding, not binary content.
            return new Decoded(stripNul(lenient(body, declaredCharset)), declaredCharset, truncated);
        }
        requireText(body);
        String strict = strictUtf8(body);
        if (strict != null && (declaredCharset == null || strict.length() < body.length
                || declaredCharset == StandardCharsets.UTF_8 || declaredCharset == StandardCharsets.US_ASCII)) {
            // Valid UTF-8 (the common case) is decoded once; ASCII-only bytes read alike in any declared charset.
            return new Decoded(stripNul(strict), StandardCharsets.UTF_8, truncated);
        }
        Charset charset = choose(body, declaredCharset);
        // new String replaces malformed input like a REPLACE decoder, on the JDK's fast paths.
        return new Decoded(stripNul(new String(body, charset)), charset, truncated);
    }

    /** The body as UTF-8 when it is well-formed UTF-8 throughout, else null. */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Valid multi-byte UTF-8 is never an accident, so it wins over any declaration; a few stray bytes in otherwise
     * good UTF-8 (a pasted quote) are replaced rather than turning every other character into mojibake.
     */
    static Charset choose(byte[] body, Charset declared) {
        Utf8Stats utf8 = utf8Stats(body);
        boolean declaredUtf8 = declared == null || declared == StandardCharsets.UTF_8
                || declared == StandardCharsets.US_ASCII;
        if (utf8.invalid == 0 || utf8.multiByte >= 4 * utf8.invalid) {
            return utf8.multiByte == 0 && !declaredUtf8 ? declared : StandardCharsets.UTF_8;
        }
        return declaredUtf8 ? WINDOWS_1252 : declared;
    }

    private static boolean asciiCompatible(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !(name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.contains("EBCDIC")
                || name.startsWith("IBM0") || name.startsWith("X-IBM") || name.equals("IBM037"));
    }

    private record Utf8Stats(int multiByte, int invalid) {
    }

    /** Counts well-formed multi-byte sequences and malformed bytes; an incomplete sequence at the end is neither. */
    private static Utf8Stats utf8Stats(byte[] b) {
        int multi = 0;
        int invalid = 0;
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                invalid++;
                i++;
                continue;
            }
            if (i + need > n - 1) {
                break; // cut in the middle of the last character
            }
            int cp = c & (0x3F >> need);
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                multi++;
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return new Utf8Stats(multi, invalid);
    }

    private static void requireText(byte[] body) {
        int n = Math.min(body.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        if (control * 10 > n) {
            throw new ExtractionException("Document body looks binary (" + (control * 100 / n)
                    + "% control bytes in the first " + n + " bytes)");
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset a page declares in its first bytes ({@code <meta charset>}, http-equiv, XML declaration). */
    static Charset sniffDeclaration(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            Charset cs = charset(xml.group(1));
            if (cs != null) {
                return cs;
            }
        }
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Charset cs = charset(meta.group(1));
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    /** A charset by name, tolerant of the usual aliases and of nonsense (null). */
    public static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().replaceAll("^[\"']|[\"';]+$", "").toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            return null;
        }
        // Browsers read these labels as windows-1252 (WHATWG Encoding); so do we.
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("latin-1") || n.equals("us-ascii")
                || n.equals("ascii") || n.equals("iso8859-1") || n.equals("cp1252")) {
            return n.contains("ascii") ? StandardCharsets.US_ASCII : WINDOWS_1252;
        }
        if (n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String stripNul(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    private record Inflated(byte[] bytes, boolean truncated) {
    }

    private static Inflated gunzip(byte[] body, int max) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] bytes = in.readNBytes(max);
            boolean more = in.read() >= 0;
            return new Inflated(bytes, more);
        } catch (IOException e) {
            throw new ExtractionException("Document body is gzip data that cannot be inflated: " + e.getMessage(), e);
        }
    }

    /** Decodes with replacement characters for errors, never failing: for text already known to be text. */
    static String lenient(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
