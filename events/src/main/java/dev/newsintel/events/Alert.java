package dev.newsintel.events;

import java.time.Instant;
import java.util.List;

/**
 * A rule matched: one per story and rule, however many outlets told the story.
 *
 * @param id           stable: a hash of rule id and story id
 * @param reasons      why it matched, one line per criterion
 * @param announcement the announcement that matched, null when the rule matched a document's text
 * @param documentIds  documents of the story known when the alert was raised
 */
public record Alert(int schemaVersion, String id, String ruleId, String ruleName, String storyId,
                    Announcement announcement, List<String> documentIds, List<String> reasons, String title,
                    String url, Instant publishedAt, Instant createdAt) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(id, "Alert.id");
        Validation.requireText(ruleId, "Alert.ruleId");
        documentIds = Validation.listOrEmpty(documentIds);
        reasons = Validation.listOrEmpty(reasons);
    }

    public static String idFor(String ruleId, String storyId) {
        return Ids.hash(ruleId + "|" + storyId);
    }
}
