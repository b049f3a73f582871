package dev.newsintel.enrich.stories;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Money;

/**
 * What a document is matched to stories by.
 *
 * <ul>
 *   <li>Fact signatures, one per announcement: the maker and the model ({@code model:nvidia|nemotron 3 super},
 *       with the model's name alone as a weak one), else the companies, the amount rounded to two significant
 *       digits and what it is ({@code fact:nvidia|2.6E+10 USD|deal}), else the parties and the type
 *       ({@code fact:jane doe+totalenergies|executive_change}). A signature of one company and a type alone
 *       ({@code fact:apple|product_launch}) is <b>weak</b>: a company makes several announcements of one type within
 *       days (two launches, two 8-Ks under Item 8.01), so it never decides a story on its own; it only confirms what
 *       the text bands suggest.</li>
 *   <li>A text signature: MinHash LSH bands of the word shingles ({@code band:<i>:<hash>}), which near-duplicates
 *       share (a filer's primary filing documents only with the same filer's: see {@link #textScope}), and a
 *       fingerprint of the whole MinHash signature ({@code text:<hash>}), which exact duplicates (the same words)
 *       always share and different texts practically never do. A single MinHash value would not do: two texts share
 *       it with probability equal to their similarity, so unrelated reports sharing boilerplate would be forced
 *       into one story through the anchor, and with thousands of documents in a window most documents without
 *       facts would collide with some other one.</li>
 * </ul>
 *
 * <p>The <b>anchor</b> is the one signature whose partition decides the document's story: the primary fact (the
 * announcement read first in the text: the headline's, weak ones left out), else the text signature, else the
 * document itself. Every document with the same anchor is decided by one task, in order, so documents sharing an
 * anchor always share a story; the other signatures only suggest a story when the anchor has none yet.
 *
 * <p>A filer's primary filing document that is not an amendment takes no story from its text bands: each accession
 * number is a report of its own, and two 8-Ks of one filer are near-duplicates by their cover page and legal
 * phrases alone. Its bands are still recorded, so its amendment ({@code 8-K/A}) finds it.
 *
 * @param anchor              the deciding signature
 * @param factKeys            every decisive fact signature, the primary first
 * @param weakFactKeys        the weak fact signatures (one company and a type)
 * @param bandKeys            the LSH band keys, empty for short texts
 * @param textAnchor          the fingerprint of the whole MinHash signature, null for short texts
 * @param joinsNearDuplicates whether shared bands may suggest this document's story (false for a filer's primary
 *                            filing document that is not an amendment)
 */
