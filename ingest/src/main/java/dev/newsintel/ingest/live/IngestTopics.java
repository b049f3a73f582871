package dev.newsintel.ingest.live;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Topics;

/**
 * The topics a live worker reads and writes; {@link #DEFAULT} is the pipeline's catalog ({@link Topics}). Tests give
 * their own names so they can share a broker.
 */
public record IngestTopics(String sources, String checkpoints, String rawFilings, String rawNews, String deadLetters) {
    public static final IngestTopics DEFAULT = new IngestTopics(Topics.SOURCES.name(), Topics.INGEST_CHECKPOINTS.name(),
            Topics.RAW_FILINGS.name(), Topics.RAW_NEWS.name(), Topics.DLQ.name());

    public String raw(DocumentKind kind) {
        return kind == DocumentKind.FILING ? rawFilings : rawNews;
    }
}
