package dev.newsintel.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A user's alert rule. Empty criteria match anything; given criteria must all match.
 *
 * @param companies      tickers, CIKs or names
 * @param types          announcement types
 * @param minAmountUsd   smallest amount in USD
 * @param minParameters  smallest model parameter count
 * @param openWeights    required open-weights flag of a model
 * @param terms          full-text terms, all of which must occur in the title or text
 */
public record Subscription(int schemaVersion, String id, String name, List<String> companies,
                           List<AnnouncementType> types, BigDecimal minAmountUsd, Long minParameters,
                           Boolean openWeights, List<String> terms, Instant createdAt, Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Subscription {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "Subscription.id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException(
                    "Subscription.id must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit: "
                            + id);
        }
        companies = Validation.listOrEmpty(companies);
        types = Validation.listOrEmpty(types);
        terms = Validation.listOrEmpty(terms);
    }
}
