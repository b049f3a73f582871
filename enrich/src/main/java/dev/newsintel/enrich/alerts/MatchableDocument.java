package dev.newsintel.enrich.alerts;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.newsintel.events.Announcement;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Money;

/**
 * A document prepared once for matching against every rule: announcements in reading order, the companies it
 * names, and its title and text folded for term search.
 */
public final class MatchableDocument {
    private final EnrichedDocument document;
    private final List<Announcement> announcements;
    private final List<EntityRef> companies;
    private final String folded;

    public MatchableDocument(EnrichedDocument document) {
        this.document = document;
        this.announcements = document.announcements().stream()
                .sorted(Comparator.comparingInt(a -> a.evidence() == null ? Integer.MAX_VALUE : a.evidence().start()))
                .toList();
        List<EntityRef> refs = new ArrayList<>();
        if (document.filing() != null && document.filing().company() != null
                && !document.filing().company().isBlank()) {
            refs.add(EntityRef.company(document.filing().company(), document.filing().cik(),
                    document.filing().ticker()));
        }
        for (Announcement a : announcements) {
            for (EntityRef ref : new EntityRef[] {a.company(), a.target(), a.counterparty()}) {
                if (ref != null) {
                    refs.add(ref);
                }
            }
        }
        for (Entity e : document.entities()) {
            if (e.canonical() != null) {
                refs.add(e.canonical());
            } else if (e.type() == EntityType.ORG) {
                refs.add(EntityRef.company(e.text(), null, null));
            }
        }
        this.companies = List.copyOf(refs);
        this.folded = " " + fold((document.title() == null ? "" : document.title()) + "\n" + document.text()) + " ";
    }

    public EnrichedDocument document() {
        return document;
    }

    public List<Announcement> announcements() {
        return announcements;
    }

    /** Companies the document names: its filer, the parties of its announcements, its linked entities. */
    public List<EntityRef> companies() {
        return companies;
    }

    /**
     * True when the term occurs in the title or text as whole words, ignoring case and accents: "open weights"
     * is found in "Open-Weights" but "AI" is not found in "said".
     */
    public boolean contains(String term) {
        String t = fold(term == null ? "" : term).strip();
        return !t.isEmpty() && folded.contains(" " + t + " ");
    }

    /** An amount in USD: converted when enrichment knew the rate, as is when in USD, else unknown (null). */
    public static BigDecimal usd(Money money) {
        if (money == null) {
            return null;
        }
        if (money.usd() != null) {
            return money.usd();
        }
        return "USD".equalsIgnoreCase(money.currency()) ? money.value() : null;
    }

    /** Lower case, accents removed, every run of non-word characters one space. */
    static String fold(String s) {
        String lower = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^\\p{L}\\p{N}]+", " ");
    }
}
