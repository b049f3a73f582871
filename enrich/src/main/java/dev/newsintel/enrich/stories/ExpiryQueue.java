package dev.newsintel.enrich.stories;

import java.time.Duration;
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

    /**
     * Expiry runs a little with every record ({@link #PER_RECORD}) instead of all at once: a backfill moves stream
     * time by days a minute, and forgetting a day's entries in one punctuation stalled the task for seconds (alerts
     * waited behind it). Every record creates at most a few dozen entries, so a few dozen expirations per record
     * keep pace; a punctuation ({@link #PER_PUNCTUATION} at a time) only finishes a backlog when records stop.
     */
    static final int PER_RECORD = 64;
    static final int PER_PUNCTUATION = 2_000;

    private final KeyValueStore<String, String> store;
    private final long minimumKeepMillis;
    /**
     * The last key drained: everything before it is deleted. RocksDB keeps deleted keys as tombstones until it
     * compacts, so a scan from the start would step over every one of them on each drain; starting here does not.
     * Entries are scheduled at least the minimum keep ahead of stream time, so nothing lands before it; if something
     * did, the next drain starts from the beginning again. In memory only: after a restart the first drain scans it
     * all once.
     */
    private String drainedUpTo;

    /**
     * @param minimumKeep how long in stream time an entry is kept at least after it is scheduled, however early it
     *                    was due: copies of an old story replayed after newer documents still find each other
     */
    ExpiryQueue(KeyValueStore<String, String> store, Duration minimumKeep) {
        this.store = store;
        this.minimumKeepMillis = minimumKeep.toMillis();
    }

    /** Forgets the entry at {@code expiresAt}, or {@code minimumKeep} after {@code streamTime} if that is later. */
    void schedule(long expiresAt, long streamTime, String kind, String key, String value) {
        long at = Math.max(expiresAt, streamTime + minimumKeepMillis);
        String entry = String.format("%019d|%s|%s", Math.max(0, at), kind, key);
        if (drainedUpTo != null && entry.compareTo(drainedUpTo) <= 0) {
            drainedUpTo = null; // scheduled behind the drained part after all: the next drain looks from the start
        }
        store.put(entry, value);
    }

    /**
     * Removes and returns up to {@code limit} entries that expire at or before {@code now}; none before the task has
     * a stream time ({@code now} not positive).
     */
    List<Expired> drain(long now, int limit) {
        if (now <= 0) {
            return List.of();
        }
        List<Expired> expired = new ArrayList<>();
        List<String> done = new ArrayList<>();
        String upper = String.format("%019d|~", now);
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
