package dev.newsintel.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed fact a document reports: "NVIDIA will invest $26 billion over five years", "Nemotron 3 Super has 128B
 * parameters". Fields that do not apply to the type are null.
 *
 * @param id           stable: a hash of document id, type and evidence span
 * @param company      the announcing company, linked
 * @param amount       invested, raised, paid or reported amount
 * @param period       ISO 8601 period the amount is spread over, e.g. {@code P5Y}
 * @param target       acquired company or investee; for EXECUTIVE_CHANGE the person, for PRODUCT_LAUNCH the product
 * @param counterparty partner or investor
 * @param model        for MODEL_RELEASE: the model's facts
 * @param item         8-K item code ({@code 5.02}) when read from a filing
 * @param confidence   0..1, how sure the classifier is
 * @param storyId      the story the document belongs to, once grouped
 */
public record Announcement(
        int schemaVersion,
        String id,
        AnnouncementType type,
        String documentId,
        EntityRef company,
        Money amount,
        String period,
        EntityRef target,
        EntityRef counterparty,
        AiModel model,
        String item,
        Evidence evidence,
        double confidence,
        Instant publishedAt,
        String url,
        String title,
        String source,
        String storyId) {

    public static final int SCHEMA_VERSION = 1;

    public Announcement {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "Announcement.id");
        Objects.requireNonNull(type, "Announcement.type");
        Validation.requireText(documentId, "Announcement.documentId");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("Announcement.confidence must be within [0, 1], was " + confidence);
        }
    }

    public Announcement withStoryId(String newStoryId) {
        return new Announcement(schemaVersion, id, type, documentId, company, amount, period, target, counterparty,
                model, item, evidence, confidence, publishedAt, url, title, source, newStoryId);
    }

    /**
     * The companies among the announcement's parties: the announcing company, the counterparty and the target,
     * except a target that is a person (EXECUTIVE_CHANGE) or a product (PRODUCT_LAUNCH).
     */
    public List<EntityRef> companyParties() {
        List<EntityRef> parties = new ArrayList<>(3);
        if (company != null) {
            parties.add(company);
        }
        if (target != null && type != AnnouncementType.EXECUTIVE_CHANGE && type != AnnouncementType.PRODUCT_LAUNCH) {
            parties.add(target);
        }
        if (counterparty != null) {
            parties.add(counterparty);
        }
        return parties;
    }

    /** The stable id of an announcement of {@code type} read from {@code evidenceStart} of a document. */
    public static String idFor(String documentId, AnnouncementType type, int evidenceStart, int evidenceEnd) {
        return Ids.hash(documentId + "|" + type + "|" + evidenceStart + "-" + evidenceEnd);
    }
}
