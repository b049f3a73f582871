package dev.newsintel.search;

import dev.newsintel.events.Topics;

/**
 * The indices NewsIntel writes, one per kind of event. Each is a versioned index ({@code newsintel-documents-v1})
 * behind an alias ({@code newsintel-documents}): a mapping change gets a new version, filled by replaying Kafka, and
 * the alias then moves to it.
 */
public enum IndexKind {
    DOCUMENTS("documents", 1, Topics.ENRICHED_DOCUMENTS.name()),
    ANNOUNCEMENTS("announcements", 1, Topics.ANNOUNCEMENTS.name()),
    STORIES("stories", 1, Topics.STORIES.name()),
    ALERTS("alerts", 1, Topics.ALERTS.name());

    private final String name;
    private final int version;
    private final String topic;

    IndexKind(String name, int version, String topic) {
        this.name = name;
        this.version = version;
        this.topic = topic;
    }

    /** The alias readers and writers use. */
    public String alias() {
        return "newsintel-" + name;
    }

    /** The concrete index of the current mapping version. */
    public String index() {
        return alias() + "-v" + version;
    }

    /** The index template resource, under {@code index-templates/}. */
    public String templateResource() {
        return "index-templates/" + name + ".json";
    }

    public String templateName() {
        return alias();
    }

    /** The Kafka topic whose records this index holds. */
    public String topic() {
        return topic;
    }

    /** The kind of index fed by {@code topic}, or null when none is. */
    public static IndexKind forTopic(String topic) {
        for (IndexKind kind : values()) {
            if (kind.topic.equals(topic)) {
                return kind;
            }
        }
        return null;
    }
}
