package dev.newsintel.enrich.stories;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Story index writes this enrich instance made that the global table may not show yet: it is fed from the index
 * topic, so a decision reaches it only after its transaction commits and the global thread reads it back. Documents
 * of one story that arrive together (a feed caught up after an outage, the sample corpus loaded at once) are decided
 * by different tasks within those milliseconds; without this view each would miss the other's decision and start a
 * story of its own, and which documents joined would depend on timing.
 *
 * <p>Shared by every story-assigning task of one topology instance (all its stream threads), so thread-safe; the
 * tasks also decide under its monitor, one document at a time, so no two decisions miss each other. Bounded:
 * the oldest entries go first, by then long in the global table. An entry of a transaction that aborted is harmless:
 * the document is decided again, and a story's id is its first document's id, so the decision repeats.
 */
public final class PendingIndexWrites {
    private final Map<String, StorySpan> writes;

    public PendingIndexWrites(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.writes = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StorySpan> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized StorySpan get(String key) {
        return writes.get(key);
    }

    public synchronized void put(String key, StorySpan span) {
        writes.put(key, span);
    }

    public synchronized void remove(String key) {
        writes.remove(key);
    }
}
