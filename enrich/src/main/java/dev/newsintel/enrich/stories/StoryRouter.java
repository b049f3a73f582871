package dev.newsintel.enrich.stories;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        String suggestion = known == null ? suggest(signals, time) : null;
        context.forward(record.withKey(signals.anchor()).withValue(new AnchoredDocument(document, signals.anchor(),
                time, known == null ? null : known.storyId(), suggestion, signals.indexKeys())));
    }

    /**
     * The story the document's facts and text bands point to: any fact signature of a story within the window, else
     * at least {@code minBandMatches} shared bands; ties go to the story with more evidence, then the older one.
     */
    String suggest(StorySignals signals, long time) {
        Map<String, Votes> votes = new HashMap<>();
        vote(votes, signals.factKeys(), time, true);
        vote(votes, signals.bandKeys(), time, false);
        return votes.entrySet().stream()
                .filter(e -> e.getValue().facts > 0 || e.getValue().bands >= config.minBandMatches())
                .min((a, b) -> {
                    Votes x = a.getValue();
                    Votes y = b.getValue();
                    if (x.facts != y.facts) {
                        return Integer.compare(y.facts, x.facts);
                    }
                    if (x.bands != y.bands) {
                        return Integer.compare(y.bands, x.bands);
                    }
                    if (x.firstSeen != y.firstSeen) {
                        return Long.compare(x.firstSeen, y.firstSeen);
                    }
                    return a.getKey().compareTo(b.getKey());
                })
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private void vote(Map<String, Votes> votes, List<String> keys, long time, boolean fact) {
        for (String key : keys) {
            StorySpan span = GlobalTables.get(index, key, StorySpan.class);
            if (span != null && span.covers(time, config.window())) {
                Votes v = votes.computeIfAbsent(span.storyId(), id -> new Votes());
                if (fact) {
                    v.facts++;
                } else {
                    v.bands++;
                }
                v.firstSeen = Math.min(v.firstSeen, span.firstSeen());
            }
        }
    }

    private static final class Votes {
        int facts;
        int bands;
        long firstSeen = Long.MAX_VALUE;
    }
}
