package dev.newsintel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Searches the indexed documents. User text only ever reaches Elasticsearch inside a {@code simple_query_string}
 * query, which has no syntax errors and no access to the query DSL.
 */
public final class SearchService {
    private final ElasticsearchClient client;

    public SearchService(ElasticsearchClient client) {
        this.client = client;
    }

    /** One page of matching documents, best first. */
    public Map<String, Object> search(String q, int size) {
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s
                            .index(IndexKind.DOCUMENTS.alias())
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(query -> q == null || q.isBlank()
                                    ? query.matchAll(m -> m)
                                    : query.simpleQueryString(sq -> sq.query(q)
                                            .fields("title^3", "text")
                                            .defaultOperator(Operator.And)))
                            .source(src -> src.filter(f -> f.excludes("text", "entities", "quantities")))
                            .highlight(h -> h.fields("text", f -> f.fragmentSize(160).numberOfFragments(2))
                                    .fields("title", f -> f.numberOfFragments(0))),
                    ObjectNode.class);
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                Map<String, Object> item = new LinkedHashMap<>();
                JsonNode source = hit.source();
                item.put("id", hit.id());
                item.put("score", hit.score());
                if (source != null) {
                    source.fields().forEachRemaining(e -> item.putIfAbsent(e.getKey(), e.getValue()));
                }
                if (!hit.highlight().isEmpty()) {
                    item.put("highlights", hit.highlight());
                }
                hits.add(item);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("query", q);
            result.put("total", response.hits().total() == null ? hits.size() : response.hits().total().value());
            result.put("hits", hits);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch search failed", e);
        }
    }
}
