package dev.newsintel.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;
import dev.newsintel.search.IndexKind;

/**
 * Kibana's saved objects refer to fields by name; a renamed or unmapped field shows up only as a broken panel.
 * This checks, without Kibana, every field each object uses (data view labels and formats, saved search columns,
 * sorts and queries, visualization aggregations) against the index templates in the repo, with a type the use
 * needs, and that every reference between objects resolves.
 */
class KibanaSavedObjectsTest {
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float");
    /** Field types a terms aggregation or a sort can use (text cannot). */
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "long", "integer", "short", "byte", "double",
            "float", "date", "boolean");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z@][\\w.@]*)\\s*:");

    private static List<JsonNode> objects;
    private static Map<String, Map<String, String>> mappingsByAlias;

    @BeforeAll
    static void load() throws Exception {
        objects = new ArrayList<>();
        for (String line : Files.readAllLines(ComposeFileTest.DIR.resolve("kibana/saved-objects.ndjson"))) {
            if (!line.isBlank()) {
                objects.add(Json.MAPPER.readTree(line));
            }
        }
        mappingsByAlias = new HashMap<>();
        for (IndexKind kind : IndexKind.values()) {
            try (InputStream in = IndexKind.class.getResourceAsStream(kind.templateResource())) {
                JsonNode template = Json.MAPPER.readTree(in);
                Map<String, String> fields = new LinkedHashMap<>();
                flatten("", template.path("template").path("mappings").path("properties"), fields);
                mappingsByAlias.put(kind.alias(), fields);
            }
        }
    }

    /** Field path to type; object fields are left out, nested ones marked so top-level use can be refused. */
    private static void flatten(String prefix, JsonNode properties, Map<String, String> out) {
        properties.properties().forEach(entry -> {
            String path = prefix + entry.getKey();
            JsonNode field = entry.getValue();
            if (field.has("properties")) {
                if ("nested".equals(field.path("type").asText())) {
                    out.put(path, "nested");
                }
                flatten(path + ".", field.path("properties"), out);
            } else {
                out.put(path, field.path("type").asText("object"));
                field.path("fields").properties().forEach(sub ->
                        out.put(path + "." + sub.getKey(), sub.getValue().path("type").asText()));
            }
        });
    }

    @Test
    void theExportHasTheDataViewsSearchesVisualizationsAndDashboardWePromise() {
        assertThat(ids("index-pattern")).containsExactlyInAnyOrder("newsintel-documents", "newsintel-announcements",
                "newsintel-stories", "newsintel-alerts");
        assertThat(ids("search")).containsExactlyInAnyOrder("newsintel-announcements-by-company",
                "newsintel-model-releases");
        assertThat(ids("visualization")).containsExactlyInAnyOrder("newsintel-announcements-over-time",
                "newsintel-amounts-by-company", "newsintel-top-stories");
        assertThat(ids("dashboard")).containsExactly("newsintel-overview");
        for (JsonNode object : objects) {
            assertThat(object.path("attributes").path("title").asText()).as(object.path("id").asText()).isNotBlank();
            assertThat(object.path("coreMigrationVersion").asText()).startsWith("8.");
        }
    }

    @Test
    void everyDataViewIsOneOfOurAliasesWithATimestamp() {
        for (JsonNode view : ofType("index-pattern")) {
            String title = view.path("attributes").path("title").asText();
            assertThat(mappingsByAlias).as("data view %s names one of our index aliases", title).containsKey(title);
            String timeField = view.path("attributes").path("timeFieldName").asText();
            assertThat(timeField).isEqualTo("@timestamp");
            assertField(title, timeField, Set.of("date"), "time field");
            for (String field : fieldNames(json(view.path("attributes").path("fieldAttrs").asText("{}")))) {
                assertField(title, field, null, "field label");
            }
            JsonNode formats = json(view.path("attributes").path("fieldFormatMap").asText("{}"));
            formats.properties().forEach(format -> {
                if ("number".equals(format.getValue().path("id").asText())) {
                    assertField(title, format.getKey(), NUMERIC, "number format");
                }
            });
        }
    }

    @Test
    void savedSearchesUseMappedColumnsSortsAndQueryFields() {
        for (JsonNode search : ofType("search")) {
            String index = dataViewTitle(search);
            String name = search.path("id").asText();
            JsonNode attributes = search.path("attributes");
            assertThat(attributes.path("columns")).as(name).isNotEmpty();
            for (JsonNode column : attributes.path("columns")) {
                assertField(index, column.asText(), null, name + " column");
            }
            for (JsonNode sort : attributes.path("sort")) {
                assertField(index, sort.path(0).asText(), AGGREGATABLE, name + " sort");
                assertThat(sort.path(1).asText()).isIn("asc", "desc");
            }
            queryFields(search).forEach(field -> assertField(index, field, null, name + " query"));
        }
    }

    @Test
    void visualizationsAggregateOnFieldsOfTheRightType() {
        for (JsonNode vis : ofType("visualization")) {
            String index = dataViewTitle(vis);
            String name = vis.path("id").asText();
            JsonNode state = json(vis.path("attributes").path("visState").asText());
            assertThat(state.path("aggs")).as(name).isNotEmpty();
            int fields = 0;
            for (JsonNode agg : state.path("aggs")) {
                String type = agg.path("type").asText();
                String field = agg.path("params").path("field").asText(null);
                if (field == null) {
                    assertThat(type).as(name + " aggregation without a field").isEqualTo("count");
                    continue;
                }
                fields++;
                Set<String> accepted = switch (type) {
                    case "sum", "avg", "max", "min", "median", "percentiles" -> NUMERIC;
                    case "date_histogram" -> Set.of("date");
                    case "histogram", "range" -> NUMERIC;
                    case "terms", "cardinality", "top_hits" -> AGGREGATABLE;
                    default -> throw new AssertionError(name + ": aggregation type " + type + " is not checked here");
                };
                assertField(index, field, accepted, name + " " + type);
            }
            assertThat(fields).as(name).isPositive();
            queryFields(vis).forEach(field -> assertField(index, field, null, name + " query"));
        }
    }

    @Test
    void everyReferenceResolvesToAnObjectInTheExport() {
        Map<String, String> typeById = new HashMap<>();
        objects.forEach(o -> typeById.put(o.path("id").asText(), o.path("type").asText()));
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(typeById.get(reference.path("id").asText()))
                        .as(object.path("id").asText() + " -> " + reference.path("id").asText())
                        .isEqualTo(reference.path("type").asText());
            }
        }
        JsonNode dashboard = ofType("dashboard").get(0);
        JsonNode panels = json(dashboard.path("attributes").path("panelsJSON").asText());
        assertThat(panels).hasSize(5);
        for (JsonNode panel : panels) {
            String refName = panel.path("panelIndex").asText() + ":" + panel.path("panelRefName").asText();
            boolean found = false;
            for (JsonNode reference : dashboard.path("references")) {
                found |= reference.path("name").asText().equals(refName);
            }
            assertThat(found).as("panel reference " + refName).isTrue();
        }
    }

    @Test
    void theCheckCatchesAFieldThatIsNotMapped() {
        Map<String, String> announcements = mappingsByAlias.get("newsintel-announcements");
        assertThat(announcements).containsEntry("amount.usd", "double").containsEntry("company.name", "keyword")
                .containsEntry("model.parameters", "long").containsEntry("title.keyword", "keyword")
                .doesNotContainKey("amount.dollars");
        assertThat(mappingsByAlias.get("newsintel-documents")).containsEntry("announcements", "nested");
    }

    // ----- helpers

    private static void assertField(String index, String field, Set<String> accepted, String use) {
        Map<String, String> fields = mappingsByAlias.get(index);
        assertThat(fields).as("index %s", index).isNotNull();
        String type = fields.get(field);
        assertThat(type).as("%s: field '%s' is mapped in the %s template", use, field, index).isNotNull();
        assertThat(type).as("%s: field '%s' is not inside a nested object (Kibana cannot use it)", use, field)
                .isNotEqualTo("nested");
        String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : null;
        while (parent != null) {
            assertThat(fields.get(parent)).as("%s: '%s' lies under nested '%s'", use, field, parent)
                    .isNotEqualTo("nested");
            parent = parent.contains(".") ? parent.substring(0, parent.lastIndexOf('.')) : null;
        }
        if (accepted != null) {
            assertThat(accepted).as("%s: field '%s' of type %s", use, field, type).contains(type);
        }
    }

    private static String dataViewTitle(JsonNode object) {
        for (JsonNode reference : object.path("references")) {
            if (reference.path("type").asText().equals("index-pattern")) {
                for (JsonNode view : ofType("index-pattern")) {
                    if (view.path("id").asText().equals(reference.path("id").asText())) {
                        return view.path("attributes").path("title").asText();
                    }
                }
            }
        }
        throw new AssertionError(object.path("id").asText() + " has no data view reference");
    }

    private static List<String> queryFields(JsonNode object) {
        JsonNode source = json(object.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON")
                .asText("{}"));
        List<String> fields = new ArrayList<>();
        Matcher matcher = KQL_FIELD.matcher(source.path("query").path("query").asText(""));
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        for (JsonNode filter : source.path("filter")) {
            if (filter.path("meta").hasNonNull("key")) {
                fields.add(filter.path("meta").path("key").asText());
            }
        }
        return fields;
    }

    private static List<String> ids(String type) {
        return ofType(type).stream().map(o -> o.path("id").asText()).toList();
    }

    private static List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
