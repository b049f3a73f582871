package dev.newsintel.events;

import java.util.List;
import java.util.Map;

/** Small fail-fast checks shared by the event records; messages name the field so a bad record is easy to trace. */
final class Validation {
    private Validation() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> mapOrEmpty(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    static int version(int schemaVersion, int current) {
        return schemaVersion <= 0 ? current : schemaVersion;
    }

    static void requireSpan(int start, int end, String field) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(field + " has an invalid span [" + start + ", " + end + ")");
        }
    }
}
