package dev.newsintel.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where a source stands, as kept (keyed by source id) in the compacted {@link Topics#INGEST_CHECKPOINTS} topic.
 * Written in the same Kafka transaction as the documents it covers, so a restarted or second worker resumes
 * exactly after the last document that was published.
 *
 * @param seen         ids of what was already published (accession numbers, canonical URLs, feed item ids),
 *                     oldest first, bounded: a source keeps as many as its window of recent items needs
 * @param etag         the {@code ETag} of the source's last complete fetch (feed, submissions JSON), for
 *                     {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} of that fetch, for {@code If-Modified-Since}
 * @param cursor       source-specific positions, e.g. {@code since} (the oldest filing date still of interest) or
 *                     {@code rejectedHash} (the body last dead-lettered, so an unchanged broken feed is reported once)
 */
public record IngestCheckpoint(int schemaVersion, String sourceId, List<String> seen, String etag,
                               String lastModified, Map<String, String> cursor, Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public IngestCheckpoint {
        schemaVersion = Validation.version(schemaVersion, SCHEMA_VERSION);
        Validation.requireText(sourceId, "IngestCheckpoint.sourceId");
        seen = Validation.listOrEmpty(seen);
        cursor = Validation.mapOrEmpty(cursor);
    }

    /** The checkpoint of a source that never ran. */
    public static IngestCheckpoint empty(String sourceId) {
        return new IngestCheckpoint(SCHEMA_VERSION, sourceId, List.of(), null, null, Map.of(), null);
    }

    public boolean hasSeen(String id) {
        return seen.contains(id);
    }

    /** A copy with {@code ids} added as the newest seen ids, dropping the oldest beyond {@code max}. */
    public IngestCheckpoint withSeen(Collection<String> ids, int max, Instant now) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(seen);
        for (String id : ids) {
            merged.remove(id);
            merged.add(id);
        }
        List<String> list = new ArrayList<>(merged);
        if (list.size() > max) {
            list = list.subList(list.size() - max, list.size());
        }
        return new IngestCheckpoint(schemaVersion, sourceId, list, etag, lastModified, cursor, now);
    }

    /** A copy with the validators of the last complete fetch. */
    public IngestCheckpoint withValidators(String etag, String lastModified, Instant now) {
        return new IngestCheckpoint(schemaVersion, sourceId, seen, etag, lastModified, cursor, now);
    }

    /** A copy with one cursor entry set (or removed when {@code value} is null). */
    public IngestCheckpoint withCursor(String key, String value, Instant now) {
        Map<String, String> copy = new HashMap<>(cursor);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new IngestCheckpoint(schemaVersion, sourceId, seen, etag, lastModified, copy, now);
    }

    public String cursor(String key) {
        return cursor.get(key);
    }
}
