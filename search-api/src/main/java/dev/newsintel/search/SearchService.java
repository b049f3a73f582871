package dev.newsintel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Json;

/**
 * Reads what the indexer wrote. User text only ever reaches Elasticsearch as the text of a
 * {@code simple_query_string} query (no syntax errors, no access to the query DSL) or as the value of a term or
 * range filter built here; every filter value was validated by the API first.
 */
public final class SearchService {
    /** How a page of results is ordered. */
    public enum Sort { RELEVANCE, NEWEST, OLDEST }

    /** Bucket size of the dates facet. */
    public enum Interval { DAY, WEEK, MONTH, YEAR }

    /** A document search: text, filters, order, one page. Null or empty filters do not filter. */
    public record DocumentSearch(String q, List<String> companies, List<AnnouncementType> types, List<String> sources,
                                 List<DocumentKind> kinds, Instant from, Instant to, BigDecimal minAmountUsd,
                                 BigDecimal maxAmountUsd, String model, Long minParameters, Long maxParameters,
                                 Boolean openWeights, Sort sort, int size, String searchAfter, Interval interval) {
        public DocumentSearch {
            companies = companies == null ? List.of() : List.copyOf(companies);
            types = types == null ? List.of() : List.copyOf(types);
            sources = sources == null ? List.of() : List.copyOf(sources);
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            interval = interval == null ? Interval.MONTH : interval;
            sort = sort == null ? (q == null || q.isBlank() ? Sort.NEWEST : Sort.RELEVANCE) : sort;
        }

        public static DocumentSearch text(String q, int size) {
            return new DocumentSearch(q, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    size, null, null);
        }
    }

