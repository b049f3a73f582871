package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;

import dev.newsintel.events.Json;

/** The OpenAPI file tells the truth: every route the server registers is documented, and nothing else is. */
class OpenApiContractTest {
    private SearchApi api;
    private JsonNode spec;

    @BeforeEach
    void setUp() throws Exception {
        // Never started and never asked anything: the client only has to exist.
        api = new SearchApi(Elasticsearch.connect("http://127.0.0.1:9"), Map.of());
        try (InputStream in = SearchApi.class.getResourceAsStream("/dev/newsintel/search/openapi.json")) {
            spec = Json.MAPPER.readTree(in);
        }
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedPathExists() {
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint endpoint : api.javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            HandlerType method = endpoint.getEndpoint().getMethod();
            if (method.isHttpMethod()) {
                // Javalin's <id> (a parameter that may hold slashes) is OpenAPI's {id}.
                registered.add(method.name() + " " + endpoint.getEndpoint().getPath().replaceAll("<([^>]+)>", "{$1}"));
            }
        }
        Set<String> documented = new TreeSet<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(registered).isNotEmpty();
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void documentedQueryParametersAreExactlyTheAcceptedOnes() {
        assertThat(queryParameters("/api/search", "get")).isEqualTo(new TreeSet<>(SearchApi.SEARCH_PARAMS));
        assertThat(queryParameters("/api/stories", "get")).isEqualTo(new TreeSet<>(SearchApi.LIST_PARAMS));
        assertThat(queryParameters("/api/alerts", "get")).isEqualTo(new TreeSet<>(SearchApi.ALERT_PARAMS));
        assertThat(queryParameters("/api/subscriptions/{id}/alerts", "get"))
                .isEqualTo(new TreeSet<>(SearchApi.ALERT_PARAMS));
        assertThat(queryParameters("/api/companies/{company}/announcements", "get"))
                .isEqualTo(new TreeSet<>(SearchApi.COMPANY_ANNOUNCEMENT_PARAMS));
    }

    @Test
    void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        spec.path("paths").properties().forEach(path -> {
            Set<String> inPath = new HashSet<>();
            var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (matcher.find()) {
                inPath.add(matcher.group(1));
            }
            path.getValue().properties().forEach(op -> {
                Set<String> declared = new HashSet<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    JsonNode resolved = resolve(parameter);
                    if ("path".equals(resolved.path("in").asText())) {
                        declared.add(resolved.path("name").asText());
                    }
                }
                assertThat(declared).as(op.getKey() + " " + path.getKey()).isEqualTo(inPath);
            });
        });
    }

    private Set<String> queryParameters(String path, String method) {
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : spec.path("paths").path(path).path(method).path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if ("query".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? spec.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectRefs(it.next(), refs);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
