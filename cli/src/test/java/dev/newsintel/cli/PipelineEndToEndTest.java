package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Json;

/** Replays a folder through real Kafka and Elasticsearch and finds the documents through the API. */
@WithStack
class PipelineEndToEndTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void replayedDocumentsBecomeSearchable(TestStack stack, @TempDir Path tmp) throws Exception {
        String marker = stack.unique("zebrafinch");
        int documents = ReplayFixtures.write(tmp.resolve("replay"), marker);

        try (Pipeline pipeline = Pipeline.start(settings(stack, tmp))) {
            assertThat(pipeline.replay(tmp.resolve("replay"))).isEqualTo(documents);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(search(pipeline, marker).path("total").asInt()).isEqualTo(documents));

            JsonNode nvidia = search(pipeline, marker + " nemotron");
            assertThat(nvidia.path("total").asInt()).isEqualTo(1);
            JsonNode hit = nvidia.path("hits").path(0);
            assertThat(hit.path("title").asText()).isEqualTo("Nvidia commits $26 billion to open-weight AI models");
            assertThat(hit.path("kind").asText()).isEqualTo("NEWS");
            assertThat(hit.path("highlights").toString()).contains("<em>");

            // Feed items keep their link and publication date; .gz files are read transparently.
            JsonNode helio = search(pipeline, marker + " helio").path("hits").path(0);
            assertThat(helio.path("url").asText()).isEqualTo("https://techwire.example/" + marker + "/helio-series-b");
            assertThat(helio.path("publishedAt").asText()).isEqualTo("2026-03-10T09:30:00Z");
            assertThat(search(pipeline, marker + " acme").path("total").asInt()).isEqualTo(1);

            HttpResponse<String> health = get(pipeline, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode components = Json.MAPPER.readTree(health.body()).path("components");
            assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("elasticsearch").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("enrich").path("state").asText()).isEqualTo("RUNNING");
        }
    }

    @Test
    void restartingAndReplayingAgainDoesNotDuplicate(TestStack stack, @TempDir Path tmp) throws Exception {
        String marker = stack.unique("quokka");
        int documents = ReplayFixtures.write(tmp.resolve("replay"), marker);

        try (Pipeline pipeline = Pipeline.start(settings(stack, tmp))) {
            pipeline.replay(tmp.resolve("replay"));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(search(pipeline, marker).path("total").asInt()).isEqualTo(documents));
        }

        try (Pipeline restarted = Pipeline.start(settings(stack, tmp))) {
            long indexedBefore = restarted.indexer().indexed();
            assertThat(restarted.replay(tmp.resolve("replay"))).isEqualTo(documents);
            // The second pass really went through the pipeline again...
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(restarted.indexer().indexed() - indexedBefore).isGreaterThanOrEqualTo(documents));
            // ...and overwrote the same documents instead of adding new ones.
            assertThat(search(restarted, marker).path("total").asInt()).isEqualTo(documents);
        }
    }

    private static Pipeline.Settings settings(TestStack stack, Path tmp) {
        return new Pipeline.Settings(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), "127.0.0.1", 0,
                tmp.resolve("streams"), Clock.systemUTC());
    }

    private JsonNode search(Pipeline pipeline, String q) throws Exception {
        HttpResponse<String> response = get(pipeline, "/api/search?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> get(Pipeline pipeline, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
