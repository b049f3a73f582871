package dev.newsintel.enrich.stories;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Entries to forget at a given stream time, in a changelogged key-value store ordered by expiry: a punctuation
 * reads only the expired prefix instead of scanning every entry.
 */
final class ExpiryQueue {
    /** An expired entry: its kind, key and the value recorded with it. */
    record Expired(String kind, String key, String value) {
    }

    private final KeyValueStore<String, String> store;

    ExpiryQueue(KeyValueStore<String, String> store) {
        this.store = store;
    }

    void schedule(long expiresAt, String kind, String key, String value) {
        store.put(String.format("%019d|%s|%s", Math.max(0, expiresAt), kind, key), value);
    }

    /** Removes and returns up to {@code limit} entries that expire at or before {@code now}. */
    List<Expired> drain(long now, int limit) {
        List<Expired> expired = new ArrayList<>();
        List<String> done = new ArrayList<>();
        String upper = String.format("%019d|~", Math.max(0, now));
        try (KeyValueIterator<String, String> it = store.range(null, upper)) {
            while (it.hasNext() && expired.size() < limit) {
                KeyValue<String, String> entry = it.next();
                String[] parts = entry.key.split("\\|", 3);
                done.add(entry.key);
                if (parts.length == 3) {
                    expired.add(new Expired(parts[1], parts[2], entry.value));
                }
            }
        }
        done.forEach(store::delete);
        return expired;
    }
}
