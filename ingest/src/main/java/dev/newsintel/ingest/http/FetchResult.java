package dev.newsintel.ingest.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response: 2xx with its body, or 304 Not Modified without one.
 *
 * @param uri            the URL the body came from, after redirects
 * @param body           the decompressed body, at most the request's {@code maxBytes}
 * @param truncated      the body was longer than {@code maxBytes} and was cut
 * @param originalLength the full length when known (Content-Length, or what was read), never less than the body
 * @param contentType    the media type without parameters, lower case, null when not sent
 * @param charset        the charset parameter of Content-Type, null when not sent
 */
public record FetchResult(URI requested, URI uri, int status, Map<String, List<String>> headers, byte[] body,
                          boolean truncated, long originalLength, String contentType, String charset, String etag,
                          String lastModified, Instant fetchedAt) {

    public boolean notModified() {
        return status == 304;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
