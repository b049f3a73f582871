package dev.newsintel.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A money amount in its original currency, with its value in US dollars when a rate is known.
 *
 * @param currency ISO 4217 code
 * @param usd      the amount converted to USD at the reference rate enrichment used, null when unknown
 */
public record Money(BigDecimal value, String currency, BigDecimal usd) {
    public Money {
        Objects.requireNonNull(value, "Money.value");
        Validation.requireText(currency, "Money.currency");
    }

    public static Money usd(BigDecimal value) {
        return new Money(value, "USD", value);
    }
}
