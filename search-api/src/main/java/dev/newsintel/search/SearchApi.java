package dev.newsintel.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Json;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;

/**
 * The REST API, the entry point of the search-api module: search, companies, announcements, documents, stories,
 * subscriptions and their alerts (a page, or live as Server-Sent Events), health, metrics, the OpenAPI description
 * ({@code /api/openapi.json}, the reference for every route and parameter) and a small web page at {@code /}.
 *
 * <p>Every parameter is validated (a 400 names what is wrong), user text reaches Elasticsearch only as the text of a
 * simple query or a filter value, changing subscriptions needs the API key, and each client address has a request
 * rate limit; request bodies are bounded.
 */
public final class SearchApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_ID = 512;
    private static final String WEB = "/dev/newsintel/search/web";

    /**
     * @param apiKey          the key changing subscriptions needs (none: changes are refused)
     * @param ratePerSecond   sustained requests per second per client address
     * @param rateBurst       requests a client may make at once
     * @param maxRequestBytes largest request body accepted
     * @param meters          the registry {@code /metrics} exposes
     * @param maxStreams      open alert streams this instance accepts
     */
    public record Options(ApiKey apiKey, double ratePerSecond, int rateBurst, long maxRequestBytes,
                          PrometheusMeterRegistry meters, Clock clock, Duration heartbeat, Duration maxStreamDuration,
                          int maxStreams) {
        public Options {
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
            }
            apiKey = apiKey == null ? ApiKey.none() : apiKey;
        }

        public static Options defaults() {
            return new Options(ApiKey.none(), 50, 100, 64 * 1024, ApiMetrics.newRegistry(), Clock.systemUTC(),
                    Duration.ofSeconds(15), Duration.ofMinutes(30), 500);
        }

        public Options withApiKey(ApiKey key) {
            return new Options(key, ratePerSecond, rateBurst, maxRequestBytes, meters, clock, heartbeat,
                    maxStreamDuration, maxStreams);
        }

        public Options withRateLimit(double perSecond, int burst, Clock rateClock) {
            return new Options(apiKey, perSecond, burst, maxRequestBytes, meters, rateClock, heartbeat,
                    maxStreamDuration, maxStreams);
        }

        public Options withMeters(PrometheusMeterRegistry registry) {
            return new Options(apiKey, ratePerSecond, rateBurst, maxRequestBytes, registry, clock, heartbeat,
                    maxStreamDuration, maxStreams);
        }

        public Options withHeartbeat(Duration every) {
            return new Options(apiKey, ratePerSecond, rateBurst, maxRequestBytes, meters, clock, every,
                    maxStreamDuration, maxStreams);
        }
    }

    /** The body of {@code POST /api/subscriptions} and {@code PUT /api/subscriptions/{id}}. */
    record SubscriptionRequest(String id, String name, List<String> companies, List<AnnouncementType> types,
                               BigDecimal minAmountUsd, Long minParameters, Boolean openWeights, List<String> terms) {
    }

    private static final ObjectReader SUBSCRIPTION_READER = Json.MAPPER.readerFor(SubscriptionRequest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static final Set<String> SEARCH_PARAMS = Set.of("q", "company", "type", "source", "kind", "from", "to",
            "minAmount", "maxAmount", "model", "minParameters", "maxParameters", "openWeights", "sort", "size",
            "searchAfter", "interval");
    static final Set<String> LIST_PARAMS = Set.of("company", "type", "q", "from", "to", "size", "searchAfter");
    static final Set<String> ALERT_PARAMS = Set.of("company", "type", "from", "to", "size", "searchAfter",
            "stream");
    static final Set<String> COMPANY_ANNOUNCEMENT_PARAMS = Set.of("type", "from", "to", "size", "searchAfter");

    private final Javalin app;
    private final SearchService search;
    private final Map<String, HealthIndicator> health;
    private final SubscriptionStore subscriptions;
    private final AlertHub alerts;
    private final Options options;
    private final RateLimiter rateLimiter;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final Counter rateLimited;
    private final byte[] openApi;

    /** Search and health only: subscription routes answer 503. */
    public SearchApi(ElasticsearchClient client, Map<String, HealthIndicator> health) {
        this(client, health, null, null, Options.defaults());
    }

    public SearchApi(ElasticsearchClient client, Map<String, HealthIndicator> health, SubscriptionStore subscriptions,
                     AlertHub alerts, Options options) {
        this.search = new SearchService(client);
        this.health = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(health));
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.options = options;
        this.rateLimiter = new RateLimiter(options.ratePerSecond(), options.rateBurst(), options.clock());
        this.openApi = resource("/dev/newsintel/search/openapi.json");
        this.rateLimited = Counter.builder("newsintel.api.rate.limited")
                .description("Requests refused by the per-client rate limit").register(options.meters());
        Gauge.builder("newsintel.api.alert.streams", openStreams, AtomicInteger::get)
                .description("Open Server-Sent Event streams").register(options.meters());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = options.maxRequestBytes();
            config.http.asyncTimeout = 0L;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = WEB + "/assets";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    private void routes() {
        app.before(this::guard);
        app.after(this::measure);

        app.get("/", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(resource(WEB + "/index.html")));
        app.get("/api/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi));
        app.get("/api/search", this::search);
        app.get("/api/documents/<id>", ctx -> ctx.json(found(search.document(id(ctx, "id")), "document", ctx)));
        app.get("/api/announcements/{id}",
                ctx -> ctx.json(found(search.announcement(id(ctx, "id")), "announcement", ctx)));
        app.get("/api/companies/{company}", ctx -> ctx.json(search.company(company(ctx))));
        app.get("/api/companies/{company}/announcements", this::companyAnnouncements);
        app.get("/api/stories", ctx -> ctx.json(search.stories(listQuery(Params.of(ctx, LIST_PARAMS), true))));
        app.get("/api/stories/{id}", ctx -> ctx.json(found(search.story(id(ctx, "id")), "story", ctx)));
        app.get("/api/alerts", ctx -> alerts(ctx, null));
        app.get("/api/subscriptions", ctx -> {
            Params.of(ctx, Set.of());
            ctx.json(Map.of("subscriptions", store().list()));
        });
        app.post("/api/subscriptions", this::createSubscription);
        app.get("/api/subscriptions/{id}", ctx -> ctx.json(store().get(ruleId(ctx)).orElseThrow(() ->
                new NotFoundResponse("No subscription '" + ruleId(ctx) + "'"))));
        app.put("/api/subscriptions/{id}", this::putSubscription);
        app.delete("/api/subscriptions/{id}", this::deleteSubscription);
        app.get("/api/subscriptions/{id}/alerts", ctx -> {
            String id = ruleId(ctx);
            if (store().get(id).isEmpty()) {
                throw new NotFoundResponse("No subscription '" + id + "'");
            }
            alerts(ctx, id);
        });
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(options.meters().scrape()));

        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            if (isElasticsearchDown(e)) {
                LOG.warn("Request {} {}: Elasticsearch unavailable: {}", ctx.method(), ctx.path(), e.toString());
                error(ctx, 503, "Elasticsearch is unavailable, try again shortly");
                return;
            }
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Internal error: " + e.getClass().getSimpleName());
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

    /** The underlying Javalin app, for tests that compare its routes with the OpenAPI description. */
    Javalin javalin() {
        return app;
    }

    // ----- cross-cutting: security headers, body size, rate limit, metrics

    private void guard(Context ctx) {
        ctx.attribute("startNanos", System.nanoTime());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        long length = ctx.req().getContentLengthLong();
        if (length > options.maxRequestBytes()) {
            throw new HttpResponseException(413, "Request body too large (at most " + options.maxRequestBytes()
                    + " bytes)");
        }
        if (ctx.path().startsWith("/api/")) {
            String client = ctx.ip();
            if (!rateLimiter.tryAcquire(client)) {
                rateLimited.increment();
                long seconds = Math.max(1, (long) Math.ceil(rateLimiter.retryAfter(client).toMillis() / 1000.0));
                ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
                throw new HttpResponseException(429, "Too many requests from " + client + "; retry in " + seconds
                        + " s");
            }
        }
    }

    private void measure(Context ctx) {
        Long started = ctx.attribute("startNanos");
        if (started == null) {
            return;
        }
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = null;
        }
        if (route == null || route.isEmpty() || route.equals("*")) {
            route = ctx.path().startsWith("/assets/") ? "/assets/*" : "UNMATCHED";
        }
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .register(options.meters())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    // ----- search and reading

    private void search(Context ctx) {
        Params p = Params.of(ctx, SEARCH_PARAMS);
        String sort = p.text("sort", 20);
        BigDecimal minAmount = p.amount("minAmount");
        BigDecimal maxAmount = p.amount("maxAmount");
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw new BadRequestResponse("minAmount must not exceed maxAmount");
        }
        Long minParameters = p.count("minParameters");
        Long maxParameters = p.count("maxParameters");
        if (minParameters != null && maxParameters != null && minParameters > maxParameters) {
            throw new BadRequestResponse("minParameters must not exceed maxParameters");
        }
        var from = p.instant("from", false);
        var to = p.instant("to", true);
        checkRange(from, to);
        SearchService.DocumentSearch query = new SearchService.DocumentSearch(
                p.text("q", Params.MAX_TEXT), p.list("company"), p.enums("type", AnnouncementType.class),
                p.list("source"), p.enums("kind", DocumentKind.class), from, to, minAmount, maxAmount,
                p.text("model", 200), minParameters, maxParameters, p.bool("openWeights"),
                sort == null ? null : Params.enumValue("sort", sort, SearchService.Sort.class),
                p.integer("size", 10, 0, MAX_PAGE_SIZE), p.text("searchAfter", 2000),
                p.enumValue("interval", SearchService.Interval.class, SearchService.Interval.MONTH));
        ctx.json(search.search(query));
    }

    private void companyAnnouncements(Context ctx) {
        EntityRef company = company(ctx);
        Params p = Params.of(ctx, COMPANY_ANNOUNCEMENT_PARAMS);
        var from = p.instant("from", false);
        var to = p.instant("to", true);
        checkRange(from, to);
        ctx.json(search.companyAnnouncements(company, new SearchService.ListQuery(List.of(),
                p.enums("type", AnnouncementType.class), null, from, to, p.integer("size", 20, 1, MAX_PAGE_SIZE),
                p.text("searchAfter", 2000))));
    }

    private EntityRef company(Context ctx) {
        String key = id(ctx, "company");
        return search.resolveCompany(key).orElseThrow(() -> new NotFoundResponse(
                "No company '" + Params.abbreviate(key) + "' in the index (give a ticker, a CIK or the exact name)"));
    }

    private SearchService.ListQuery listQuery(Params p, boolean withText) {
        var from = p.instant("from", false);
        var to = p.instant("to", true);
        checkRange(from, to);
        return new SearchService.ListQuery(p.list("company"), p.enums("type", AnnouncementType.class),
                withText ? p.text("q", Params.MAX_TEXT) : null, from, to, p.integer("size", 20, 1, MAX_PAGE_SIZE),
                p.text("searchAfter", 2000));
    }

    private static void checkRange(java.time.Instant from, java.time.Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestResponse("from must not be after to");
        }
    }

    private static Object found(java.util.Optional<?> value, String what, Context ctx) {
        return value.orElseThrow(() -> new NotFoundResponse("No " + what + " '"
                + Params.abbreviate(ctx.pathParam("id")) + "'"));
    }

    private static String id(Context ctx, String name) {
        String value = Params.checkText(name, ctx.pathParam(name), MAX_ID);
        if (value == null) {
            throw new BadRequestResponse(name + " must not be blank");
        }
        return value;
    }

    // ----- alerts: a page from Elasticsearch, or new ones live

    private void alerts(Context ctx, String ruleId) throws IOException {
        Params p = Params.of(ctx, ALERT_PARAMS);
        Boolean stream = p.bool("stream");
        String accept = ctx.header(Header.ACCEPT);
        boolean live = Boolean.TRUE.equals(stream)
                || (stream == null && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream"));
        if (!live) {
            ctx.json(search.alerts(ruleId, listQuery(p, false)));
            return;
        }
        if (alerts == null) {
            throw new ServiceUnavailableResponse("Live alerts are not available on this server");
        }
        if (openStreams.incrementAndGet() > options.maxStreams()) {
            openStreams.decrementAndGet();
            throw new ServiceUnavailableResponse("Too many open alert streams; try again later");
        }
        EventStream events;
        try {
            events = EventStream.open(ctx.res(), options.heartbeat(), options.maxStreamDuration());
        } catch (IOException | RuntimeException e) {
            openStreams.decrementAndGet();
            throw e;
        }
        AutoCloseable registration = alerts.listen(ruleId, events::offer);
        events.done().whenComplete((ignored, error) -> {
            openStreams.decrementAndGet();
            try {
                registration.close();
            } catch (Exception e) {
                LOG.debug("Closing an alert registration", e);
            }
        });
        ctx.future(() -> events.done());
        Thread.ofVirtual().name("newsintel-sse").start(events::run);
    }

    // ----- subscriptions

    private SubscriptionStore store() {
        if (subscriptions == null) {
            throw new ServiceUnavailableResponse("Subscriptions are not available on this server");
        }
        return subscriptions;
    }

    private void createSubscription(Context ctx) {
        options.apiKey().require(ctx);
        Params.of(ctx, Set.of());
        SubscriptionStore store = store();
        SubscriptionRequest request = readSubscription(ctx);
        String id = request.id() != null ? request.id() : newRuleId(request.name());
        if (store.get(id).isPresent()) {
            throw new ConflictResponse("A subscription '" + id + "' exists already; PUT /api/subscriptions/" + id
                    + " replaces it");
        }
        var now = store.now();
        Subscription created = store.put(subscription(id, request, now, now));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, "/api/subscriptions/" + id).json(created);
    }

    private void putSubscription(Context ctx) {
        options.apiKey().require(ctx);
        Params.of(ctx, Set.of());
        SubscriptionStore store = store();
        String id = ruleId(ctx);
        SubscriptionRequest request = readSubscription(ctx);
        if (request.id() != null && !request.id().equals(id)) {
            throw new BadRequestResponse("The id in the body ('" + request.id() + "') differs from the path ('" + id
                    + "')");
        }
        var existing = store.get(id);
        var now = store.now();
        Subscription stored = store.put(subscription(id, request, existing.map(Subscription::createdAt).orElse(now),
                now));
        ctx.status(existing.isPresent() ? HttpStatus.OK : HttpStatus.CREATED).json(stored);
    }

    private void deleteSubscription(Context ctx) {
        options.apiKey().require(ctx);
        Params.of(ctx, Set.of());
        String id = ruleId(ctx);
        if (!store().delete(id)) {
            throw new NotFoundResponse("No subscription '" + id + "'");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static String ruleId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new BadRequestResponse("A subscription id is 1-100 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit; was '" + Params.abbreviate(id) + "'");
        }
        return id;
    }

    private SubscriptionRequest readSubscription(Context ctx) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) options.maxRequestBytes() + 1);
        } catch (IOException e) {
            throw new BadRequestResponse("Could not read the request body: " + e.getMessage());
        }
        if (body.length > options.maxRequestBytes()) {
            throw new HttpResponseException(413, "Request body too large (at most " + options.maxRequestBytes()
                    + " bytes)");
        }
        if (body.length == 0) {
            throw new BadRequestResponse("The body must be a JSON subscription, e.g. {\"name\": \"Large investments\", "
                    + "\"types\": [\"INVESTMENT\"], \"minAmountUsd\": 1000000000}");
        }
        SubscriptionRequest request;
        try {
            request = SUBSCRIPTION_READER.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestResponse("Unknown field '" + e.getPropertyName() + "'; accepted: id, name, companies, "
                    + "types, minAmountUsd, minParameters, openWeights, terms");
        } catch (InvalidFormatException e) {
            String field = e.getPath().isEmpty() ? "value" : e.getPath().get(0).getFieldName();
            String accepted = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? " (one of " + String.join(", ", enumNames(e.getTargetType())) + ")" : "";
            throw new BadRequestResponse("Invalid " + field + ": '" + e.getValue() + "'" + accepted);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The body is not a valid subscription: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null) {
            throw new BadRequestResponse("The body must be a JSON object");
        }
        validate(request);
        return request;
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }

    static void validate(SubscriptionRequest r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new BadRequestResponse("name is required");
        }
        Params.checkText("name", r.name(), 200);
        if (r.id() != null && !r.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new BadRequestResponse("id must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit");
        }
        checkList("companies", r.companies(), 100, 200);
        checkList("terms", r.terms(), 20, 100);
        if (r.types() != null && r.types().contains(null)) {
            throw new BadRequestResponse("types must not contain null");
        }
        if (r.minAmountUsd() != null && (r.minAmountUsd().signum() < 0
                || r.minAmountUsd().compareTo(new BigDecimal("1e18")) > 0)) {
            throw new BadRequestResponse("minAmountUsd must be between 0 and 1e18");
        }
        if (r.minParameters() != null && r.minParameters() < 0) {
            throw new BadRequestResponse("minParameters must not be negative");
        }
    }

    private static void checkList(String name, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return;
        }
        if (values.size() > maxItems) {
            throw new BadRequestResponse(name + " has too many entries (at most " + maxItems + ")");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new BadRequestResponse(name + " must not contain blank entries");
            }
            Params.checkText(name, value, maxLength);
        }
    }

    /** The rule a request describes, refused with every problem the topology would refuse it for. */
    private static Subscription subscription(String id, SubscriptionRequest r, java.time.Instant created,
                                             java.time.Instant updated) {
        Subscription rule = toSubscription(id, r, created, updated);
        List<String> problems = Subscriptions.problems(rule);
        if (!problems.isEmpty()) {
            throw new BadRequestResponse(String.join("; ", problems));
        }
        return rule;
    }

    private static Subscription toSubscription(String id, SubscriptionRequest r, java.time.Instant created,
                                               java.time.Instant updated) {
        return new Subscription(Subscription.SCHEMA_VERSION, id, r.name().strip(),
                r.companies() == null ? null : r.companies().stream().map(String::strip).toList(),
                r.types() == null ? null : r.types().stream().distinct().toList(), r.minAmountUsd(), r.minParameters(),
                r.openWeights(), r.terms() == null ? null : r.terms().stream().map(String::strip).toList(),
                created, updated);
    }

    /** A readable, unguessable rule id: the name's slug and a random suffix. */
    static String newRuleId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        return slug.isEmpty() ? "rule-" + suffix : slug + "-" + suffix;
    }

    // ----- health

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

    private static boolean isElasticsearchDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof org.apache.http.ConnectionClosedException) {
                return true;
            }
        }
        return false;
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }

    private static byte[] resource(String path) {
        try (InputStream in = SearchApi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
