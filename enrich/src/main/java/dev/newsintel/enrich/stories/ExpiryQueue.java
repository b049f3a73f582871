package dev.newsintel.enrich.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

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

    /**
     * How long in wall-clock time a late entry (one whose expiry had already passed in stream time when it was
     * scheduled) is kept at least: a folder replayed in no order moves stream time back and forth by months, and
     * the minimum keep alone let an old story's state and signatures go between two of its copies whenever a newer
     * document came between them. A replay of a few hundred thousand documents takes less than this.
     */
    static final Duration LATE_GRACE = Duration.ofHours(1);
    private static final char KEEP_UNTIL = '@';

    private final KeyValueStore<String, String> store;
    private final long minimumKeepMillis;
    private final LongSupplier wallClock;
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
     * @param wallClock   the task's wall-clock time in epoch milliseconds ({@code ProcessorContext::currentSystemTimeMs})
     */
    ExpiryQueue(KeyValueStore<String, String> store, Duration minimumKeep, LongSupplier wallClock) {
        this.store = store;
        this.minimumKeepMillis = minimumKeep.toMillis();
        this.wallClock = wallClock;
    }

    /**
     * Forgets the entry at {@code expiresAt}, or {@code minimumKeep} after {@code streamTime} if that is later; a
     * late entry (due before that) not before {@link #LATE_GRACE} of wall-clock time either.
     */
    void schedule(long expiresAt, long streamTime, String kind, String key, String value) {
        long keepFrom = streamTime + minimumKeepMillis;
        String stored = expiresAt < keepFrom ? value + KEEP_UNTIL + (wallClock.getAsLong() + LATE_GRACE.toMillis())
                : value;
        put(Math.max(expiresAt, keepFrom), kind, key, stored);
    }

    private void put(long at, String kind, String key, String stored) {
        String entry = String.format("%019d|%s|%s", Math.max(0, at), kind, key);
        if (drainedUpTo != null && entry.compareTo(drainedUpTo) <= 0) {
            drainedUpTo = null; // scheduled behind the drained part after all: the next drain looks from the start
        }
        store.put(entry, stored);
    }

    /**
     * Removes and returns up to {@code limit} entries that expire at or before {@code now}; none before the task has
     * a stream time ({@code now} not positive). A late entry still in its grace is put back a minimum keep later.
     */
    List<Expired> drain(long now, int limit) {
        if (now <= 0) {
            return List.of();
        }
        List<Expired> expired = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<KeyValue<String[], String>> stillInGrace = new ArrayList<>();
        long wallNow = wallClock.getAsLong();
        String upper = String.format("%019d|~", now);
        try (KeyValueIterator<String, String> it = store.range(drainedUpTo, upper)) {
            while (it.hasNext() && expired.size() < limit && done.size() < limit * 4) {
                KeyValue<String, String> entry = it.next();
                String[] parts = entry.key.split("\\|", 3);
                done.add(entry.key);
                if (parts.length != 3) {
                    continue;
                }
                int mark = entry.value == null ? -1 : entry.value.lastIndexOf(KEEP_UNTIL);
                if (mark >= 0 && Long.parseLong(entry.value.substring(mark + 1)) > wallNow) {
                    stillInGrace.add(KeyValue.pair(parts, entry.value));
                } else {
                    expired.add(new Expired(parts[1], parts[2], mark >= 0 ? entry.value.substring(0, mark)
                            : entry.value));
                }
            }
        }
        done.forEach(store::delete);
        if (!done.isEmpty()) {
            drainedUpTo = done.get(done.size() - 1);
        }
        // Due in stream time but still in its grace: looked at again a minimum keep of stream time later.
        stillInGrace.forEach(e -> put(now + minimumKeepMillis, e.key[1], e.key[2], e.value));
        return expired;
    }
}
