package dev.newsintel.enrich.stories;

import java.time.Duration;
import java.util.Objects;

/**
 * How documents are grouped into stories.
 *
 * @param window          how close in publication time two documents must be to share a story: a document joins a
 *                        story when it was published within this window of the story's first or last document
 * @param retention       how long (in stream time, after a signature was last seen) the story index and the anchor
 *                        store keep a signature; at least {@code window}
 * @param storyRetention  how long a story's merged state is kept after its last document; a document re-processed
 *                        later still keeps its story id, but the story's state starts again from it
 * @param shingleWords    words per shingle of the near-duplicate signature
 * @param bands           MinHash LSH bands
 * @param rowsPerBand     MinHash values per band ({@code bands x rowsPerBand} hash functions in all)
 * @param minBandMatches  bands a document must share with a story to be taken for a near-duplicate of it
 * @param minShingles     documents with fewer shingles (very short texts) get no near-duplicate signature
 * @param maxTokens       only the first this many words of a document are shingled (bounds the cost of huge texts)
 * @param minConfidence   announcements below this confidence give no fact signature
 */
public record StoryConfig(Duration window, Duration retention, Duration storyRetention, int shingleWords, int bands,
                          int rowsPerBand, int minBandMatches, int minShingles, int maxTokens,
                          double minConfidence) {

    public StoryConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(storyRetention, "storyRetention");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("StoryConfig.window must be positive: " + window);
        }
        if (retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("StoryConfig.retention must be at least the window: " + retention);
        }
        if (storyRetention.compareTo(window) < 0) {
            throw new IllegalArgumentException("StoryConfig.storyRetention must be at least the window");
        }
        if (shingleWords < 1 || bands < 1 || rowsPerBand < 1 || minBandMatches < 1 || minBandMatches > bands
                || minShingles < 1 || maxTokens < shingleWords) {
            throw new IllegalArgumentException("StoryConfig: shingleWords, bands, rowsPerBand, minShingles must be"
                    + " positive, minBandMatches within [1, bands], maxTokens at least shingleWords");
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("StoryConfig.minConfidence must be within [0, 1]");
        }
    }

    /**
     * Three days for "close in time"; 20 bands of 6 MinHash values over 5-word shingles, two shared bands: a pair
     * of texts with Jaccard similarity 0.8 is found with probability ~0.98, one with 0.5 with ~0.04, one with 0.3
     * with ~0.0001 (see docs/stories-and-alerts.md).
     */
    public static StoryConfig defaults() {
        return new StoryConfig(Duration.ofDays(3), Duration.ofDays(6), Duration.ofDays(30), 5, 20, 6, 2, 20,
                50_000, 0.5);
    }

    public StoryConfig withWindow(Duration newWindow) {
        Duration newRetention = retention.compareTo(newWindow) < 0 ? newWindow.multipliedBy(2) : retention;
        Duration newStoryRetention = storyRetention.compareTo(newWindow) < 0 ? newWindow.multipliedBy(10)
                : storyRetention;
        return new StoryConfig(newWindow, newRetention, newStoryRetention, shingleWords, bands, rowsPerBand,
                minBandMatches, minShingles, maxTokens, minConfidence);
    }

    public int hashes() {
        return bands * rowsPerBand;
    }
}
