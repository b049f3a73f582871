package dev.newsintel.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number found in text, normalised exactly: "$26 billion" is MONEY 26000000000 USD, "1M-token" is TOKENS 1000000.
 *
 * @param value       the exact value (for a range, its lower end unless the text says otherwise)
 * @param unit        ISO currency for MONEY, {@code parameters}, {@code tokens}, {@code %}, a duration unit word, or
 *                    the counted noun
 * @param low         lower bound of a range, null when not a range
 * @param high        upper bound of a range, null when not a range
 * @param approximate true for "about", "nearly", "~" and the like
 * @param normalized  a canonical string form: {@code P5Y} for durations, {@code 26000000000 USD} for money
 */
public record Quantity(QuantityKind kind, String text, int start, int end, BigDecimal value, String unit,
                       BigDecimal low, BigDecimal high, boolean approximate, String normalized) {
    public Quantity {
        Objects.requireNonNull(kind, "Quantity.kind");
        Validation.requireText(text, "Quantity.text");
        Validation.requireSpan(start, end, "Quantity");
        Objects.requireNonNull(value, "Quantity.value");
    }
}
