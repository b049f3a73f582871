package dev.newsintel.enrich.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piece of text as the quantity grammar sees it: a run of letters, a number literal ({@code 1,234.5}) or one
 * other character. Letters and digits are split apart ("26B" is 26 and B, "USD3" is USD and 3) and {@link #glued}
 * tells whether whitespace separated a lexeme from the previous one.
 */
record Lexeme(Kind kind, String text, String lower, int start, int end, boolean glued) {
    enum Kind { WORD, NUM, SYM }

    boolean is(String lowerText) {
        return lower.equals(lowerText);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNum() {
        return kind == Kind.NUM;
    }

    boolean isSym(String s) {
        return kind == Kind.SYM && text.equals(s);
    }

    static List<Lexeme> lex(String text) {
        List<Lexeme> out = new ArrayList<>(text.length() / 4);
        int n = text.length();
        int i = 0;
        boolean space = true;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1))
                    && (i == 0 || !isDigit(text.charAt(i - 1))))) {
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (isDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.') && i + 1 < n && isDigit(text.charAt(i + 1))
                            && !(d == '.' && text.substring(start, i).indexOf('.') >= 0)) {
                        i++;
                    } else {
                        break;
                    }
                }
                kind = Kind.NUM;
            } else if (Character.isLetter(c)) {
                i++;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
                i += Character.charCount(text.codePointAt(i));
                kind = Kind.SYM;
            }
            String t = text.substring(start, i);
            out.add(new Lexeme(kind, t, kind == Kind.WORD ? t.toLowerCase(Locale.ROOT) : t, start, i, !space));
            space = false;
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
