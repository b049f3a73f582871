package dev.newsintel.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.ingest.IngestMetrics;

/**
 * GETs with everything a polite crawler does: a User-Agent, gzip, conditional GET, redirects followed by hand (each
 * hop through the {@link RequestGate}, at most {@value #MAX_REDIRECTS}), retries of 429/5xx/time-outs after the
 * {@link Backoff} delay or the server's {@code Retry-After}, and bodies read only up to a bound (a gzip bomb or an
 * endless response stops there).
 *
 * <p>Thread-safe; one instance per kind of host (EDGAR, the news web) so each has its own gate and User-Agent.
 */
public final class HttpFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    public static final int MAX_REDIRECTS = 5;
    /** A server's Retry-After longer than this is not waited for in the request: the item is tried on a later pass. */
    private static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String userAgent;
    private final RequestGate gate;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final Duration timeout;

    public HttpFetcher(HttpClient client, String userAgent, RequestGate gate, Backoff backoff, Sleeper sleeper,
                       Clock clock, IngestMetrics metrics, Duration timeout) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("A User-Agent is required");
        }
        this.client = client;
        this.userAgent = userAgent;
        this.gate = gate;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** An HTTP/1.1 client that does not follow redirects itself (this class does, through the gate). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Fetches a URL.
     *
     * @return a 2xx or 304 result
     * @throws FetchException   with the URL and status for anything else, after the retries
     * @throws ThrottledException when the gate holds the host paused
     */
    public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return fetchFollowingRedirects(request);
            } catch (RetryableStatus e) {
                if (attempt >= request.maxAttempts()) {
                    throw new FetchException(e.uri.toString(), e.status, "HTTP " + e.status + " after " + attempt
                            + (attempt == 1 ? " attempt" : " attempts"), true, null);
                }
                Duration wait = e.retryAfter != null ? e.retryAfter : backoff.delay(attempt);
                if (wait.compareTo(MAX_INLINE_WAIT) > 0 && e.status == 429) {
                    throw new ThrottledException(e.uri.toString(), clock.instant().plus(wait), "HTTP 429");
                }
                if (wait.compareTo(MAX_INLINE_WAIT) > 0) {
                    throw new FetchException(e.uri.toString(), e.status, "HTTP " + e.status + ", asked to retry in "
                            + wait.toSeconds() + " s", true, null);
                }
                LOG.debug("HTTP {} from {}; retry {} in {}", e.status, e.uri, attempt, wait);
                sleeper.sleep(wait);
            } catch (IOException e) {
                metrics.httpResponse(request.uri(), "io_error");
                if (attempt >= request.maxAttempts()) {
                    throw new FetchException(request.uri().toString(), 0, describe(e), true, e);
                }
                sleeper.sleep(backoff.delay(attempt));
            }
        }
    }

    private FetchResult fetchFollowingRedirects(FetchRequest request)
            throws IOException, InterruptedException, FetchException, RetryableStatus {
        URI uri = request.uri();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            RequestGate.Permit permit = gate.acquire(uri);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                    .header("User-Agent", userAgent)
                    .header("Accept-Encoding", "gzip, deflate");
            if (request.accept() != null) {
                builder.header("Accept", request.accept());
            }
            // Validators belong to the URL they were given for: only the first hop carries them.
            if (hop == 0 && request.etag() != null) {
                builder.header("If-None-Match", request.etag());
            }
            if (hop == 0 && request.lastModified() != null) {
                builder.header("If-Modified-Since", request.lastModified());
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            } finally {
                permit.close(); // the headers are back: the request has reached the server
            }
            int status = response.statusCode();
            metrics.httpResponse(uri, Integer.toString(status));
            Duration retryAfter = retryAfter(response);
            gate.onResponse(uri, status, retryAfter);
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                discard(response);
                if (location == null) {
                    throw new FetchException(uri.toString(), status, "redirect without a Location header", false, null);
                }
                uri = resolve(uri, location);
                continue;
            }
            if (status == 304) {
                discard(response);
                return result(request, uri, response, new byte[0], false, 0);
            }
            if (status >= 200 && status < 300) {
                return readBody(request, uri, response);
            }
            String snippet = snippet(response);
            if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                throw new RetryableStatus(uri, status, retryAfter);
            }
            throw new FetchException(uri.toString(), status, "HTTP " + status + (snippet.isEmpty() ? "" : ": " + snippet),
                    status == 403 || status == 408, null);
        }
        throw new FetchException(request.uri().toString(), 0, "more than " + MAX_REDIRECTS + " redirects", false, null);
    }

    private FetchResult readBody(FetchRequest request, URI uri, HttpResponse<InputStream> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        try (InputStream raw = response.body();
             InputStream in = switch (encoding) {
                 case "gzip", "x-gzip" -> new GZIPInputStream(raw);
                 case "deflate" -> new InflaterInputStream(raw);
                 default -> raw;
             }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long room = request.maxBytes() - total;
                if (n > room) {
                    out.write(buffer, 0, (int) room);
                    long declared = encoding.isEmpty()
                            ? response.headers().firstValueAsLong("Content-Length").orElse(-1) : -1;
                    // Stop reading: closing the stream aborts the rest of the download.
                    return result(request, uri, response, out.toByteArray(), true,
                            Math.max(declared, total + n));
                }
                out.write(buffer, 0, n);
                total += n;
            }
            return result(request, uri, response, out.toByteArray(), false, total);
        }
    }

    private FetchResult result(FetchRequest request, URI uri, HttpResponse<?> response, byte[] body,
                               boolean truncated, long length) {
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String mediaType = null;
        String charset = null;
        if (contentType != null) {
            String[] parts = contentType.split(";");
            mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    charset = p.substring(8).trim().replace("\"", "").replace("'", "");
                }
            }
            if (mediaType.isEmpty()) {
                mediaType = null;
            }
        }
        Instant now = clock.instant();
        return new FetchResult(request.uri(), uri, response.statusCode(), headers, body, truncated,
                Math.max(length, body.length), mediaType, charset == null || charset.isEmpty() ? null : charset,
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), now);
    }

    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            URI target = base.resolve(location.trim().replace(" ", "%20"));
            if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
                throw new FetchException(base.toString(), 0, "redirect to a non-HTTP URL: " + location, false, null);
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw new FetchException(base.toString(), 0, "redirect to an invalid URL: " + location, false, e);
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException e) {
            // the connection is dropped; nothing to keep
        }
    }

    /** The first characters of an error body, for the log: EDGAR explains its 403s there. */
    private static String snippet(HttpResponse<InputStream> response) {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        try (InputStream raw = response.body();
             InputStream in = encoding.contains("gzip") ? new GZIPInputStream(raw) : raw) {
            String text = new String(in.readNBytes(2048), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                    .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** A status worth retrying; internal to the retry loop. */
    private static final class RetryableStatus extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient URI uri;
        private final int status;
        private final transient Duration retryAfter;

        RetryableStatus(URI uri, int status, Duration retryAfter) {
            super(null, null, false, false);
            this.uri = uri;
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }
}
