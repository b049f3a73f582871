package dev.newsintel.enrich.stories;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.ValueTimestampHeaders;

/** Reads the store behind a {@code GlobalKTable} from a processor, whatever timestamped format it is kept in. */
public final class GlobalTables {
    private GlobalTables() {
    }

    @SuppressWarnings("unchecked")
    public static <V> V get(KeyValueStore<String, ?> store, String key, Class<V> type) {
        Object value = unwrap(store.get(key));
        return type.isInstance(value) ? (V) value : null;
    }

    public static Object unwrap(Object value) {
        if (value instanceof ValueAndTimestamp<?> timestamped) {
            return timestamped.value();
        }
        if (value instanceof ValueTimestampHeaders<?> withHeaders) {
            return withHeaders.value();
        }
        return value;
    }
}
