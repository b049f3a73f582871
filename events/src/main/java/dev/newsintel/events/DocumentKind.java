package dev.newsintel.events;

/** What a source document is; decides its raw topic and how enrichment reads it. */
public enum DocumentKind {
    /** An SEC EDGAR filing document (primary document or exhibit). */
    FILING,
    /** A news article, blog post or press release from the web or a feed. */
    NEWS;

    /** The raw topic documents of this kind are published to. */
    public TopicSpec rawTopic() {
        return this == FILING ? Topics.RAW_FILINGS : Topics.RAW_NEWS;
    }
}
