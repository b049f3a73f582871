package dev.newsintel.enrich.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Topics;

/**
 * The rules every deployment has, whose alert topics exist without any subscription
 * ({@link Topics#ALERTS_LARGE_INVESTMENTS}, {@link Topics#ALERTS_MODEL_RELEASES}, {@link Topics#ALERTS_MATERIAL_EVENTS}).
 */
public final class BuiltInRules {
    public static final String LARGE_INVESTMENTS = "large-investments";
    public static final String MODEL_RELEASES = "model-releases";
    public static final String MATERIAL_EVENTS = "material-events";

    /** Default threshold of {@link #LARGE_INVESTMENTS}: one billion US dollars. */
    public static final BigDecimal DEFAULT_LARGE_INVESTMENT_USD = new BigDecimal("1000000000");

    /**
     * The 8-K items {@link #MATERIAL_EVENTS} alerts on: agreements, deals, distress, accounting and control events
     * and changes of officers. Left out on purpose: results (2.02, the EARNINGS type), Regulation FD and other
     * events (7.01, 8.01: mostly press releases), exhibits (9.01), and shareholder votes and governance filings
     * (5.03-5.08), which are routine.
     */
    public static final Map<String, String> MATERIAL_ITEMS = materialItems();

    private static final Set<AnnouncementType> INVESTMENT_TYPES = Set.of(AnnouncementType.INVESTMENT,
            AnnouncementType.FUNDING_ROUND, AnnouncementType.ACQUISITION);

    private BuiltInRules() {
    }

    /** The three built-in rules; {@code largeInvestmentUsd} is the threshold of {@link #LARGE_INVESTMENTS}. */
    public static List<AlertRule> all(BigDecimal largeInvestmentUsd) {
        return List.of(largeInvestments(largeInvestmentUsd), modelReleases(), materialEvents());
    }

    public static boolean isBuiltIn(String ruleId) {
        return Topics.BUILT_IN_ALERT_RULES.contains(ruleId);
    }

    /** Investments, funding rounds and acquisitions of at least the threshold, in USD. */
    public static AlertRule largeInvestments(BigDecimal thresholdUsd) {
        return rule(LARGE_INVESTMENTS, "Large investments", document -> {
            for (Announcement a : document.announcements()) {
                BigDecimal usd = MatchableDocument.usd(a.amount());
                if (INVESTMENT_TYPES.contains(a.type()) && usd != null && usd.compareTo(thresholdUsd) >= 0) {
                    return Optional.of(new AlertRule.Match(a, List.of("type " + a.type(), "amount "
                            + usd.toPlainString() + " USD >= " + thresholdUsd.toPlainString() + " USD")));
                }
            }
            return Optional.empty();
        });
    }

    /** Every model release. */
    public static AlertRule modelReleases() {
        return rule(MODEL_RELEASES, "Model releases", document -> document.announcements().stream()
                .filter(a -> a.type() == AnnouncementType.MODEL_RELEASE)
                .findFirst()
                .map(a -> new AlertRule.Match(a, List.of("type MODEL_RELEASE"
                        + (a.model() != null ? ": " + a.model().name() : "")))));
    }

    /**
     * 8-K filings reporting one of {@link #MATERIAL_ITEMS}: read from an announcement's item, or from the items the
     * filing lists when no announcement was extracted for it.
     */
    public static AlertRule materialEvents() {
        return rule(MATERIAL_EVENTS, "8-K material events", document -> {
            for (Announcement a : document.announcements()) {
                String item = normalizeItem(a.item());
                if (item != null && MATERIAL_ITEMS.containsKey(item)) {
                    return Optional.of(new AlertRule.Match(a, List.of(reason(item))));
                }
            }
            Filing filing = document.document().filing();
            if (filing != null && filing.form() != null && filing.form().toUpperCase(Locale.ROOT).startsWith("8-K")) {
                List<String> reasons = new ArrayList<>();
                for (String listed : filing.items()) {
                    String item = normalizeItem(listed);
                    if (item != null && MATERIAL_ITEMS.containsKey(item)) {
                        reasons.add(reason(item));
                    }
                }
                if (!reasons.isEmpty()) {
                    return Optional.of(new AlertRule.Match(null, reasons));
                }
            }
            return Optional.empty();
        });
    }

    /** "Item 5.02", "5.02 " and "5.02" are item 5.02. */
    static String normalizeItem(String item) {
        if (item == null) {
            return null;
        }
        String s = item.strip().toLowerCase(Locale.ROOT).replaceFirst("^item\\s*", "");
        return s.isEmpty() ? null : s;
    }

    private static String reason(String item) {
        return "8-K item " + item + ": " + MATERIAL_ITEMS.get(item);
    }

    private static Map<String, String> materialItems() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("1.01", "Entry into a Material Definitive Agreement");
        items.put("1.02", "Termination of a Material Definitive Agreement");
        items.put("1.03", "Bankruptcy or Receivership");
        items.put("1.05", "Material Cybersecurity Incidents");
        items.put("2.01", "Completion of Acquisition or Disposition of Assets");
        items.put("2.04", "Triggering Events That Accelerate or Increase a Direct Financial Obligation");
        items.put("2.05", "Costs Associated with Exit or Disposal Activities");
        items.put("2.06", "Material Impairments");
        items.put("3.01", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule");
        items.put("4.01", "Changes in Registrant's Certifying Accountant");
        items.put("4.02", "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report");
        items.put("5.01", "Changes in Control of Registrant");
        items.put("5.02", "Departure of Directors or Certain Officers; Election of Directors; Appointment of"
                + " Certain Officers");
        return java.util.Collections.unmodifiableMap(items);
    }

    private interface Matcher {
        Optional<AlertRule.Match> match(MatchableDocument document);
    }

    private static AlertRule rule(String id, String name, Matcher matcher) {
        return new AlertRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Match> match(MatchableDocument document) {
                return matcher.match(document);
            }

            @Override
            public String toString() {
                return "BuiltInRule[" + id + "]";
            }
        };
    }
}
