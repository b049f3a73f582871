package dev.newsintel.search;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;

import dev.newsintel.events.Json;

/**
 * The REST API: the entry point of the search-api module.
 *
 * <ul>
 *   <li>{@code GET /api/search?q=...&size=...}: documents matching a simple query;</li>
 *   <li>{@code GET /health}: Kafka, Elasticsearch and pipeline state, 200 when all are up, 503 otherwise.</li>
 * </ul>
 */
public final class SearchApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    private static final int MAX_PAGE_SIZE = 100;

    private final Javalin app;
    private final SearchService search;
    private final Map<String, HealthIndicator> health;

    public SearchApi(ElasticsearchClient client, Map<String, HealthIndicator> health) {
        this.search = new SearchService(client);
        this.health = Map.copyOf(health);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = 1_000_000L;
        });
        app.get("/api/search", this::search);
        app.get("/health", this::health);
        app.exception(BadRequestResponse.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error: " + e.getClass().getSimpleName());
        });
    }

    /** Starts serving on {@code host:port} (port 0: any free port) and returns the port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 1000) {
            throw new BadRequestResponse("q is too long (at most 1000 characters)");
        }
        int size = intParam(ctx, "size", 10, 0, MAX_PAGE_SIZE);
        ctx.json(search.search(q, size));
    }

    private void health(Context ctx) {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean allUp = true;
        for (var entry : health.entrySet()) {
            HealthIndicator.Health h;
            try {
                h = entry.getValue().check();
            } catch (RuntimeException e) {
                h = HealthIndicator.Health.down(Map.of("error", e.toString()));
            }
            allUp &= h.up();
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("status", h.up() ? "UP" : "DOWN");
            component.putAll(h.details());
            components.put(entry.getKey(), component);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("components", components);
        ctx.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new BadRequestResponse(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be an integer, was '" + value + "'");
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("status", status.getCode(), "error", message));
    }

    @Override
    public void close() {
        app.stop();
    }
}
