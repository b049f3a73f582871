package dev.newsintel.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.JsonSerde;

/**
 * Story decisions on two tasks of one instance, while the global table has not yet read either task's index writes
 * back (it never does here): the moments after a burst of documents, a feed caught up, a corpus loaded at once.
 */
class StoryAssignerTest {
    private static final long T0 = Instant.parse("2026-03-11T14:05:00Z").toEpochMilli();
    private static final String INVESTMENT = "fact:nvidia|2.6E+10 USD|deal";
    private static final String MODEL = "model:nvidia|nemotron 3 super";

    @Test
    void aStoryDecidedOnAnotherTaskOfTheInstanceIsFoundBeforeTheGlobalTableHasIt() {
        PendingIndexWrites shared = new PendingIndexWrites(1_000);
        MockProcessorContext<String, StoryAssigner.Output> first = context();
        MockProcessorContext<String, StoryAssigner.Output> second = context();
        assign(shared, first, anchored("seed", T0, INVESTMENT, List.of(INVESTMENT, MODEL)));
        // The specification sheet names only the model: another anchor, so another task decides it.
        assign(shared, second, anchored("specs", T0 + 60_000, MODEL, List.of(MODEL)));

        assertThat(storyOf(first, "seed")).isEqualTo("seed");
        assertThat(storyOf(second, "specs")).isEqualTo("seed");
    }

    @Test
    void withoutTheInstancesPendingDecisionsTheSameDocumentsWouldBeTwoStories() {
        MockProcessorContext<String, StoryAssigner.Output> first = context();
        MockProcessorContext<String, StoryAssigner.Output> second = context();
        assign(new PendingIndexWrites(1_000), first, anchored("seed", T0, INVESTMENT, List.of(INVESTMENT, MODEL)));
        assign(new PendingIndexWrites(1_000), second, anchored("specs", T0 + 60_000, MODEL, List.of(MODEL)));

        assertThat(storyOf(second, "specs")).isEqualTo("specs");
    }

    @Test
    void aPendingDecisionOutsideTheWindowSuggestsNothing() {
        PendingIndexWrites shared = new PendingIndexWrites(1_000);
        MockProcessorContext<String, StoryAssigner.Output> first = context();
        MockProcessorContext<String, StoryAssigner.Output> second = context();
        assign(shared, first, anchored("seed", T0, INVESTMENT, List.of(INVESTMENT, MODEL)));
        long weekLater = T0 + StoryConfig.defaults().window().toMillis() * 3;
        assign(shared, second, anchored("later", weekLater, MODEL, List.of(MODEL)));

        assertThat(storyOf(second, "later")).isEqualTo("later");
    }

    private static void assign(PendingIndexWrites pending, MockProcessorContext<String, StoryAssigner.Output> context,
                               AnchoredDocument document) {
        StoryAssigner assigner = new StoryAssigner(StoryConfig.defaults(), "anchors", "expiry", "index", pending);
        assigner.init(context);
        context.setCurrentStreamTimeMs(document.eventTime());
        context.setCurrentSystemTimeMs(document.eventTime());
        assigner.process(new Record<>(document.anchor(), document, document.eventTime()));
    }

    private static String storyOf(MockProcessorContext<String, StoryAssigner.Output> context, String documentId) {
        return context.forwarded().stream()
                .map(f -> f.record().value())
                .filter(out -> out instanceof StoryAssigner.Assigned a && a.document().id().equals(documentId))
                .map(out -> ((StoryAssigner.Assigned) out).document().storyId())
                .findFirst().orElseThrow();
    }

    /** A task's stores: its anchors and expiry queue, and an index (the global table) that stays empty. */
    private static MockProcessorContext<String, StoryAssigner.Output> context() {
        MockProcessorContext<String, StoryAssigner.Output> context = new MockProcessorContext<>();
        JsonSerde<StorySpan> spans = new JsonSerde<>(StorySpan.class);
        for (KeyValueStore<String, ?> store : List.<KeyValueStore<String, ?>>of(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("anchors"), Serdes.String(), spans)
                        .withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("expiry"), Serdes.String(),
                        Serdes.String()).withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"), Serdes.String(), spans)
                        .withLoggingDisabled().build())) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        return context;
    }

    private static AnchoredDocument anchored(String id, long time, String anchor, List<String> facts) {
        EnrichedDocument document = new EnrichedDocument(EnrichedDocument.SCHEMA_VERSION, id, DocumentKind.NEWS,
                "test", null, null, "text of " + id, Instant.ofEpochMilli(time), null, null, "en", null, null,
                List.of(), List.of(), List.of(), null, null, Map.of());
        StorySignals signals = new StorySignals(anchor, facts, List.of(), List.of(), null, true);
        return new AnchoredDocument(document, anchor, time, null, null, signals.indexKeys(), signals);
    }
}
