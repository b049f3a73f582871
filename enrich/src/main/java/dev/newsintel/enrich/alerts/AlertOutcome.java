package dev.newsintel.enrich.alerts;

import dev.newsintel.events.Alert;

/**
 * A raised alert, and whether its rule's topic exists to receive it (the firehose always does).
 */
public record AlertOutcome(Alert alert, boolean routable) {
}
