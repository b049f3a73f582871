package dev.newsintel.enrich.nlp;

import java.util.List;

/**
 * A sentence of the document text: its offsets and its tokens (whose offsets are document offsets too).
 *
 * @param index position of the sentence within the document
 */
public record Sentence(int index, int start, int end, String text, List<Token> tokens) {
    public Sentence {
        tokens = List.copyOf(tokens);
    }

    /** The token strings, as the OpenNLP name finder wants them. */
    public String[] tokenTexts() {
        String[] texts = new String[tokens.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = tokens.get(i).text();
        }
        return texts;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** The index of the first token starting at or after {@code offset}, or {@code tokens.size()}. */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
