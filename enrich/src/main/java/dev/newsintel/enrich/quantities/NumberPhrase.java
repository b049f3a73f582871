package dev.newsintel.enrich.quantities;

import java.math.BigDecimal;

/**
 * A number as written, spanning lexemes {@code first..last} (inclusive): "26", "1.2bn", "twenty-six billion".
 *
 * @param scale      the multiplier of a scale word or suffix ("billion", "B", "k"), 1 when none
 * @param scaleGlued true when the scale is a letter glued to the digits ("26B", "3bn", "128K")
 * @param words      true when written in words
 */
record NumberPhrase(int first, int last, BigDecimal value, BigDecimal scale, boolean scaleGlued, boolean words,
                    String scaleWord) {

    boolean scaled() {
        return scale.compareTo(BigDecimal.ONE) != 0;
    }

    NumberPhrase withValue(BigDecimal newValue) {
        return new NumberPhrase(first, last, newValue, scale, scaleGlued, words, scaleWord);
    }
}
