package dev.newsintel.search;

import static dev.newsintel.search.Fixtures.get;
import static dev.newsintel.search.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Alert;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.Json;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;
import dev.newsintel.events.Topics;

/**
 * The REST API against real Kafka and Elasticsearch: events the test publishes go through the real indexer, and
 * every endpoint, filter, facet, page and error is checked on them.
 */
@WithStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {
    private static final String KEY = "test-api-key-0123456789";

    private TestStack stack;
    private Fixtures fixtures;
    private Fixtures.Corpus corpus;
    private SearchServer server;
    private Story story;
    private String m;

    @BeforeAll
    void start(TestStack stack) {
        this.stack = stack;
        this.m = stack.unique("heronbill");
        this.fixtures = new Fixtures(stack.kafkaBootstrapServers(), m);
        this.corpus = fixtures.corpus();
        var meters = ApiMetrics.newRegistry();
        server = SearchServer.start(new SearchServer.Settings(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(),
                "127.0.0.1", 0, Indexer.Options.defaults().withGroupId(stack.unique("api-indexer")).withMeters(meters),
                SearchApi.Options.defaults().withMeters(meters).withApiKey(ApiKey.of(KEY))
                        .withHeartbeat(Duration.ofSeconds(1))), Map.of());
        corpus.all().forEach(fixtures::publish);
        corpus.all().forEach(d -> d.announcements().forEach(fixtures::publish));
        story = fixtures.story("story-" + m, "Orbital invests in open models " + m,
                List.of(corpus.investment(), corpus.model()), List.of(fixtures.orbital),
                List.of(AnnouncementType.INVESTMENT, AnnouncementType.MODEL_RELEASE),
                List.of(corpus.investment().announcements().get(0).amount()));
        fixtures.publish(story);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(search("q=" + m).path("total").asInt()).isEqualTo(4);
            assertThat(json(get("/api/companies/" + fixtures.orbital.ticker() + "/announcements"))
                    .path("total").asInt()).isEqualTo(4);
            assertThat(json(get("/api/stories?company=" + fixtures.orbital.ticker())).path("total").asInt())
                    .isEqualTo(1);
        });
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
    }

    // ----- search

    @Test
    void searchReturnsHitsWithEscapedHighlightsAndFacets() throws Exception {
        JsonNode result = search("q=" + enc(m + " script"));
        assertThat(result.path("total").asInt()).isEqualTo(1);
        JsonNode hit = result.path("hits").path(0);
        assertThat(hit.path("id").asText()).isEqualTo(corpus.investment().id());
        assertThat(hit.path("title").asText()).isEqualTo("Orbital invests $2 billion in open models");
        assertThat(hit.path("url").asText()).isEqualTo(corpus.investment().url());
        assertThat(hit.path("kind").asText()).isEqualTo("NEWS");
        assertThat(hit.path("publishedAt").asText()).isEqualTo("2026-03-10T09:00:00Z");
        assertThat(hit.has("text")).as("text is left out of hits").isFalse();
        // The document's own markup comes back escaped; only the highlighter's <em> is HTML.
        String fragment = hit.path("highlights").path("text").toString();
        assertThat(fragment).contains("<em>script</em>").contains("&lt;").doesNotContain("<script>");

        JsonNode facets = search("q=" + m).path("facets");
        assertThat(bucket(facets.path("companies"), fixtures.orbital.name())).isEqualTo(4);
        assertThat(bucket(facets.path("companies"), fixtures.lumen.name())).isEqualTo(1);
        assertThat(bucket(facets.path("types"), "MODEL_RELEASE")).isEqualTo(1);
        assertThat(bucket(facets.path("sources"), "techwire.example")).isEqualTo(2);
        assertThat(bucket(facets.path("kinds"), "FILING")).isEqualTo(1);
        assertThat(bucket(facets.path("dates"), "2026-02-01T00:00:00.000Z")).isEqualTo(1);
        assertThat(bucket(facets.path("dates"), "2026-03-01T00:00:00.000Z")).isEqualTo(3);
    }

    @Test
    void filtersNarrowTheResults() throws Exception {
        String q = "q=" + m;
        assertThat(ids(q + "&company=" + fixtures.lumen.ticker())).containsExactly(corpus.partnership().id());
        // A company by ticker (any case), CIK without leading zeros, exact name (any case) or canonical id.
        assertThat(total(q + "&company=" + fixtures.orbital.ticker().toLowerCase())).isEqualTo(4);
        assertThat(total(q + "&company=" + Long.parseLong(fixtures.orbital.cik()))).isEqualTo(4);
        assertThat(total(q + "&company=" + enc(fixtures.lumen.name().toUpperCase()))).isEqualTo(1);
        assertThat(total(q + "&company=" + enc(fixtures.lumen.id()))).isEqualTo(1);
        assertThat(ids(q + "&type=model_release")).containsExactly(corpus.model().id());
        assertThat(total(q + "&type=INVESTMENT,PARTNERSHIP")).isEqualTo(2);
        assertThat(total(q + "&source=techwire.example")).isEqualTo(2);
        assertThat(ids(q + "&kind=FILING")).containsExactly(corpus.filing().id());
        assertThat(total(q + "&from=2026-03-01")).isEqualTo(3);
        assertThat(ids(q + "&to=2026-02-28")).containsExactly(corpus.partnership().id());
        assertThat(total(q + "&from=2026-03-11&to=2026-03-11")).isEqualTo(1);
        // Amounts in USD: the EUR 50 million partnership is 54 million dollars.
        assertThat(ids(q + "&minAmount=1e9")).containsExactly(corpus.investment().id());
        assertThat(ids(q + "&minAmount=50000000&maxAmount=60000000")).containsExactly(corpus.partnership().id());
        // Model facts must hold for one and the same announcement.
        assertThat(ids(q + "&minParameters=5e9&openWeights=true")).containsExactly(corpus.model().id());
        assertThat(total(q + "&minParameters=1e10")).isZero();
        assertThat(total(q + "&openWeights=false")).isZero();
        assertThat(ids(q + "&model=" + enc("kestrel-" + m))).containsExactly(corpus.model().id());
        // Filters alone, no text.
        assertThat(ids("company=" + fixtures.orbital.ticker() + "&type=EXECUTIVE_CHANGE"))
                .containsExactly(corpus.filing().id());
    }

    @Test
    void pagesBySearchAfterCoverEveryHitOnceInOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 10; page++) {
            JsonNode result = search("q=" + m + "&sort=newest&size=1"
                    + (token == null ? "" : "&searchAfter=" + enc(token)));
            assertThat(result.path("total").asInt()).isEqualTo(4);
            for (JsonNode hit : result.path("hits")) {
                seen.add(hit.path("id").asText());
                times.add(hit.path("@timestamp").asText());
            }
            token = result.path("nextSearchAfter").isNull() ? null : result.path("nextSearchAfter").asText();
            if (result.path("hits").isEmpty() || token == null) {
                break;
            }
        }
        assertThat(seen).containsExactly(corpus.filing().id(), corpus.model().id(), corpus.investment().id(),
                corpus.partnership().id());
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

        List<String> oldest = new ArrayList<>();
        search("q=" + m + "&sort=oldest&size=4").path("hits").forEach(h -> oldest.add(h.path("id").asText()));
        assertThat(oldest).containsExactly(corpus.partnership().id(), corpus.investment().id(), corpus.model().id(),
                corpus.filing().id());
    }

    @Test
    void badParametersGetA400ThatSaysWhy() throws Exception {
        assertError("/api/search?size=1000", 400, "size must be between 0 and 100");
        assertError("/api/search?size=ten", 400, "size must be an integer");
        assertError("/api/search?type=MERGER", 400, "type 'MERGER' is not one of INVESTMENT");
        assertError("/api/search?from=yesterday", 400, "from must be a date");
        assertError("/api/search?compnay=acme", 400, "Unknown parameter compnay");
        assertError("/api/search?searchAfter=bm90LWEtdG9rZW4", 400, "searchAfter is not a token");
        assertError("/api/search?minAmount=-5", 400, "minAmount must not be negative");
        assertError("/api/search?minAmount=9&maxAmount=1", 400, "minAmount must not exceed maxAmount");
        assertError("/api/search?from=2026-03-02&to=2026-03-01", 400, "from must not be after to");
        assertError("/api/search?openWeights=maybe", 400, "openWeights must be true or false");
        assertError("/api/search?sort=random", 400, "sort 'random' is not one of RELEVANCE, NEWEST, OLDEST");
        assertError("/api/search?q=" + "a".repeat(1001), 400, "q is too long");
        assertError("/api/search?q=%01", 400, "q must not contain control characters");
        assertError("/api/nothing-here", 404, "Endpoint GET /api/nothing-here not found");
        // Query DSL in q is only text to a simple query: no error, no effect.
        HttpResponse<String> dsl = get("/api/search?q=" + enc("{\"match_all\":{}} " + m + " OR *"));
        assertThat(dsl.statusCode()).isEqualTo(200);
        assertThat(json(dsl).path("total").asInt()).isLessThanOrEqualTo(4);
    }

    // ----- single records, companies, stories

    @Test
    void documentsAndAnnouncementsById() throws Exception {
        // A filing id holds a slash: the path takes it as is.
        JsonNode filing = json(get("/api/documents/" + corpus.filing().id()));
        assertThat(filing.path("id").asText()).isEqualTo(corpus.filing().id());
        assertThat(filing.path("text").asText()).contains("Item 5.02");
        assertThat(filing.path("filing").path("cik").asText()).isEqualTo(fixtures.orbital.cik());
        assertThat(filing.path("announcements").path(0).path("type").asText()).isEqualTo("EXECUTIVE_CHANGE");

        var announcement = corpus.investment().announcements().get(0);
        JsonNode read = json(get("/api/announcements/" + announcement.id()));
        assertThat(read.path("type").asText()).isEqualTo("INVESTMENT");
        assertThat(read.path("amount").path("usd").decimalValue()).isEqualByComparingTo(new BigDecimal("2e9"));
        assertThat(read.path("company").path("ticker").asText()).isEqualTo(fixtures.orbital.ticker());

        assertError("/api/documents/url-does-not-exist-" + m, 404, "No document");
        assertError("/api/announcements/nope" + m, 404, "No announcement");
    }

    @Test
    void companiesByTickerCikOrNameWithTheirAnnouncementsNewestFirst() throws Exception {
        for (String key : List.of(fixtures.orbital.ticker(), fixtures.orbital.cik(),
                Long.toString(Long.parseLong(fixtures.orbital.cik())), fixtures.orbital.name().toLowerCase())) {
            JsonNode company = json(get("/api/companies/" + enc(key).replace("+", "%20")));
            assertThat(company.path("name").asText()).as(key).isEqualTo(fixtures.orbital.name());
            assertThat(company.path("ticker").asText()).isEqualTo(fixtures.orbital.ticker());
            assertThat(company.path("cik").asText()).isEqualTo(fixtures.orbital.cik());
            assertThat(company.path("announcements").asInt()).isEqualTo(4);
            assertThat(company.path("documents").asInt()).isEqualTo(4);
            assertThat(company.path("stories").asInt()).isEqualTo(1);
        }
        String base = "/api/companies/" + fixtures.orbital.ticker() + "/announcements";
        JsonNode all = json(get(base));
        List<String> times = new ArrayList<>();
        all.path("hits").forEach(h -> times.add(h.path("@timestamp").asText()));
        assertThat(times).hasSize(4).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(json(get(base + "?type=INVESTMENT")).path("total").asInt()).isEqualTo(1);
        assertThat(json(get(base + "?from=2026-03-11")).path("total").asInt()).isEqualTo(2);
        JsonNode first = json(get(base + "?size=3"));
        JsonNode second = json(get(base + "?size=3&searchAfter=" + enc(first.path("nextSearchAfter").asText())));
        assertThat(second.path("hits")).hasSize(1);
        assertThat(json(get("/api/companies/" + fixtures.lumen.ticker() + "/announcements")).path("total").asInt())
                .isEqualTo(1);

        assertError("/api/companies/NOSUCH" + m.replaceAll("[^0-9]", ""), 404, "No company");
        assertError(base + "?type=nope", 400, "type 'nope' is not one of");
    }

    @Test
    void storiesListAndById() throws Exception {
        JsonNode list = json(get("/api/stories?company=" + fixtures.orbital.ticker()));
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("hits").path(0).path("id").asText()).isEqualTo(story.id());
        assertThat(list.path("hits").path(0).path("sourceCount").asInt()).isEqualTo(2);
        assertThat(json(get("/api/stories?q=" + m + "&type=MODEL_RELEASE")).path("total").asInt()).isEqualTo(1);
        assertThat(json(get("/api/stories?q=" + m + "&type=EARNINGS")).path("total").asInt()).isZero();
        JsonNode one = json(get("/api/stories/" + story.id()));
        assertThat(one.path("sources")).hasSize(2);
        assertThat(one.path("title").asText()).isEqualTo(story.title());
        assertError("/api/stories/none-" + m, 404, "No story");
    }

    // ----- subscriptions and alerts

    @Test
    void subscriptionsNeedTheKeyAndLiveInTheCompactedTopic() throws Exception {
        String body = "{\"name\": \"Large investments " + m + "\", \"types\": [\"INVESTMENT\"], \"minAmountUsd\": 1e9,"
                + " \"companies\": [\"" + fixtures.orbital.ticker() + "\"]}";
        assertThat(send("POST", "/api/subscriptions", body, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/subscriptions", body, "wrong-key-0123456789").statusCode()).isEqualTo(401);

        HttpResponse<String> created = send("POST", "/api/subscriptions", body, KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = json(created);
        String id = rule.path("id").asText();
        assertThat(id).startsWith("large-investments-");
        assertThat(created.headers().firstValue("Location")).contains("/api/subscriptions/" + id);
        assertThat(rule.path("createdAt").asText()).isNotEmpty();
        // Its alert topic exists before any alert is written to it.
        assertThat(server.admin().listTopics().names().get()).contains(Topics.alertTopic(id).name());

        assertThat(json(get("/api/subscriptions/" + id)).path("minAmountUsd").decimalValue())
                .isEqualByComparingTo("1e9");
        assertThat(json(get("/api/subscriptions")).path("subscriptions").findValuesAsText("id")).contains(id);

        String replaced = "{\"name\": \"Very large investments\", \"types\": [\"INVESTMENT\"], \"minAmountUsd\": 1e10}";
        HttpResponse<String> put = send("PUT", "/api/subscriptions/" + id, replaced, KEY);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).path("createdAt").asText()).isEqualTo(rule.path("createdAt").asText());
        assertThat(json(get("/api/subscriptions/" + id)).path("name").asText()).isEqualTo("Very large investments");

        assertThat(send("POST", "/api/subscriptions", "{\"id\": \"" + id + "\", \"name\": \"x\"}", KEY).statusCode())
                .isEqualTo(409);
        assertThat(send("DELETE", "/api/subscriptions/" + id, null, KEY).statusCode()).isEqualTo(204);
        assertThat(get("/api/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/subscriptions/" + id, null, KEY).statusCode()).isEqualTo(404);

        // What the topology reads: the rule as JSON under its id, then a tombstone.
        List<ConsumerRecord<String, byte[]>> records = readAll(Topics.SUBSCRIPTIONS.name()).stream()
                .filter(r -> id.equals(r.key())).toList();
        assertThat(records).hasSize(3);
        assertThat(Json.MAPPER.readTree(records.get(0).value()).path("types").path(0).asText()).isEqualTo("INVESTMENT");
        assertThat(Json.MAPPER.readTree(records.get(1).value()).path("name").asText()).isEqualTo("Very large investments");
        assertThat(records.get(2).value()).isNull();
    }

    @Test
    void subscriptionBodiesAreValidated() throws Exception {
        assertBodyError("", "The body must be a JSON subscription");
        assertBodyError("{\"types\": [\"INVESTMENT\"]}", "name is required");
        assertBodyError("{\"name\": \"x\", \"typos\": []}", "Unknown field 'typos'");
        assertBodyError("{\"name\": \"x\", \"types\": [\"MERGER\"]}", "Invalid types: 'MERGER' (one of INVESTMENT");
        assertBodyError("{\"name\": \"x\", \"minAmountUsd\": -1}", "minAmountUsd must be between 0 and 1e18");
        assertBodyError("{\"name\": \"x\", \"id\": \"../etc\"}", "id must be 1-100 letters");
        assertBodyError("{\"name\": ", "The body is not a valid subscription");
        assertBodyError("[1, 2]", "The body is not a valid subscription");
        HttpResponse<String> tooLarge = send("POST", "/api/subscriptions",
                "{\"name\": \"" + "x".repeat(70_000) + "\"}", KEY);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(send("PUT", "/api/subscriptions/bad%20id", "{\"name\": \"x\"}", KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void newAlertsArriveLiveAsServerSentEventsAndStayAsAPage() throws Exception {
        HttpResponse<String> created = send("POST", "/api/subscriptions",
                "{\"id\": \"sse-" + m + "\", \"name\": \"Model releases " + m + "\", \"types\": [\"MODEL_RELEASE\"]}", KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String ruleId = "sse-" + m;

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/subscriptions/" + ruleId + "/alerts"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = Fixtures.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // closed at the end of the test
            }
        });
        try {
            assertThat(pollUntil(lines, ": connected", 10)).isTrue();
            var modelRelease = corpus.model().announcements().get(0);
            Alert other = fixtures.alert("another-rule-" + m, modelRelease, "story-x-" + m, Instant.now());
            Alert mine = fixtures.alert(ruleId, modelRelease, story.id(), Instant.now());
            fixtures.publish(other);
            fixtures.publish(mine);
            List<String> data = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && data.isEmpty()) {
                String line = lines.poll(500, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data:")) {
                    data.add(line);
                }
            }
            assertThat(data).hasSize(1);
            JsonNode delivered = Json.MAPPER.readTree(data.get(0).substring(5));
            assertThat(delivered.path("id").asText()).isEqualTo(mine.id());
            assertThat(delivered.path("ruleId").asText()).isEqualTo(ruleId);
            assertThat(delivered.path("announcement").path("model").path("parameters").asLong())
                    .isEqualTo(7_000_000_000L);
            // Heartbeats keep the stream open meanwhile.
            assertThat(pollUntil(lines, ": keep-alive", 5)).isTrue();
        } finally {
            response.body().close();
            reader.interrupt();
        }

        // The indexed alert is there as a page too, and only this rule's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode page = json(get("/api/subscriptions/" + ruleId + "/alerts"));
            assertThat(page.path("total").asInt()).isEqualTo(1);
            assertThat(page.path("hits").path(0).path("ruleId").asText()).isEqualTo(ruleId);
        });
        assertThat(json(get("/api/alerts?company=" + fixtures.orbital.ticker())).path("total").asInt())
                .isGreaterThanOrEqualTo(2);
        assertError("/api/subscriptions/unknown-" + m + "/alerts", 404, "No subscription");
    }

    // ----- operations

    @Test
    void healthMetricsAndOpenApiAreServed() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode components = json(health).path("components");
        for (String component : List.of("kafka", "elasticsearch", "indexer", "subscriptions", "alerts")) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(components.path("indexer").path("indexed").asLong()).isGreaterThanOrEqualTo(9);

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/search\"")
                .contains("newsintel_indexer_indexed_total{")
                .contains("newsintel_indexer_lag")
                .contains("jvm_memory_used_bytes");

        HttpResponse<String> openApi = get("/api/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(json(openApi).path("openapi").asText()).startsWith("3.1");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(get("/assets/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void replayedEventsOverwriteInsteadOfDuplicating() throws Exception {
        long before = server.indexer().indexed();
        corpus.all().forEach(fixtures::publish);
        fixtures.publish(story);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.indexer().indexed() >= before + 5);
        assertThat(search("q=" + m).path("total").asInt()).isEqualTo(4);
        assertThat(json(get("/api/stories?company=" + fixtures.orbital.ticker())).path("total").asInt()).isEqualTo(1);

        // A tombstone on the compacted stories topic removes the story.
        fixtures.publish(Topics.STORIES.name(), "gone-" + m, fixtures.story("gone-" + m, "Gone " + m,
                List.of(corpus.filing()), List.of(fixtures.lumen), List.of(), List.<Money>of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/stories/gone-" + m).statusCode() == 200);
        fixtures.publish(Topics.STORIES.name(), "gone-" + m, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/stories/gone-" + m).statusCode() == 404);
    }

    // ----- helpers

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean pollUntil(BlockingQueue<String> lines, String wanted, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (wanted.equals(line)) {
                return true;
            }
        }
        return false;
    }

    private void assertBodyError(String body, String message) throws Exception {
        HttpResponse<String> response = send("POST", "/api/subscriptions", body, KEY);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as(body).contains(message);
    }

    private void assertError(String path, int status, String message) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).as(path).contains(message);
    }

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return Fixtures.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Fixtures.get(server.port(), path);
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = get("/api/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private int total(String query) throws Exception {
        return search(query).path("total").asInt();
    }

    private List<String> ids(String query) throws Exception {
        List<String> ids = new ArrayList<>();
        search(query + "&size=50").path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static long bucket(JsonNode buckets, String value) {
        for (JsonNode bucket : buckets) {
            if (bucket.path("value").asText().equals(value)) {
                return bucket.path("count").asLong();
            }
        }
        return 0;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
