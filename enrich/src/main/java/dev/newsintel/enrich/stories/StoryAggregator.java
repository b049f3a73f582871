package dev.newsintel.enrich.stories;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newsintel.events.Story;

/**
 * Third story step, on the story's partition: merges each document's contribution into the story's state and
 * forwards the story as it now is, with the update that changed it (the alert step raises its alerts next).
 * A story's state is forgotten {@link StoryConfig#storyRetention()} after its last document, in stream time.
 */
public final class StoryAggregator implements Processor<String, StoryUpdate, String, StoryAggregator.Change> {
    /** A story after an update, and the update. */
    public record Change(Story story, StoryUpdate update) {
    }

    private final StoryConfig config;
    private final Clock clock;
    private final String storyStore;
    private final String expiryStore;
    private ProcessorContext<String, Change> context;
    private KeyValueStore<String, Story> stories;
    private ExpiryQueue expiry;

    public StoryAggregator(StoryConfig config, Clock clock, String storyStore, String expiryStore) {
        this.config = config;
        this.clock = clock;
        this.storyStore = storyStore;
        this.expiryStore = expiryStore;
    }

    @Override
    public void init(ProcessorContext<String, Change> context) {
        this.context = context;
        this.stories = context.getStateStore(storyStore);
        this.expiry = new ExpiryQueue(context.getStateStore(expiryStore), config.window(),
                context::currentSystemTimeMs);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME,
                now -> expire(ExpiryQueue.PER_PUNCTUATION));
    }

    @Override
    public void process(Record<String, StoryUpdate> record) {
        StoryUpdate update = record.value();
        Story before = stories.get(update.storyId());
        Story after = StoryMerger.merge(before, update, clock.instant());
        stories.put(after.id(), after);
        if (before == null || !after.lastSeen().equals(before.lastSeen())) {
            expiry.schedule(after.lastSeen().toEpochMilli() + config.storyRetention().toMillis(),
                    context.currentStreamTimeMs(), "story", after.id(), Long.toString(after.lastSeen().toEpochMilli()));
        }
        context.forward(record.withKey(after.id()).withValue(new Change(after, update)));
        expire(ExpiryQueue.PER_RECORD);
    }

    private void expire(int limit) {
        for (ExpiryQueue.Expired e : expiry.drain(context.currentStreamTimeMs(), limit)) {
            Story story = stories.get(e.key());
            if (story != null && story.lastSeen().toEpochMilli() <= Long.parseLong(e.value())) {
                stories.delete(e.key());
            }
        }
    }
}
