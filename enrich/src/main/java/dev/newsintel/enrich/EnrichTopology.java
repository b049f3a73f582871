package dev.newsintel.enrich;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventFormatException;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;

/**
 * The enrichment topology, built by one plain method that tests call with a {@code TopologyTestDriver} and the
 * {@code enrich} command runs against a real broker.
 *
 * <pre>
 *   raw.filings ─┐                        ┌─ ok ──── enriched.documents
 *   raw.news ────┴─ parse + enrich ───────┤          announcements (one record per announcement)
 *                                         └─ failed ─ dlq (original bytes + reason)
 * </pre>
 *
 * Raw records are read as bytes and parsed inside the processor, so a record that is not valid JSON is a dead
 * letter like any other failure instead of a deserialization error that stops the stream.
 */
public final class EnrichTopology {
    public static final String APPLICATION_ID = "newsintel-enrich";

    private EnrichTopology() {
    }

    public static Topology build(DocumentEnricher enricher, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> raw = builder.stream(
                List.of(Topics.RAW_FILINGS.name(), Topics.RAW_NEWS.name()),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-documents"));

        var branches = raw
                .processValues(() -> new EnrichProcessor(enricher, clock), Named.as("enrich"))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.document() != null, Branched.as("ok"))
                .defaultBranch(Branched.as("failed"));

        KStream<String, EnrichedDocument> enriched = branches.get("outcome-ok").mapValues(Outcome::document,
                Named.as("document"));
        enriched.to(Topics.ENRICHED_DOCUMENTS.name(),
                Produced.with(Serdes.String(), EventSerdes.enrichedDocument()).withName("to-enriched-documents"));
        enriched.flatMap((key, document) -> document.announcements().stream()
                                .map(a -> KeyValue.pair(a.id(), a)).toList(), Named.as("announcements"))
                .to(Topics.ANNOUNCEMENTS.name(),
                        Produced.with(Serdes.String(), EventSerdes.announcement()).withName("to-announcements"));

        branches.get("outcome-failed").mapValues(Outcome::failure, Named.as("dead-letter"))
                .to(Topics.DLQ.name(), Produced.with(Serdes.String(), EventSerdes.deadLetter()).withName("to-dlq"));
        return builder.build();
    }

    /** Either an enriched document or the dead letter explaining why there is none. */
    record Outcome(EnrichedDocument document, DeadLetter failure) {
    }

    private static final class EnrichProcessor implements FixedKeyProcessor<String, byte[], Outcome> {
        private final DocumentEnricher enricher;
        private final Clock clock;
        private FixedKeyProcessorContext<String, Outcome> context;

        EnrichProcessor(DocumentEnricher enricher, Clock clock) {
            this.enricher = enricher;
            this.clock = clock;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Outcome> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            String stage = "enrich.parse";
            try {
                RawDocument raw = Json.fromBytes(record.value(), RawDocument.class);
                if (raw == null) {
                    throw new EventFormatException("Raw record has no value", null);
                }
                stage = "enrich.extract";
                context.forward(record.withValue(new Outcome(enricher.enrich(raw), null)));
            } catch (RuntimeException | StackOverflowError e) {
                // One bad document must not stop the stream: it goes to the dead-letter topic, whole.
                RecordMetadata meta = context.recordMetadata().orElse(null);
                DeadLetter letter = DeadLetter.of(stage, meta == null ? null : meta.topic(),
                        meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), record.key(), e,
                        record.value(), clock.instant());
                context.forward(record.withValue(new Outcome(null, letter)));
            }
        }
    }
}
