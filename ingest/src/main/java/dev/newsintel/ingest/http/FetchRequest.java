package dev.newsintel.ingest.http;

import java.net.URI;
import java.util.Objects;

/**
 * One GET.
 *
 * @param etag         sent as {@code If-None-Match} (conditional GET), may be null
 * @param lastModified sent as {@code If-Modified-Since}, may be null
 * @param accept       the {@code Accept} header, may be null
 * @param maxBytes     how much of the (decompressed) body to keep; the rest is not read and the result is flagged
 *                     truncated
 * @param maxAttempts  1 for no retry
 */
public record FetchRequest(URI uri, String etag, String lastModified, String accept, int maxBytes, int maxAttempts) {
    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Only http and https URLs can be fetched: " + uri);
        }
        if (maxBytes < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxBytes and maxAttempts must be positive");
        }
    }

    public static FetchRequest get(URI uri, int maxBytes) {
        return new FetchRequest(uri, null, null, null, maxBytes, 3);
    }

    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(uri, etag, lastModified, accept, maxBytes, maxAttempts);
    }

    public FetchRequest accepting(String accept) {
        return new FetchRequest(uri, etag, lastModified, accept, maxBytes, maxAttempts);
    }

    public FetchRequest attempts(int attempts) {
        return new FetchRequest(uri, etag, lastModified, accept, maxBytes, attempts);
    }
}
