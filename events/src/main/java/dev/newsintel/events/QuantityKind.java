package dev.newsintel.events;

/** Kinds of normalised quantities. */
public enum QuantityKind {
    /** A money amount; unit is the ISO 4217 currency code. */
    MONEY,
    /** A model's parameter count; unit {@code parameters}. */
    PARAMETERS,
    /** A context window or token count; unit {@code tokens}. */
    TOKENS,
    /** A percentage; value in percent (12.5 for "12.5%"), unit {@code %}. */
    PERCENT,
    /** A duration; unit is the ISO 8601 unit word (year, month...), normalized the ISO 8601 period (P5Y). */
    DURATION,
    /** A count of things; unit names the things when known. */
    COUNT
}
