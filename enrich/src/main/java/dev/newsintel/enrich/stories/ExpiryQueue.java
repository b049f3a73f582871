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
    /**
     * The last key drained: everything before it is deleted. RocksDB keeps deleted keys as tombstones until it
     * compacts, so a scan from the start would step over every one of them on each drain; starting here does not.
     * Callers schedule at least a window of stream time ahead, so nothing lands before it; if something did, the
     * next drain starts from the beginning again. In memory only: after a restart the first drain scans it all once.
     */
    private String drainedUpTo;

    ExpiryQueue(KeyValueStore<String, String> store) {
        this.store = store;
    }

    void schedule(long expiresAt, String kind, String key, String value) {
        String entry = String.format("%019d|%s|%s", Math.max(0, expiresAt), kind, key);
        if (drainedUpTo != null && entry.compareTo(drainedUpTo) <= 0) {
            drainedUpTo = null; // scheduled behind the drained part after all: the next drain looks from the start
        }
        store.put(entry, value);
    }

    /** Removes and returns up to {@code limit} entries that expire at or before {@code now}. */
    List<Expired> drain(long now, int limit) {
        List<Expired> expired = new ArrayList<>();
        List<String> done = new ArrayList<>();
        String upper = String.format("%019d|~", Math.max(0, now));
        try (KeyValueIterator<String, String> it = store.range(drainedUpTo, upper)) {
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
        if (!done.isEmpty()) {
            drainedUpTo = done.get(done.size() - 1);
        }
        return expired;
    }
}
