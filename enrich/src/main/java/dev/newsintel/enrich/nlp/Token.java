package dev.newsintel.enrich.nlp;

/**
 * A token of the document text, with character offsets into that text ({@code end} exclusive).
 *
 * @param index position of the token within its sentence
 */
public record Token(String text, int start, int end, int index) {

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** Upper-case letters (and digits), at least one letter: "NVDA", "GPT", "H100". */
    public boolean isAllCaps() {
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

    public boolean isWord() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
