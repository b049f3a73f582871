package dev.newsintel.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simple, deterministic tokenisation the gazetteers use for both their entries and the text: runs of letters
 * and digits, and every other non-space character alone. Sharing one tokenisation is what lets a trie built from
 * "Amazon.com, Inc." match the same words in any text.
 */
final class NameTokens {
    /** One token: its case-folded key, its original text and its offsets in the text. */
    record NameToken(String key, String text, int start, int end, boolean spaceBefore) {
        boolean isAlnum() {
            return Character.isLetterOrDigit(text.charAt(0));
        }

        boolean isCapitalized() {
            return Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0));
        }

        boolean isAllCaps() {
            boolean letter = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    if (!Character.isUpperCase(c)) {
                        return false;
                    }
                    letter = true;
                }
            }
            return letter;
        }

        boolean isLower() {
            return Character.isLowerCase(text.charAt(0));
        }
    }

    private NameTokens() {
    }

    static List<NameToken> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    static List<NameToken> tokenize(String text, int from, int to) {
        List<NameToken> out = new ArrayList<>();
        int i = from;
        boolean space = true;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                while (i < to && (Character.isLetterOrDigit(text.charAt(i)))) {
                    i++;
                }
            } else {
                i++;
            }
            String t = text.substring(start, i);
            out.add(new NameToken(key(t), t, start, i, space));
            space = false;
        }
        return out;
    }

    /** Case-folded, with typographic apostrophes and dashes folded to ASCII. */
    static String key(String token) {
        return switch (token) {
            case "\u2019", "\u2018" -> "'";
            case "\u2013", "\u2014" -> "-";
            default -> token.toLowerCase(Locale.ROOT);
        };
    }

    static List<String> keys(String phrase) {
        List<String> keys = new ArrayList<>();
        for (NameToken t : tokenize(phrase)) {
            keys.add(t.key());
        }
        return keys;
    }
}
