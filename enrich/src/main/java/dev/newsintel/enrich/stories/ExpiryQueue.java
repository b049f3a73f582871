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
 *
 * <p>Every entry is also kept {@link #MINIMUM_AGE} of wall-clock time after it was written. Stream time is
 * publication time, and a folder replayed in no order moves it back and forth by months: a newer document read
 * between two copies of an old story would otherwise make the story's anchor, signatures and state due at once,
 * whether the copies came before it or after. An entry due in stream time but younger than that moves, once, to a
 * second queue in the same store ordered by wall-clock time ({@code w|<wall millis>|kind|key}). Live documents
 * reach their stream-time expiry days after they were written, so live operation never uses the second queue.
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
     * How long in wall-clock time every entry is kept at least: longer than reading the copies of one story takes
     * in any replay this system makes (the sample corpus takes seconds, a 100,000-document benchmark minutes).
     */
    static final Duration MINIMUM_AGE = Duration.ofHours(1);
    private static final char KEEP_UNTIL = '@';
    private static final String WALL = "w|";

    private final KeyValueStore<String, String> store;
    private final long minimumKeepMillis;
    private final LongSupplier wallClock;
    /**
     * The last key drained from each queue: everything before it is deleted. RocksDB keeps deleted keys as
     * tombstones until it compacts, so a scan from the start would step over every one of them on each drain;
     * starting here does not. Entries are scheduled at least the minimum keep ahead of stream time (and the
     * minimum age ahead of wall-clock time), so nothing lands before it; if something did, the next drain starts
     * from the beginning again. In memory only: after a restart the first drain scans it all once.
     */
    private String drainedUpTo;
    private String wallDrainedUpTo;

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
     * Forgets the entry at {@code expiresAt}, or {@code minimumKeep} after {@code streamTime} if that is later, and
     * not before {@link #MINIMUM_AGE} of wall-clock time from now.
     */
    void schedule(long expiresAt, long streamTime, String kind, String key, String value) {
        long keepUntil = wallClock.getAsLong() + MINIMUM_AGE.toMillis();
        String entry = String.format("%019d|%s|%s", Math.max(0, Math.max(expiresAt, streamTime + minimumKeepMillis)),
                kind, key);
        if (drainedUpTo != null && entry.compareTo(drainedUpTo) <= 0) {
            drainedUpTo = null; // scheduled behind the drained part after all: the next drain looks from the start
        }
        store.put(entry, value + KEEP_UNTIL + keepUntil);
    }

    /**
     * Removes and returns up to {@code limit} entries due at or before stream time {@code now} and at least
     * {@link #MINIMUM_AGE} old; none due in stream time before the task has one ({@code now} not positive).
     */
    List<Expired> drain(long now, int limit) {
        long wallNow = wallClock.getAsLong();
        List<Expired> expired = new ArrayList<>();
        wallDrainedUpTo = drain(wallDrainedUpTo == null ? WALL : wallDrainedUpTo,
                String.format("%s%019d|~", WALL, wallNow), wallNow, limit, expired, WALL.length());
        if (now > 0 && expired.size() < limit) {
            drainedUpTo = drain(drainedUpTo, String.format("%019d|~", now), wallNow, limit, expired, 0);
        }
        return expired;
    }

    /** Drains {@code [from, upper]} into {@code expired}; returns the last key deleted (or {@code from}). */
    private String drain(String from, String upper, long wallNow, int limit, List<Expired> expired, int prefix) {
        List<String> done = new ArrayList<>();
        List<KeyValue<String, String>> tooYoung = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(from, upper)) {
            while (it.hasNext() && expired.size() < limit && done.size() < limit * 4) {
                KeyValue<String, String> entry = it.next();
                done.add(entry.key);
                String[] parts = entry.key.substring(prefix).split("\\|", 3);
                if (parts.length != 3 || entry.value == null) {
                    continue;
                }
                int mark = entry.value.lastIndexOf(KEEP_UNTIL);
                String value = mark >= 0 ? entry.value.substring(0, mark) : entry.value;
                long keepUntil = mark >= 0 ? Long.parseLong(entry.value.substring(mark + 1)) : 0;
                if (keepUntil > wallNow) {
                    tooYoung.add(KeyValue.pair(String.format("%s%019d|%s|%s", WALL, keepUntil, parts[1], parts[2]),
                            entry.value));
                } else {
                    expired.add(new Expired(parts[1], parts[2], value));
                }
            }
        }
        done.forEach(store::delete);
        // Due in stream time but younger than the minimum age: kept until then in wall-clock order.
        for (KeyValue<String, String> e : tooYoung) {
            if (wallDrainedUpTo != null && e.key.compareTo(wallDrainedUpTo) <= 0) {
                wallDrainedUpTo = null; // the wall clock went back: the next drain looks from the start
            }
            store.put(e.key, e.value);
        }
        return done.isEmpty() ? from : done.get(done.size() - 1);
    }
}
