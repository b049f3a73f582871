package dev.newsintel.enrich.alerts;

import java.util.List;
import java.util.Optional;

import dev.newsintel.events.Announcement;

/** A rule documents are matched against: a user's {@link SubscriptionRule} or one of the {@link BuiltInRules}. */
public interface AlertRule {
    String id();

    String name();

    /** Why the document matches, or empty when it does not. */
    Optional<Match> match(MatchableDocument document);

    /**
     * A match.
     *
     * @param announcement the announcement that matched, null when the document as a whole matched
     * @param reasons      one line per criterion, e.g. {@code type INVESTMENT}, {@code amount 26000000000 USD >= 1000000000 USD}
     */
    record Match(Announcement announcement, List<String> reasons) {
        public Match {
            reasons = List.copyOf(reasons);
        }
    }
}
