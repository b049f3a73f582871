package dev.newsintel.enrich.stories;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newsintel.events.EnrichedDocument;

/**
 * First story step, on the document's partition: computes the document's signatures, looks them up in the story
 * index (a global table every instance holds, so no signature needs a round trip), and sends the document to its
 * anchor's partition with what it found.
 */
public final class StoryRouter implements Processor<String, EnrichedDocument, String, AnchoredDocument> {
    private final StoryConfig config;
    private final MinHash minHash;
    private final String indexStore;
    private ProcessorContext<String, AnchoredDocument> context;
    private KeyValueStore<String, ?> index;

    public StoryRouter(StoryConfig config, String indexStore) {
        this.config = config;
        this.minHash = MinHash.of(config);
        this.indexStore = indexStore;
    }

    @Override
    public void init(ProcessorContext<String, AnchoredDocument> context) {
        this.context = context;
        this.index = context.getStateStore(indexStore);
    }

    @Override
    public void process(Record<String, EnrichedDocument> record) {
        EnrichedDocument document = record.value();
        long time = record.timestamp();
        StorySignals signals = StorySignals.of(document, config, minHash);
        StorySpan known = GlobalTables.get(index, StorySignals.docKey(document.id()), StorySpan.class);
        String suggestion = known == null
                ? suggest(signals, time, config, key -> GlobalTables.get(index, key, StorySpan.class)) : null;
        context.forward(record.withKey(signals.anchor()).withValue(new AnchoredDocument(document, signals.anchor(),
                time, known == null ? null : known.storyId(), suggestion, signals.indexKeys(), signals)));
    }

    /**
     * The story the document's facts and text bands point to: any decisive fact signature of a story within the
     * window, else at least {@code minBandMatches} shared bands, else a weak fact signature confirmed by one shared
     * band; ties go to the story with more evidence, then the older one. An original filing takes nothing from its
     * bands (see {@link StorySignals}).
     *
     * @param index what the story index holds for a signature, null when nothing
     */
    static String suggest(StorySignals signals, long time, StoryConfig config, Function<String, StorySpan> index) {
        Map<String, Votes> votes = new HashMap<>();
        for (String signature : signals.factKeys()) {
            storiesOf(signature, votes, time, config, index).forEach(v -> v.facts++);
        }
        for (String signature : signals.weakFactKeys()) {
            storiesOf(signature, votes, time, config, index).forEach(v -> v.weakFacts++);
        }
        if (signals.joinsNearDuplicates()) {
            for (String signature : signals.bandKeys()) {
                storiesOf(signature, votes, time, config, index).forEach(v -> v.bands++);
            }
        }
        return votes.entrySet().stream()
                .filter(e -> e.getValue().facts > 0 || e.getValue().bands >= config.minBandMatches()
                        || e.getValue().weakFacts > 0 && e.getValue().bands > 0)
                .min((a, b) -> {
                    Votes x = a.getValue();
                    Votes y = b.getValue();
                    if (x.facts != y.facts) {
                        return Integer.compare(y.facts, x.facts);
                    }
                    if (x.bands != y.bands) {
                        return Integer.compare(y.bands, x.bands);
                    }
                    if (x.weakFacts != y.weakFacts) {
                        return Integer.compare(y.weakFacts, x.weakFacts);
                    }
                    if (x.firstSeen != y.firstSeen) {
                        return Long.compare(x.firstSeen, y.firstSeen);
                    }
                    return a.getKey().compareTo(b.getKey());
                })
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * The votes of every story the signature points to within the window, each story once (it may hold the
     * signature in two neighbouring buckets of {@link StorySignals#lookupKeys}).
     */
    private static Collection<Votes> storiesOf(String signature, Map<String, Votes> votes, long time,
                                               StoryConfig config, Function<String, StorySpan> index) {
        Map<String, Votes> found = new HashMap<>(2);
        for (String key : StorySignals.lookupKeys(signature, time, config.window())) {
            StorySpan span = index.apply(key);
            if (span != null && span.covers(time, config.window())) {
                Votes v = votes.computeIfAbsent(span.storyId(), id -> new Votes());
                v.firstSeen = Math.min(v.firstSeen, span.firstSeen());
                found.put(span.storyId(), v);
            }
        }
        return found.values();
    }

    private static final class Votes {
        int facts;
        int weakFacts;
        int bands;
        long firstSeen = Long.MAX_VALUE;
    }
}
