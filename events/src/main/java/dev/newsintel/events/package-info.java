/**
 * The events NewsIntel modules exchange through Kafka, and nothing else: modules meet only here and on topics.
 *
 * <p>Every top-level event carries a {@code schemaVersion}. Readers ignore fields they do not know, so adding a
 * field is compatible; renaming or changing the meaning of one needs a new version and a new reader.
 * Ids are stable (derived from the content's identity, never random), which makes every write idempotent:
 * Kafka compaction and the Elasticsearch {@code _id} absorb replays.
 */
package dev.newsintel.events;
