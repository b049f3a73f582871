package dev.newsintel.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.javalin.http.BadRequestResponse;

import dev.newsintel.events.Json;

/**
 * The opaque paging token of every list: the sort values of the last hit of a page, as base64url JSON. Decoding
 * accepts only a short array of scalars, so a forged token cannot smuggle anything else into a query.
 */
final class SearchAfter {
    private static final int MAX_TOKEN = 2000;
    private static final int MAX_VALUES = 4;

    private SearchAfter() {
    }

    static String encode(List<FieldValue> sortValues) {
        if (sortValues == null || sortValues.isEmpty()) {
            return null;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (FieldValue value : sortValues) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case Boolean -> array.add(value.booleanValue());
                case String -> array.add(value.stringValue());
                case Null -> array.addNull();
                default -> array.add(String.valueOf(value._get()));
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.toString(array).getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decode(String token, int expectedValues) {
        if (token == null || token.isBlank()) {
            return List.of();
        }
        String reason = "searchAfter is not a token this API returned (use nextSearchAfter of the previous page)";
        if (token.length() > MAX_TOKEN) {
            throw new BadRequestResponse(reason);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.trim()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new BadRequestResponse(reason);
        }
        if (node == null || !node.isArray() || node.size() != expectedValues || node.size() > MAX_VALUES) {
            throw new BadRequestResponse(reason);
        }
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (element.isIntegralNumber() && element.canConvertToLong()) {
                values.add(FieldValue.of(element.longValue()));
            } else if (element.isNumber()) {
                values.add(FieldValue.of(element.doubleValue()));
            } else if (element.isBoolean()) {
                values.add(FieldValue.of(element.booleanValue()));
            } else if (element.isTextual() && element.textValue().length() <= 512) {
                values.add(FieldValue.of(element.textValue()));
            } else if (element.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                throw new BadRequestResponse(reason);
            }
        }
        return values;
    }
}
