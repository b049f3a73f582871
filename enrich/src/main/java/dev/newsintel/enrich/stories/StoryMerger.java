package dev.newsintel.enrich.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.newsintel.events.AiModel;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;

/** Builds a story's contribution from a document, and merges contributions into the story. Pure. */
public final class StoryMerger {
    private StoryMerger() {
    }

    /** What a document (with its story id set) contributes to its story. */
    public static StoryUpdate updateOf(EnrichedDocument document, long eventTime,
                                       List<dev.newsintel.enrich.alerts.AlertCandidate> alerts) {
        Objects.requireNonNull(document.storyId(), "document.storyId");
        Map<String, EntityRef> companies = new LinkedHashMap<>();
        // The filer as EDGAR names it; a filing named only by its cover page (no CIK) would add the name as printed
        // ("AMAZON.COM, INC.") beside the linked company its announcements already name.
        if (document.filing() != null && document.filing().cik() != null && document.filing().company() != null
                && !document.filing().company().isBlank()) {
            EntityRef filer = EntityRef.company(document.filing().company(), document.filing().cik(),
                    document.filing().ticker());
            companies.putIfAbsent(CompanyKey.of(filer), filer);
        }
        List<Money> amounts = new ArrayList<>();
        List<AiModel> models = new ArrayList<>();
        LinkedHashSet<dev.newsintel.events.AnnouncementType> types = new LinkedHashSet<>();
        List<String> announcementIds = new ArrayList<>();
        for (Announcement a : document.announcements()) {
            types.add(a.type());
            announcementIds.add(a.id());
            for (EntityRef ref : a.companyParties()) {
                companies.putIfAbsent(CompanyKey.of(ref), ref);
            }
            if (a.amount() != null) {
                amounts.add(a.amount());
            }
            if (a.model() != null) {
                models.add(a.model());
            }
        }
        Instant published = document.publishedAt() != null ? document.publishedAt()
                : Instant.ofEpochMilli(eventTime);
        Story.StorySource source = new Story.StorySource(document.id(), document.url(), document.site(),
                document.title(), published, document.kind());
        return new StoryUpdate(document.storyId(), source, eventTime, List.copyOf(companies.values()),
                List.copyOf(types), mergeAmounts(List.of(), amounts), mergeModels(List.of(), models),
                announcementIds, alerts);
    }

    /**
     * The story with the update merged in: the source added (or refreshed, when the document was re-processed),
     * first and last seen widened, companies, types, amounts (one per distinct amount) and models (one per model,
     * facts merged) united. The title is the earliest-published news source's ({@link #titleOf}).
     */
    public static Story merge(Story existing, StoryUpdate update, Instant now) {
        Instant time = Instant.ofEpochMilli(update.eventTime());
        if (existing == null) {
            return new Story(Story.SCHEMA_VERSION, update.storyId(), titleOf(List.of(update.source())), time, time,
                    List.of(update.source()), update.companies(), update.types(), update.amounts(), update.models(),
                    update.announcementIds(), now);
        }
        List<Story.StorySource> sources = new ArrayList<>(existing.sources());
        boolean replaced = false;
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).documentId().equals(update.source().documentId())) {
                sources.set(i, update.source());
                replaced = true;
            }
        }
        if (!replaced) {
            sources.add(update.source());
        }
        Instant firstSeen = existing.firstSeen() == null || time.isBefore(existing.firstSeen()) ? time
                : existing.firstSeen();
        Instant lastSeen = existing.lastSeen() == null || time.isAfter(existing.lastSeen()) ? time
                : existing.lastSeen();
        String title = titleOf(sources);
        Map<String, EntityRef> companies = new LinkedHashMap<>();
        existing.companies().forEach(c -> companies.putIfAbsent(CompanyKey.of(c), c));
        update.companies().forEach(c -> companies.putIfAbsent(CompanyKey.of(c), c));
        LinkedHashSet<dev.newsintel.events.AnnouncementType> types = new LinkedHashSet<>(existing.types());
        types.addAll(update.types());
        LinkedHashSet<String> announcementIds = new LinkedHashSet<>(existing.announcementIds());
        announcementIds.addAll(update.announcementIds());
        return new Story(Story.SCHEMA_VERSION, existing.id(), title, firstSeen, lastSeen, sources,
                List.copyOf(companies.values()), List.copyOf(types), mergeAmounts(existing.amounts(), update.amounts()),
                mergeModels(existing.models(), update.models()), List.copyOf(announcementIds), now);
    }

    /**
     * The earliest-published news source's title; a filing's only when no news source has one. A filing is often
     * the earliest source (EDGAR dates it by day, and companies file before the press writes), but its title is its
     * form and items ("Form 8-K (Item 7.01, 8.01, 9.01)"), which says nothing of what happened.
     */
    static String titleOf(List<Story.StorySource> sources) {
        return sources.stream()
                .filter(s -> s.title() != null && !s.title().isBlank())
                .min(Comparator.comparing((Story.StorySource s) -> s.kind() == DocumentKind.FILING)
                        .thenComparing(Story.StorySource::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Story.StorySource::title)
                .orElse(null);
    }

    static List<Money> mergeAmounts(List<Money> existing, List<Money> added) {
        Map<String, Money> byKey = new LinkedHashMap<>();
        existing.forEach(m -> byKey.putIfAbsent(StorySignals.amountKey(m), m));
        added.forEach(m -> byKey.putIfAbsent(StorySignals.amountKey(m), m));
        return List.copyOf(byKey.values());
    }

    static List<AiModel> mergeModels(List<AiModel> existing, List<AiModel> added) {
        Map<String, AiModel> byName = new LinkedHashMap<>();
        for (AiModel model : concat(existing, added)) {
            byName.merge(CompanyKey.normalizeName(model.name()), model, (a, b) -> new AiModel(a.name(),
                    first(a.parameters(), b.parameters()), first(a.activeParameters(), b.activeParameters()),
                    first(a.contextTokens(), b.contextTokens()), first(a.openWeights(), b.openWeights()),
                    List.copyOf(new LinkedHashSet<>(concat(a.modalities(), b.modalities())))));
        }
        return List.copyOf(byName.values());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
