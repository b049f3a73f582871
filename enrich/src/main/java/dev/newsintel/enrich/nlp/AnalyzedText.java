package dev.newsintel.enrich.nlp;

import java.util.List;

/** A document text split into sentences and tokens; all offsets point into {@link #text()}. */
public record AnalyzedText(String text, List<Sentence> sentences) {
    public AnalyzedText {
        sentences = List.copyOf(sentences);
    }

    /** The sentence containing {@code offset}, or null when the offset lies between sentences. */
    public Sentence sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
