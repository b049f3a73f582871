package dev.newsintel.enrich;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsintel.events.AiModel;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Evidence;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Money;
import dev.newsintel.events.RawDocument;

/**
 * Documents for topology tests, and an enrichment double: the text is the body, the facts are what the test says
 * the document reports (the real extraction is tested on its own; here the topology is).
 */
final class Fixtures implements EnrichTopology.Enrichment {
    static final EntityRef NVIDIA = new EntityRef("cik:0001045810", "NVIDIA CORP", "0001045810", "NVDA");
    static final EntityRef NVIDIA_UNLINKED = EntityRef.company("Nvidia", null, null);

    private final Map<String, List<Announcement>> facts = new ConcurrentHashMap<>();
    private final Map<String, Filing> filings = new HashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Registers what a document reports; announcements are given their document id here. */
    void reports(String documentId, Announcement... announcements) {
        List<Announcement> list = new ArrayList<>();
        for (Announcement a : announcements) {
            list.add(new Announcement(Announcement.SCHEMA_VERSION,
                    Announcement.idFor(documentId, a.type(), a.evidence().start(), a.evidence().end()), a.type(),
                    documentId, a.company(), a.amount(), a.period(), a.target(), a.counterparty(), a.model(),
                    a.item(), a.evidence(), a.confidence(), a.publishedAt(), a.url(), a.title(), a.source(), null));
        }
        facts.put(documentId, List.copyOf(list));
    }

    void filing(String documentId, Filing filing) {
        filings.put(documentId, filing);
    }

    void failOn(String documentId) {
        failing.add(documentId);
    }

    @Override
    public EnrichedDocument enrich(RawDocument raw) {
        if (failing.contains(raw.id())) {
            throw new EnrichmentException("Cannot read " + raw.id() + ": test failure");
        }
        String text = raw.bodyAsString();
        String title = raw.metadata("title") != null ? raw.metadata("title") : text.lines().findFirst().orElse("");
        return new EnrichedDocument(EnrichedDocument.SCHEMA_VERSION, raw.id(), raw.kind(), raw.sourceId(), raw.url(),
                title, text, raw.publishedAt(), raw.fetchedAt(), null, "en", raw.metadata("site"),
                filings.get(raw.id()), List.of(), List.of(), facts.getOrDefault(raw.id(), List.of()), null,
                raw.fetchedAt(), raw.metadata());
    }

    static RawDocument news(String id, Instant publishedAt, String site, String title, String text) {
        return RawDocument.of(id, DocumentKind.NEWS, "test", "https://" + site + "/" + id, "text/plain",
                publishedAt == null ? Instant.parse("2026-03-12T00:00:00Z") : publishedAt, publishedAt,
                Map.of("title", title, "site", site), text.getBytes(StandardCharsets.UTF_8));
    }

    static RawDocument filing(String id, Instant publishedAt, String text) {
        return RawDocument.of(id, DocumentKind.FILING, "edgar", "https://www.sec.gov/Archives/" + id, "text/plain",
                publishedAt, publishedAt, Map.of("title", "8-K"), text.getBytes(StandardCharsets.UTF_8));
    }

    static Announcement investment(EntityRef company, String usd, int evidenceStart, String sentence) {
        return announcement(AnnouncementType.INVESTMENT, company, Money.usd(new BigDecimal(usd)), null, evidenceStart,
                sentence);
    }

    static Announcement modelRelease(EntityRef company, AiModel model, int evidenceStart, String sentence) {
        return announcement(AnnouncementType.MODEL_RELEASE, company, null, model, evidenceStart, sentence);
    }

    static Announcement announcement(AnnouncementType type, EntityRef company, Money amount, AiModel model,
                                     int evidenceStart, String sentence) {
        return new Announcement(Announcement.SCHEMA_VERSION, "pending", type, "pending", company, amount,
                amount == null ? null : "P5Y", null, null, model, null,
                new Evidence(sentence, evidenceStart, evidenceStart + sentence.length()), 0.9, null, null, null,
                null, null);
    }

    static AiModel nemotron() {
        return new AiModel("Nemotron 3 Super", 128_000_000_000L, 12_000_000_000L, 1_000_000L, true, List.of("text"));
    }
}
