package dev.newsintel.enrich.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newsintel.events.EnrichedDocument;

/**
 * Second story step, on the anchor's partition: decides the document's story, in order with every other document
 * of the same anchor.
 *
 * <ol>
 *   <li>A document already assigned (re-processed) keeps its story.</li>
 *   <li>Else, when the anchor's story is within the window of the document's publication time, the document joins
 *       it.</li>
 *   <li>Else it joins the story its other signatures suggested (from the global table on the document's partition,
 *       else from the decisions of this instance still pending there: {@link PendingIndexWrites}), or starts a story
 *       whose id is its own id.</li>
 * </ol>
 *
 * It then records the decision in the story index ({@code doc:<id>} for good; facts and bands, per window-long bucket
 * of publication time ({@link StorySignals#indexKey}), until they expire)
 * and forwards the document with its story id. Expired anchors and index signatures are removed by a wall-clock
 * punctuation, measured against stream time (publication times), so replaying old documents ages the same way as
 * live ones.
 */
public final class StoryAssigner implements Processor<String, AnchoredDocument, String, StoryAssigner.Output> {
    /** What this step emits: index writes (for the index topic) and assigned documents. */
    public sealed interface Output permits IndexWrite, Assigned {
    }

    /** A story index record; a null span deletes the signature. */
    public record IndexWrite(StorySpan span) implements Output {
    }

    /** A document with its story id. */
    public record Assigned(EnrichedDocument document, long eventTime) implements Output {
    }

    private final StoryConfig config;
    private final String anchorStore;
    private final String expiryStore;
    private final String indexStore;
    private final PendingIndexWrites pending;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, StorySpan> anchors;
    private ExpiryQueue expiry;
    private KeyValueStore<String, ?> index;

    /**
     * @param pending the index writes of this topology instance not yet in the global table, shared by its tasks
     */
    public StoryAssigner(StoryConfig config, String anchorStore, String expiryStore, String indexStore,
                         PendingIndexWrites pending) {
        this.config = config;
        this.anchorStore = anchorStore;
        this.expiryStore = expiryStore;
        this.indexStore = indexStore;
        this.pending = pending;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.anchors = context.getStateStore(anchorStore);
        this.expiry = new ExpiryQueue(context.getStateStore(expiryStore), config.window(),
                context::currentSystemTimeMs);
        this.index = context.getStateStore(indexStore);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME,
                now -> expire(ExpiryQueue.PER_PUNCTUATION));
    }

    @Override
    public void process(Record<String, AnchoredDocument> record) {
        AnchoredDocument doc = record.value();
        List<Map.Entry<String, StorySpan>> writes = new ArrayList<>();
        String story;
        // One decision at a time in the instance: two tasks deciding copies of one story in the same moment would
        // each miss the other's pending writes and start a story each. Forwarding waits until after.
        synchronized (pending) {
            story = decide(doc, writes);
        }
        for (Map.Entry<String, StorySpan> write : writes) {
            context.forward(record.withKey(write.getKey()).withValue(new IndexWrite(write.getValue())));
        }
        context.forward(record.withKey(doc.document().id())
                .withValue(new Assigned(doc.document().withStoryId(story), doc.eventTime())));
        expire(ExpiryQueue.PER_RECORD);
    }

    /** The document's story; the index writes that record it go to {@code writes} (and to the pending ones). */
    private String decide(AnchoredDocument doc, List<Map.Entry<String, StorySpan>> writes) {
        long time = doc.eventTime();
        String documentId = doc.document().id();
        StorySpan anchor = anchors.get(doc.anchor());
        String story;
        if (doc.knownStory() != null) {
            story = doc.knownStory();
            if (anchor == null || !anchor.covers(time, config.window())) {
                putAnchor(doc.anchor(), StorySpan.at(story, time));
            }
        } else if (anchor != null && anchor.covers(time, config.window())) {
            story = anchor.storyId();
            if (!anchor.contains(time)) {
                putAnchor(doc.anchor(), anchor.extend(time));
            }
        } else {
            String suggested = doc.suggestedStory();
            if (suggested == null && doc.signals() != null) {
                // The router read the global table; a decision of the last moments may only be pending here.
                suggested = StoryRouter.suggest(doc.signals(), time, config, this::current);
            }
            story = suggested != null ? suggested : documentId;
            putAnchor(doc.anchor(), StorySpan.at(story, time));
        }

        String docKey = StorySignals.docKey(documentId);
        StorySpan assigned = current(docKey);
        if (assigned == null || !assigned.storyId().equals(story)) {
            // Kept for good: a document re-processed at any later time keeps its story.
            write(writes, docKey, StorySpan.at(story, time));
        }
        for (String signature : doc.indexKeys()) {
            String key = StorySignals.indexKey(signature, time, config.window());
            StorySpan existing = current(key);
            StorySpan updated;
            if (existing == null || !existing.covers(time, config.window())) {
                updated = StorySpan.at(story, time);
            } else if (!existing.storyId().equals(story)) {
                continue; // the signature belongs to an earlier story: first come, first kept
            } else if (existing.contains(time)) {
                continue;
            } else {
                updated = existing.extend(time);
            }
            write(writes, key, updated);
            expiry.schedule(updated.lastSeen() + config.retention().toMillis(), context.currentStreamTimeMs(),
                    "index", key, Long.toString(updated.lastSeen()));
        }
        return story;
    }

    private void putAnchor(String anchor, StorySpan span) {
        anchors.put(anchor, span);
        expiry.schedule(span.lastSeen() + config.retention().toMillis(), context.currentStreamTimeMs(), "anchor",
                anchor, Long.toString(span.lastSeen()));
    }

    private StorySpan current(String key) {
        StorySpan recent = pending.get(key);
        return recent != null ? recent : GlobalTables.get(index, key, StorySpan.class);
    }

    private void write(List<Map.Entry<String, StorySpan>> writes, String key, StorySpan span) {
        pending.put(key, span);
        writes.add(Map.entry(key, span));
    }

    /** Forgets anchors and index signatures not seen for the retention, in stream time. */
    private void expire(int limit) {
        long now = context.currentStreamTimeMs();
        for (ExpiryQueue.Expired e : expiry.drain(now, limit)) {
            long recordedLastSeen = Long.parseLong(e.value());
            if (e.kind().equals("anchor")) {
                StorySpan span = anchors.get(e.key());
                if (span != null && span.lastSeen() <= recordedLastSeen) {
                    anchors.delete(e.key());
                }
            } else {
                StorySpan span = current(e.key());
                // Another document (on this task or another) may have extended the signature since: keep it then.
                if (span != null && span.lastSeen() <= recordedLastSeen) {
                    pending.remove(e.key());
                    context.forward(new Record<String, Output>(e.key(), new IndexWrite(null), now));
                }
            }
        }
    }
}
