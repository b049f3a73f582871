package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Json;

/**
 * Hostile requests against the real API, Elasticsearch and Kafka: query-syntax and JSON injection, oversized
 * values, bodies and URLs, bad numbers and dates, repeated and unknown parameters, malformed and deeply nested
 * JSON bodies, odd paths. Every answer is a success with a bounded body or a clear client error (a 4xx whose JSON
 * says what is wrong); never a 500, never a hang.
 *
 * <p>Requests are generated with jqwik's arbitraries, sampled outside a property: the test needs the shared
 * stack, which the JUnit extension hands to JUnit tests only, so it is not a jqwik property (no shrinking). jqwik's
 * sampling does not promise the same values on every run even from a seeded source, so every assertion names the
 * request it sent, and the generators are weighted so that what the assertions need (valid and invalid requests)
 * turns up many times in any run.
 */
@WithStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {
    private static final String KEY = "hostile-test-key-0123456789";
    private static final long SEED = 20261123L;
    private static final Duration PER_REQUEST = Duration.ofSeconds(15);
    private static final int MAX_BODY = 2 << 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SearchServer server;
    private final Set<String> created = new TreeSet<>();

    @BeforeAll
    void start(TestStack stack) {
        var meters = ApiMetrics.newRegistry();
        server = SearchServer.start(new SearchServer.Settings(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(),
                "127.0.0.1", 0, Indexer.Options.defaults().withGroupId(stack.unique("hostile-indexer"))
                .withMeters(meters), SearchApi.Options.defaults().withMeters(meters).withApiKey(ApiKey.of(KEY))
                // the generator is one client sending hundreds of requests: not what the rate limit is about
                .withRateLimit(100_000, 100_000, Clock.systemUTC())), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        for (String id : created) {
            send("DELETE", "/api/subscriptions/" + id, null);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hostileQueryParametersGetResultsOrClearErrors() throws Exception {
        seedThisThread(SEED);
        Arbitrary<String> path = Arbitraries.of("/api/search", "/api/stories", "/api/alerts",
                "/api/companies/NVDA/announcements", "/api/subscriptions/x/alerts");
        // sorted: a Set.of iterates in an order that changes from run to run, and the seed must pick the same names
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(new TreeSet<>(
                        SearchApi.SEARCH_PARAMS))),
                Arbitraries.of("compnay", "q[]", "", "__proto__", "size ", "%00", "q\u0000"));
        Arbitrary<String> hostile = Combinators.combine(name, values()).as((n, v) -> enc(n) + "=" + enc(v));
        // Parameters every listed path accepts with these values, so that some requests are valid throughout.
        Arbitrary<String> valid = Arbitraries.of("size=5", "from=2026-03-11", "to=2026-03-12T00:00:00Z",
                "type=INVESTMENT");
        Arbitrary<String> parameter = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, hostile),
                net.jqwik.api.Tuple.of(1, valid));
        // Half the requests with one or two parameters, so that a few dozen are valid in any run (a CI run once drew
        // 300 requests with up to 25 hostile parameters each and not one valid); half with many.
        Arbitrary<String> query = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, parameter.list().ofMinSize(1).ofMaxSize(2)),
                net.jqwik.api.Tuple.of(1, parameter.list().ofMinSize(4).ofMaxSize(25)))
                .map(list -> String.join("&", list));
        java.util.SortedMap<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            String target = next(path) + "?" + next(query);
            statuses.merge(check("GET", target, null).statusCode(), 1, Integer::sum);
        }
        // Both ways out were taken: results for what is valid, a 400 for what is not.
        assertThat(statuses).as("requests by status").containsKeys(200, 400);
    }

    @Test
    void instantsBeyondTheYearsTheIndexHoldsAreRefusedClearly() throws Exception {
        for (String instant : List.of("-1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "0000-01-01")) {
            assertThat(check("GET", "/api/search?to=" + enc(instant), null).statusCode()).as(instant).isEqualTo(400);
            assertThat(check("GET", "/api/alerts?from=" + enc(instant), null).statusCode()).as(instant).isEqualTo(400);
        }
        assertThat(check("GET", "/api/search?to=" + enc("9999-12-31T23:59:59Z"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void hostileIdsInPathsGetResultsOrClearErrors() throws Exception {
        seedThisThread(SEED + 1);
        Arbitrary<String> route = Arbitraries.of("/api/documents/", "/api/announcements/", "/api/stories/",
                "/api/companies/", "/api/subscriptions/");
        Arbitrary<String> id = Arbitraries.oneOf(values(),
                Arbitraries.of("..", "../../etc/passwd", "%2e%2e%2f", "a/b/c", "0001045810-26-000012/d8k.htm",
                        "*", "_all", "_search", "newsintel-documents-v1"));
        for (int i = 0; i < 150; i++) {
            check("GET", next(route) + enc(next(id)).replace("%2F", "/"), null);
        }
    }

    @Test
    void hostileSubscriptionBodiesAreRefusedClearlyOrCreateAValidRule() throws Exception {
        seedThisThread(SEED + 2);
        Arbitrary<String> field = Arbitraries.of("id", "name", "companies", "types", "minAmountUsd", "minParameters",
                "openWeights", "terms", "unknown", "__proto__", "");
        Arbitrary<String> value = Arbitraries.oneOf(
                values().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of("1e999", "-1", "NaN", "null", "true", "[]", "{}", "[\"INVESTMENT\"]", "[\"BOGUS\"]",
                        "[" + "\"NVDA\",".repeat(5_000) + "\"AMD\"]", "99999999999999999999999999", "0.5", "\"\""));
        Arbitrary<String> object = Combinators.combine(field, value).as((f, v) -> "\"" + f + "\": " + v)
                .list().ofMaxSize(8).map(fields -> "{" + String.join(", ", fields) + "}");
        Arbitrary<String> body = Arbitraries.oneOf(object,
                Arbitraries.of("", "{", "[1,2", "{\"name\": \"x\"", "null", "42", "\"text\"", "{\"name\": \"x\"}}",
                        "[".repeat(100_000), "{\"a\":".repeat(50_000), "{\"name\": \"" + "n".repeat(70_000) + "\"}",
                        "\u0000\u0001", "{\"name\": \"deep\", \"terms\": [" + "[".repeat(3_000) + "]"));
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> response = check("POST", "/api/subscriptions", next(body));
            if (response.statusCode() == 201) {
                JsonNode rule = Json.MAPPER.readTree(response.body());
                created.add(rule.path("id").asText());
                assertThat(rule.path("name").asText()).isNotBlank();
            }
        }
    }

    @Test
    void oversizedRequestsAreRefusedWithAClearStatus() throws Exception {
        assertThat(check("GET", "/api/search?q=" + "a".repeat(200_000), null).statusCode()).isBetween(400, 431);
        assertThat(check("POST", "/api/subscriptions", "{\"name\": \"" + "n".repeat(200_000) + "\"}").statusCode())
                .isEqualTo(413);
        assertThat(check("GET", "/api/search?" + "company=a&".repeat(5_000), null).statusCode()).isBetween(400, 431);
    }

    // ----- checking one request

    /** Sends the request and checks the answer is bounded and, when an error, a clear client error. */
    private HttpResponse<String> check(String method, String target, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(method, target, body);
        String request = method + " " + abbreviate(target) + (body == null ? "" : " body " + abbreviate(body));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(request).isLessThan(PER_REQUEST);
        int status = response.statusCode();
        assertThat(status).as("%s -> %s", request, abbreviate(response.body())).isBetween(200, 499);
        assertThat(response.body().length()).as(request).isLessThan(MAX_BODY);
        boolean refusedByJetty = status == 414 || status == 431
                || status == 400 && response.body().startsWith("<h1>Bad Message 400</h1>");
        if (status >= 400 && !refusedByJetty) {
            // Jetty refuses a URI it cannot parse (an encoded NUL), too long, or with too large headers itself,
            // before any handler, with its own short page: a clear enough client error.
            JsonNode error;
            try {
                error = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError(request + " -> " + status + " without a JSON error: "
                        + abbreviate(response.body()), e);
            }
            assertThat(error.path("error").asText()).as(request).isNotBlank();
            assertThat(error.path("status").asInt()).as(request).isEqualTo(status);
        }
        return response;
    }

    private HttpResponse<String> send(String method, String target, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target))
                .timeout(PER_REQUEST).header("X-Api-Key", KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ----- generators

    /** Parameter values: query syntax and JSON injection, control characters, extremes of numbers and dates. */
    private static Arbitrary<String> values() {
        Arbitrary<String> injection = Arbitraries.of("\"", "(", ")", "*", "~", "\\", "/.*/", "a~99999", "NOT", "AND OR",
                "title:*", "_exists_:text", "{\"match_all\": {}}", "\"}}, \"query\": {\"match_all\": {}}, \"x\": {\"",
                "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "*".repeat(1000), "(".repeat(500),
                "\"".repeat(999), "a* b* c* d* e* f* g* h*", "|".repeat(300), "+-+-+-");
        Arbitrary<String> number = Arbitraries.of("0", "-1", "1e400", "-1e400", "NaN", "Infinity", "0x10", "1,000",
                "9223372036854775808", "99999999999999999999999999999", "1e-400", "", " ", "1.5", "101", "100");
        Arbitrary<String> date = Arbitraries.of("2026-13-45", "2026-02-30", "9999-12-31T23:59:59Z",
                "-1000000000-01-01T00:00:00Z", "+1000000000-01-01", "yesterday", "2026-03-11T25:61:00Z",
                "2026-03-11", "1970-01-01T00:00:00Z");
        Arbitrary<String> enumLike = Arbitraries.of("relevance", "newest", "oldest", "RANDOM", "INVESTMENT",
                "investment", "NEWS", "FILING", "true", "false", "yes", "day", "month", "century");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1)
                .ofMaxLength(5);
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0080', '\uffff').ofMaxLength(30);
        Arbitrary<String> big = Arbitraries.integers().between(990, 1_100).map("x"::repeat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, injection), net.jqwik.api.Tuple.of(4, number),
                net.jqwik.api.Tuple.of(3, date), net.jqwik.api.Tuple.of(3, enumLike), net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(1, controls), net.jqwik.api.Tuple.of(2, unicode),
                net.jqwik.api.Tuple.of(1, big));
    }

    /**
     * A value of the arbitrary, from this thread's jqwik source of randomness (seeded by {@link #seedThisThread}).
     * Sampling needs jqwik's own context, which {@code sample()} sets up: a generator called directly with a
     * {@code Random} of the test's fails outside a jqwik property.
     */
    private static <T> T next(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    /**
     * Seeds the jqwik randomness of this thread ({@code SourceOfRandomness.create(seed)} only returns a new
     * generator and leaves the thread's as it was).
     */
    private static void seedThisThread(long seed) {
        net.jqwik.engine.SourceOfRandomness.newRandom(seed);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }
}
