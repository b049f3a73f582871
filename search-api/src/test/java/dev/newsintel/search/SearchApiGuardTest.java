package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/** What the API refuses before any data is touched: no key configured, too many requests, a body too large. */
class SearchApiGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T00:00:00Z"));
    private SearchApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private int start(SearchApi.Options options) {
        // An Elasticsearch that is not there: requests that pass the guards get a 503.
        api = new SearchApi(Elasticsearch.connect("http://127.0.0.1:9"), Map.of(), null, null, options);
        return api.start("127.0.0.1", 0);
    }

    @Test
    void withoutAConfiguredKeySubscriptionChangesAreRefusedWithHowToConfigureOne() throws Exception {
        int port = start(SearchApi.Options.defaults());
        HttpResponse<String> response = send(port, "POST", "/api/subscriptions", "{\"name\": \"x\"}", "any-key-0123456789");
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error").asText()).contains("no API key is configured").contains("--api-key")
                .contains("NEWSINTEL_API_KEY");
        assertThat(send(port, "DELETE", "/api/subscriptions/x", null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void eachClientHasATokenBucket() throws Exception {
        int port = start(SearchApi.Options.defaults().withRateLimit(1, 2, clock));
        assertThat(send(port, "GET", "/api/stories", null, null).statusCode()).isEqualTo(503);
        assertThat(send(port, "GET", "/api/stories", null, null).statusCode()).isEqualTo(503);
        HttpResponse<String> limited = send(port, "GET", "/api/stories", null, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(Json.MAPPER.readTree(limited.body()).path("error").asText()).contains("Too many requests");
        // Health and metrics stay reachable for monitoring.
        assertThat(send(port, "GET", "/metrics", null, null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMillis(1000));
        assertThat(send(port, "GET", "/api/stories", null, null).statusCode()).isEqualTo(503);
        assertThat(send(port, "GET", "/api/stories", null, null).statusCode()).isEqualTo(429);
    }

    @Test
    void elasticsearchDownIsA503NotA500() throws Exception {
        int port = start(SearchApi.Options.defaults());
        HttpResponse<String> response = send(port, "GET", "/api/search?q=x", null, null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).contains("Elasticsearch");
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return Fixtures.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
