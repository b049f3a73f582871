package dev.newsintel.enrich.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.newsintel.enrich.stories.CompanyKey;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Subscription;

/**
 * A user's rule, as the topology evaluates it. Every given criterion must hold:
 *
 * <ul>
 *   <li>With announcement criteria (types, minimum amount, model facts), one announcement must satisfy all of them
 *       and, when companies are given, name one of them as company, target or counterparty.</li>
 *   <li>Without them, the companies are looked for anywhere in the document: its filer, its announcements, its
 *       linked entities.</li>
 *   <li>Terms must all occur, as whole words, in the title or the text.</li>
 * </ul>
 */
public final class SubscriptionRule implements AlertRule {
    private final Subscription subscription;

    public SubscriptionRule(Subscription subscription) {
        this.subscription = Objects.requireNonNull(subscription, "subscription");
    }

    public Subscription subscription() {
        return subscription;
    }

    @Override
    public String id() {
        return subscription.id();
    }

    @Override
    public String name() {
        return subscription.name() == null || subscription.name().isBlank() ? subscription.id() : subscription.name();
    }

    @Override
    public Optional<Match> match(MatchableDocument document) {
        List<String> termReasons = new ArrayList<>();
        for (String term : subscription.terms()) {
            if (!document.contains(term)) {
                return Optional.empty();
            }
            termReasons.add("term \"" + term + "\"");
        }
        if (hasAnnouncementCriteria()) {
            for (Announcement a : document.announcements()) {
                List<String> reasons = matchAnnouncement(a);
                if (reasons != null) {
                    reasons.addAll(termReasons);
                    return Optional.of(new Match(a, reasons));
                }
            }
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        Announcement about = null;
        if (!subscription.companies().isEmpty()) {
            EntityRef company = document.companies().stream().filter(this::wanted).findFirst().orElse(null);
            if (company == null) {
                return Optional.empty();
            }
            reasons.add("company " + describe(company));
            about = document.announcements().stream()
                    .filter(a -> wanted(a.company()) || wanted(a.target()) || wanted(a.counterparty()))
                    .findFirst().orElse(null);
        }
        reasons.addAll(termReasons);
        return Optional.of(new Match(about, reasons));
    }

    private boolean hasAnnouncementCriteria() {
        return !subscription.types().isEmpty() || subscription.minAmountUsd() != null
                || subscription.minParameters() != null || subscription.openWeights() != null;
    }

    /** The reasons an announcement satisfies every criterion, null when one fails. */
    private List<String> matchAnnouncement(Announcement a) {
        List<String> reasons = new ArrayList<>();
        if (!subscription.companies().isEmpty()) {
            EntityRef party = wanted(a.company()) ? a.company() : wanted(a.target()) ? a.target()
                    : wanted(a.counterparty()) ? a.counterparty() : null;
            if (party == null) {
                return null;
            }
            reasons.add("company " + describe(party));
        }
        if (!subscription.types().isEmpty()) {
            if (!subscription.types().contains(a.type())) {
                return null;
            }
            reasons.add("type " + a.type());
        }
        if (subscription.minAmountUsd() != null) {
            BigDecimal usd = MatchableDocument.usd(a.amount());
            if (usd == null || usd.compareTo(subscription.minAmountUsd()) < 0) {
                return null;
            }
            reasons.add("amount " + usd.toPlainString() + " USD >= " + subscription.minAmountUsd().toPlainString()
                    + " USD");
        }
        if (subscription.minParameters() != null) {
            if (a.model() == null || a.model().parameters() == null
                    || a.model().parameters() < subscription.minParameters()) {
                return null;
            }
            reasons.add("model " + a.model().name() + " has " + a.model().parameters() + " parameters >= "
                    + subscription.minParameters());
        }
        if (subscription.openWeights() != null) {
            if (a.model() == null || !subscription.openWeights().equals(a.model().openWeights())) {
                return null;
            }
            reasons.add("model " + a.model().name() + (subscription.openWeights() ? " has open weights"
                    : " has closed weights"));
        }
        return reasons;
    }

    private boolean wanted(EntityRef ref) {
        return ref != null && subscription.companies().stream().anyMatch(c -> CompanyKey.matches(c, ref));
    }

    static String describe(EntityRef company) {
        StringBuilder s = new StringBuilder(company.name());
        if (company.ticker() != null) {
            s.append(" (").append(company.ticker()).append(')');
        }
        if (company.cik() != null) {
            s.append(" CIK ").append(company.cik());
        }
        return s.toString();
    }
}
