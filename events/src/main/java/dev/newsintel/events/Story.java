package dev.newsintel.events;

import java.time.Instant;
import java.util.List;

/**
 * One event as told by several outlets: the four reports of NVIDIA's $26 billion investment are one story.
 *
 * @param id        the id of the first document seen, so re-processing never makes a second story
 * @param title     the earliest news headline among the sources; a filing's title only when no news source has one
 * @param sources   every document in the story, in the order they were seen
 * @param companies companies the story is about, linked
 * @param types     announcement types reported
 * @param amounts   amounts reported, merged (one entry per distinct amount)
 * @param models    model facts reported, merged per model name
 */
public record Story(int schemaVersion, String id, String title, Instant firstSeen, Instant lastSeen,
                    List<StorySource> sources, List<EntityRef> companies, List<AnnouncementType> types,
                    List<Money> amounts, List<AiModel> models, List<String> announcementIds, Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Story {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "Story.id");
        sources = Validation.listOrEmpty(sources);
        companies = Validation.listOrEmpty(companies);
        types = Validation.listOrEmpty(types);
        amounts = Validation.listOrEmpty(amounts);
        models = Validation.listOrEmpty(models);
        announcementIds = Validation.listOrEmpty(announcementIds);
    }

    /**
     * A document of a story.
     *
     * @param kind news or filing; null in stories written before it was recorded
     */
    public record StorySource(String documentId, String url, String site, String title, Instant publishedAt,
                              DocumentKind kind) {
        public StorySource {
            Validation.requireText(documentId, "StorySource.documentId");
        }
    }
}