public record StorySignals(String anchor, List<String> factKeys, List<String> weakFactKeys, List<String> bandKeys,
                           String textAnchor, boolean joinsNearDuplicates) {
    public StorySignals {
        Objects.requireNonNull(anchor, "anchor");
        factKeys = List.copyOf(factKeys);
        weakFactKeys = List.copyOf(weakFactKeys);
        bandKeys = List.copyOf(bandKeys);
    }

    public static String docKey(String documentId) {
        return "doc:" + documentId;
    }

    /**
     * The story index key of a signature for a document published at {@code time}: the signature and the
     * window-long bucket of publication time it falls in ({@code fact:nvidia|2.6E+10 USD|deal@6786}). With one entry
     * per signature, a story months away took the entry over from the one before, and a replay that read the later
     * story first left the earlier story's late copies nothing to find. Within one bucket all documents are within a
     * window of each other, so one story per bucket is right.
     */
    public static String indexKey(String signature, long time, Duration window) {
        return signature + "@" + Math.floorDiv(time, window.toMillis());
    }

    /**
     * The keys a signature is looked up under for a document published at {@code time}: its bucket and both
     * neighbours. When a story's span for the signature covers the time, a document of the story carrying the
     * signature lies within a window of it (a span grows only by documents within a window of it), and that
     * document's bucket is one of the three.
     */
    public static List<String> lookupKeys(String signature, long time, Duration window) {
        long bucket = Math.floorDiv(time, window.toMillis());
        return List.of(signature + "@" + bucket, signature + "@" + (bucket - 1), signature + "@" + (bucket + 1));
    }

    /** Every signature that goes to the story index (facts and bands); the document key is added separately. */
    public List<String> indexKeys() {
        List<String> keys = new ArrayList<>(factKeys.size() + weakFactKeys.size() + bandKeys.size());
        keys.addAll(factKeys);
        keys.addAll(weakFactKeys);
        keys.addAll(bandKeys);
        return keys;
    }

    public static StorySignals of(EnrichedDocument document, StoryConfig config, MinHash minHash) {
        Set<String> decisive = new LinkedHashSet<>();
        Set<String> weakFacts = new LinkedHashSet<>();
        for (Announcement a : confidentInReadingOrder(document.announcements(), config.minConfidence())) {
            for (Fact fact : facts(a)) {
                (fact.weak() ? weakFacts : decisive).add(fact.key());
            }
        }
        weakFacts.removeAll(decisive);
        List<String> facts = List.copyOf(decisive);
        long[] shingles = MinHash.scoped(minHash.shingles(document.text()), textScope(document));
        List<String> bands = List.of();
        String textAnchor = null;
        if (shingles.length >= config.minShingles()) {
            long[] signature = minHash.signature(shingles);
            bands = List.of(MinHash.bands(signature, config.bands(), config.rowsPerBand()));
            textAnchor = "text:" + Long.toHexString(MinHash.fingerprint(signature));
        }
        String anchor = !facts.isEmpty() ? facts.get(0) : textAnchor != null ? textAnchor : docKey(document.id());
        return new StorySignals(anchor, facts, List.copyOf(weakFacts), bands, textAnchor,
                !isOriginalFiling(document));
    }

    /**
     * Whose texts a document's text is compared with: a filer's primary filing documents only with that filer's
     * own (an 8-K and its amendment), because every filer's cover page and legal phrases are the same boilerplate and
     * two short 8-Ks of different companies look like near-duplicates; everything else (news, press releases filed as
     * exhibits) with everything else. Null: no scope.
     */
    static String textScope(EnrichedDocument document) {
        Filing filing = document.filing();
        if (document.kind() != DocumentKind.FILING || filing == null || filing.exhibit() != null) {
            return null;
        }
        if (filing.cik() != null && !filing.cik().isBlank()) {
            return "filer:" + filing.cik().replaceFirst("^0+", "");
        }
        // A filing read without EDGAR's metadata (a replayed folder) is named only by its cover page.
        String name = filing.company() == null ? "" : CompanyKey.normalizeName(filing.company());
        return name.isEmpty() ? null : "filer-name:" + name;
    }

    /** A filer's own filing document (not an exhibit) that does not amend an earlier one. */
    static boolean isOriginalFiling(EnrichedDocument document) {
        Filing filing = document.filing();
        return textScope(document) != null && (filing.form() == null || !filing.form().strip().endsWith("/A"));
    }

    private static List<Announcement> confidentInReadingOrder(List<Announcement> announcements, double minConfidence) {
        return announcements.stream()
                .filter(a -> a.confidence() >= minConfidence)
                .sorted(Comparator.comparingInt((Announcement a) -> a.evidence() == null ? Integer.MAX_VALUE
                                : a.evidence().start())
                        .thenComparing(Comparator.comparingDouble(Announcement::confidence).reversed())
                        .thenComparing(Announcement::id))
                .toList();
    }

    /**
     * The first signature of one announcement (the deciding one when it has one), null when it names neither a model
     * nor a company.
     */
    public static String factKey(Announcement a) {
        List<Fact> facts = facts(a);
        return facts.isEmpty() ? null : facts.get(0).key();
    }

    /**
     * An announcement's signature, and whether it is weak: one company and a type, nothing that tells one such
     * announcement from the next (see the class comment).
     */
    private record Fact(String key, boolean weak) {
    }

    /**
     * An announcement's signatures. A model release is its maker's and the model's ({@code model:nvidia|nemotron 3
     * super}): two makers' products of one name in one week ("Halo 3" the switch, "Halo 3" the assistant) are two
     * stories. The model's name alone is a weak signature besides, so a report that does not say who made the model
     * still finds the story through it (it decides that report's own story, see {@link StoryRouter}), while a second
     * maker's release of the same name needs shared text as well.
     */
    private static List<Fact> facts(Announcement a) {
        if (a.model() != null) {
            String model = CompanyKey.normalizeName(a.model().name());
            if (!model.isEmpty()) {
                String maker = a.company() == null ? "" : CompanyKey.of(a.company());
                return maker.isEmpty() ? List.of(new Fact("model:" + model, false))
                        : List.of(new Fact("model:" + maker + "|" + model, false), new Fact("model:" + model, true));
            }
        }
        Set<String> companies = new TreeSet<>();
        for (EntityRef ref : new EntityRef[] {a.company(), a.target(), a.counterparty()}) {
            if (ref != null) {
                companies.add(CompanyKey.of(ref));
            }
        }
        if (companies.isEmpty()) {
            return List.of();
        }
        String parties = String.join("+", companies);
        String amount = amountKey(a.amount());
        return List.of(amount != null ? new Fact("fact:" + parties + "|" + amount + "|" + amountKind(a.type()), false)
                : new Fact("fact:" + parties + "|" + a.type().name().toLowerCase(Locale.ROOT), companies.size() == 1));
    }

    /**
     * What an amount is: money committed in a deal, whichever of investment, funding round, acquisition, partnership
     * or agreement an outlet calls it ("Nvidia's $26bn bet" is one outlet's investment and another's programme), else
     * the type's own (a quarter's revenue is no deal: a company reporting $9.7 billion of revenue and another week
     * investing $9.7 billion are two stories).
     */
    private static String amountKind(AnnouncementType type) {
        return switch (type) {
            case INVESTMENT, FUNDING_ROUND, ACQUISITION, PARTNERSHIP, MATERIAL_AGREEMENT -> "deal";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** An amount rounded to two significant digits, in USD when known: "$26bn" and "$26.2 billion" agree. */
    public static String amountKey(Money money) {
        if (money == null) {
            return null;
        }
        BigDecimal value = money.usd() != null ? money.usd() : money.value();
        String currency = money.usd() != null ? "USD" : money.currency().toUpperCase(Locale.ROOT);
        if (value.signum() == 0) {
            return "0 " + currency;
        }
        return value.round(new MathContext(2)).stripTrailingZeros().toString() + " " + currency;
    }
}