    /** A filtered, newest-first page of announcements, stories or alerts. */
    public record ListQuery(List<String> companies, List<AnnouncementType> types, String q, Instant from, Instant to,
                            int size, String searchAfter) {
        public ListQuery {
            companies = companies == null ? List.of() : List.copyOf(companies);
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    private static final int FACET_SIZE = 20;

    private final ElasticsearchClient client;

    public SearchService(ElasticsearchClient client) {
        this.client = client;
    }

    /** One page of matching documents, best (or newest) first, with highlights and facets. */
    public Map<String, Object> search(String q, int size) {
        return search(DocumentSearch.text(q, size));
    }

    public Map<String, Object> search(DocumentSearch s) {
        List<Query> filters = new ArrayList<>();
        if (!s.companies().isEmpty()) {
            filters.add(companyQuery(s.companies(), "companies"));
        }
        if (!s.types().isEmpty()) {
            filters.add(terms("announcementTypes", s.types().stream().map(Enum::name).toList()));
        }
        if (!s.sources().isEmpty()) {
            filters.add(anyOf(s.sources().stream().map(source -> caseInsensitiveTerm("source", source)).toList()));
        }
        if (!s.kinds().isEmpty()) {
            filters.add(terms("kind", s.kinds().stream().map(Enum::name).toList()));
        }
        dateRange("@timestamp", s.from(), s.to()).ifPresent(filters::add);
        if (s.minAmountUsd() != null || s.maxAmountUsd() != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field("amountsUsd");
                if (s.minAmountUsd() != null) {
                    n.gte(s.minAmountUsd().doubleValue());
                }
                if (s.maxAmountUsd() != null) {
                    n.lte(s.maxAmountUsd().doubleValue());
                }
                return n;
            }))));
        }
        if (s.model() != null || s.minParameters() != null || s.maxParameters() != null || s.openWeights() != null) {
            // One announcement must satisfy every model criterion: a nested query, not criteria spread over the
            // announcements of a document.
            List<Query> model = new ArrayList<>();
            if (s.model() != null) {
                model.add(caseInsensitiveTerm("announcements.model.name", s.model()));
            } else {
                model.add(Query.of(q -> q.exists(e -> e.field("announcements.model.name"))));
            }
            if (s.minParameters() != null || s.maxParameters() != null) {
                model.add(Query.of(q -> q.range(r -> r.number(n -> {
                    n.field("announcements.model.parameters");
                    if (s.minParameters() != null) {
                        n.gte(s.minParameters().doubleValue());
                    }
                    if (s.maxParameters() != null) {
                        n.lte(s.maxParameters().doubleValue());
                    }
                    return n;
                }))));
            }
            if (s.openWeights() != null) {
                model.add(Query.of(q -> q.term(t -> t.field("announcements.model.openWeights")
                        .value(s.openWeights()))));
            }
            filters.add(Query.of(q -> q.nested(n -> n.path("announcements")
                    .query(inner -> inner.bool(b -> b.filter(model))))));
        }
        Query text = s.q() == null ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(sq -> sq.query(s.q()).fields("title^3", "text")
                .defaultOperator(Operator.And)));
        List<SortOptions> sort = switch (s.sort()) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), byId());
            case NEWEST -> List.of(byTime("@timestamp", SortOrder.Desc), byId());
            case OLDEST -> List.of(byTime("@timestamp", SortOrder.Asc), byId());
        };
        List<FieldValue> after = SearchAfter.decode(s.searchAfter(), sort.size());
        CalendarInterval interval = switch (s.interval()) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
            case YEAR -> CalendarInterval.Year;
        };
        SearchRequest request = SearchRequest.of(r -> {
            r.index(IndexKind.DOCUMENTS.alias())
                    .size(s.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.must(text).filter(filters)))
                    .sort(sort)
                    .source(src -> src.filter(f -> f.excludes("text", "entities", "quantities", "metadata",
                            "announcements.evidence")))
                    .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                            .fields("text", f -> f.fragmentSize(160).numberOfFragments(2))
                            .fields("title", f -> f.numberOfFragments(0)))
                    .aggregations("companies", a -> a.terms(t -> t.field("companies").size(FACET_SIZE)))
                    .aggregations("types", a -> a.terms(t -> t.field("announcementTypes").size(FACET_SIZE)))
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(FACET_SIZE)))
                    .aggregations("kinds", a -> a.terms(t -> t.field("kind").size(5)))
                    .aggregations("dates", a -> a.dateHistogram(d -> d.field("@timestamp")
                            .calendarInterval(interval).minDocCount(1)));
            if (!after.isEmpty()) {
                r.searchAfter(after);
            }
            return r;
        });
        SearchResponse<ObjectNode> response = run(request);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("query", s.q());
        result.put("total", total(response));
        result.put("hits", hits(response, true));
        result.put("nextSearchAfter", next(response, s.size()));
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String name : List.of("companies", "types", "sources", "kinds", "dates")) {
            facets.put(name, buckets(response.aggregations().get(name)));
        }
        result.put("facets", facets);
        return result;
    }

    /** The whole indexed document, text included. */
    public Optional<JsonNode> document(String id) {
        return get(IndexKind.DOCUMENTS, id);
    }

    public Optional<JsonNode> announcement(String id) {
        return get(IndexKind.ANNOUNCEMENTS, id);
    }

    public Optional<JsonNode> story(String id) {
        return get(IndexKind.STORIES, id);
    }

    /** Stories, most recently seen first; {@code q} searches their titles. */
    public Map<String, Object> stories(ListQuery query) {
        List<Query> filters = new ArrayList<>();
        if (!query.companies().isEmpty()) {
            filters.add(companyQuery(query.companies(), "companyNames"));
        }
        if (!query.types().isEmpty()) {
            filters.add(terms("types", query.types().stream().map(Enum::name).toList()));
        }
        dateRange("@timestamp", query.from(), query.to()).ifPresent(filters::add);
        if (query.q() != null) {
            filters.add(Query.of(q -> q.simpleQueryString(sq -> sq.query(query.q()).fields("title")
                    .defaultOperator(Operator.And))));
        }
        return page(IndexKind.STORIES, filters, query.size(), query.searchAfter(), Function.identity());
    }

    /** Alerts of one rule (or of every rule when {@code ruleId} is null), newest first. */
    public Map<String, Object> alerts(String ruleId, ListQuery query) {
        List<Query> filters = new ArrayList<>();
        if (ruleId != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("ruleId").value(ruleId))));
        }
        if (!query.companies().isEmpty()) {
            filters.add(companyQuery(query.companies(), "companies"));
        }
        if (!query.types().isEmpty()) {
            filters.add(terms("type", query.types().stream().map(Enum::name).toList()));
        }
        dateRange("@timestamp", query.from(), query.to()).ifPresent(filters::add);
        return page(IndexKind.ALERTS, filters, query.size(), query.searchAfter(), Function.identity());
    }

    /**
     * The company a ticker, CIK, canonical id or exact name (any case) stands for, as the announcements and
     * documents link it; empty when nothing indexed mentions it.
     */
    public Optional<EntityRef> resolveCompany(String key) {
        Query query = companyQuery(List.of(key), "companies");
        for (IndexKind kind : List.of(IndexKind.ANNOUNCEMENTS, IndexKind.DOCUMENTS)) {
            SearchResponse<ObjectNode> response = run(SearchRequest.of(r -> r.index(kind.alias()).size(10)
                    .query(query)
                    .sort(byTime("@timestamp", SortOrder.Desc))
                    .source(src -> src.filter(f -> f.includes("company", "target", "counterparty",
                            "entities.canonical", "filing.company", "filing.cik", "filing.ticker",
                            "announcements.company", "announcements.target", "announcements.counterparty")))));
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                Optional<EntityRef> match = CompanyKeys.findIn(hit.source(), key);
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    /** What is known about a company: its identity, how much mentions it and what it announced. */
    public Map<String, Object> company(EntityRef company) {
        Query byId = Query.of(q -> q.term(t -> t.field("companyIds").value(company.id())));
        SearchResponse<ObjectNode> announcements = run(SearchRequest.of(r -> r.index(IndexKind.ANNOUNCEMENTS.alias())
                .size(0).trackTotalHits(t -> t.enabled(true)).query(byId)
                .aggregations("types", a -> a.terms(t -> t.field("type").size(FACET_SIZE)))
                .aggregations("latest", a -> a.max(m -> m.field("@timestamp")))
                .aggregations("amountUsd", a -> a.sum(m -> m.field("amount.usd")))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", company.id());
        result.put("name", company.name());
        result.put("cik", company.cik());
        result.put("ticker", company.ticker());
        result.put("announcements", total(announcements));
        result.put("documents", count(IndexKind.DOCUMENTS, byId));
        result.put("stories", count(IndexKind.STORIES, byId));
        result.put("types", buckets(announcements.aggregations().get("types")));
        Aggregate latest = announcements.aggregations().get("latest");
        if (latest != null && latest.max().valueAsString() != null) {
            result.put("latestAnnouncementAt", latest.max().valueAsString());
        }
        Aggregate amount = announcements.aggregations().get("amountUsd");
        if (amount != null && amount.sum().value() > 0) {
            result.put("announcedAmountUsd", amount.sum().value());
        }
        return result;
    }

    /** Announcements naming a company (as announcer, target or counterparty), newest first. */
    public Map<String, Object> companyAnnouncements(EntityRef company, ListQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("companyIds").value(company.id()))));
        if (!query.types().isEmpty()) {
            filters.add(terms("type", query.types().stream().map(Enum::name).toList()));
        }
        dateRange("@timestamp", query.from(), query.to()).ifPresent(filters::add);
        Map<String, Object> page = page(IndexKind.ANNOUNCEMENTS, filters, query.size(), query.searchAfter(),
                Function.identity());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("company", Map.of("id", company.id(), "name", company.name()));
        result.putAll(page);
        return result;
    }

    // ----- building blocks

    private Map<String, Object> page(IndexKind kind, List<Query> filters, int size, String searchAfter,
                                     Function<ObjectNode, ObjectNode> view) {
        List<SortOptions> sort = List.of(byTime("@timestamp", SortOrder.Desc), byId());
        List<FieldValue> after = SearchAfter.decode(searchAfter, sort.size());
        SearchResponse<ObjectNode> response = run(SearchRequest.of(r -> {
            r.index(kind.alias()).size(size).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(filters))).sort(sort);
            if (!after.isEmpty()) {
                r.searchAfter(after);
            }
            return r;
        }));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", total(response));
        result.put("hits", hits(response, false));
        result.put("nextSearchAfter", next(response, size));
        return result;
    }

    private static SortOptions byTime(String field, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(order).missing("_last")
                .unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Date)));
    }

    private static SortOptions byId() {
        return SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
    }

    /** A company given as canonical id, ticker, CIK or exact name (any case). */
    static Query companyQuery(List<String> keys, String namesField) {
        List<Query> should = new ArrayList<>();
        for (String key : keys) {
            should.add(Query.of(q -> q.term(t -> t.field("companyIds").value(key))));
            should.add(caseInsensitiveTerm("tickers", key));
            should.add(caseInsensitiveTerm(namesField, key));
            String cik = CompanyKeys.normalizeCik(key);
            if (cik != null) {
                should.add(Query.of(q -> q.term(t -> t.field("ciks").value(cik))));
            }
        }
        return anyOf(should);
    }

    private static Query caseInsensitiveTerm(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value).caseInsensitive(true)));
    }

    private static Query anyOf(List<Query> should) {
        return Query.of(q -> q.bool(BoolQuery.of(b -> b.should(should).minimumShouldMatch("1"))));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static Optional<Query> dateRange(String field, Instant from, Instant to) {
        if (from == null && to == null) {
            return Optional.empty();
        }
        return Optional.of(Query.of(q -> q.range(r -> r.date(d -> {
            d.field(field);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lte(to.toString());
            }
            return d;
        }))));
    }

    private long count(IndexKind kind, Query query) {
        try {
            return client.count(c -> c.index(kind.alias()).query(query)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch count failed", e);
        }
    }

    private Optional<JsonNode> get(IndexKind kind, String id) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(kind.alias()).id(id), ObjectNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            ObjectNode source = response.source();
            source.put("id", response.id());
            return Optional.of(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch get failed", e);
        }
    }

    private SearchResponse<ObjectNode> run(SearchRequest request) {
        try {
            return client.search(request, ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch search failed", e);
        }
    }

    private static long total(SearchResponse<?> response) {
        return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
    }

    private static List<Map<String, Object>> hits(SearchResponse<ObjectNode> response, boolean withScore) {
        List<Map<String, Object>> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", hit.id());
            if (withScore && hit.score() != null && !hit.score().isNaN()) {
                item.put("score", hit.score());
            }
            JsonNode source = hit.source();
            if (source != null) {
                source.properties().forEach(e -> item.putIfAbsent(e.getKey(), e.getValue()));
            }
            if (!hit.highlight().isEmpty()) {
                item.put("highlights", hit.highlight());
            }
            hits.add(item);
        }
        return hits;
    }

    private static String next(SearchResponse<ObjectNode> response, int size) {
        List<Hit<ObjectNode>> hits = response.hits().hits();
        if (size == 0 || hits.size() < size) {
            return null;
        }
        return SearchAfter.encode(hits.get(hits.size() - 1).sort());
    }

    private static List<Map<String, Object>> buckets(Aggregate aggregate) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (aggregate == null) {
            return result;
        }
        if (aggregate.isSterms()) {
            aggregate.sterms().buckets().array().forEach(b -> result.add(bucket(b.key().stringValue(), b.docCount())));
        } else if (aggregate.isDateHistogram()) {
            aggregate.dateHistogram().buckets().array().forEach(b -> result.add(bucket(
                    b.keyAsString() != null ? b.keyAsString() : Instant.ofEpochMilli(b.key()).toString(), b.docCount())));
        }
        return result;
    }

    private static Map<String, Object> bucket(String value, long count) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("value", value);
        bucket.put("count", count);
        return bucket;
    }
}
