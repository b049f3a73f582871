package dev.newsintel.enrich.stories;

import java.time.Duration;

/**
 * A story as one signature (an anchor, a fact, a text band, a document) knows it: which story, and the publication
 * times of the first and last document that carried the signature (epoch milliseconds).
 */
public record StorySpan(String storyId, long firstSeen, long lastSeen) {
    public StorySpan {
        if (storyId == null || storyId.isBlank()) {
            throw new IllegalArgumentException("StorySpan.storyId must not be blank");
        }
        if (lastSeen < firstSeen) {
            throw new IllegalArgumentException("StorySpan.lastSeen before firstSeen");
        }
    }

    public static StorySpan at(String storyId, long time) {
        return new StorySpan(storyId, time, time);
    }

    /** True when a document published at {@code time} is close enough to this span to belong to its story. */
    public boolean covers(long time, Duration window) {
        long w = window.toMillis();
        return time >= firstSeen - w && time <= lastSeen + w;
    }

    public boolean contains(long time) {
        return time >= firstSeen && time <= lastSeen;
    }

    public StorySpan extend(long time) {
        return contains(time) ? this : new StorySpan(storyId, Math.min(firstSeen, time), Math.max(lastSeen, time));
    }
}
