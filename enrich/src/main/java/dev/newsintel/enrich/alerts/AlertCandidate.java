package dev.newsintel.enrich.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.newsintel.events.Announcement;

/**
 * A rule a document matched, before deduplication: the story's partition turns the first candidate of each
 * (rule, story) into an {@link dev.newsintel.events.Alert} and drops the others.
 *
 * @param announcement the announcement that matched, null when the rule matched the document itself
 */
public record AlertCandidate(String ruleId, String ruleName, List<String> reasons, Announcement announcement,
                             String documentId, String title, String url, Instant publishedAt) {
    public AlertCandidate {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(documentId, "documentId");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
