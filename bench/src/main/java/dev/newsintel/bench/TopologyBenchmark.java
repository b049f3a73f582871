package dev.newsintel.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.newsintel.enrich.DocumentEnricher;
import dev.newsintel.enrich.EnrichTopology;
import dev.newsintel.enrich.alerts.AlertRule;
import dev.newsintel.enrich.alerts.AlertTopicCatalog;
import dev.newsintel.enrich.alerts.SubscriptionRule;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Topics;

/**
 * The enrich topology around the enrichment, per document, on one thread: parsing the raw record, story routing
 * (signatures and lookups in the story index), story assignment and merging in RocksDB stores, matching 100 rules,
 * raising alerts, and the JSON of every record written, through Kafka Streams' {@link TopologyTestDriver} (no broker:
 * the cost of the topology's own work, without network or transactions). The enrichment is replaced by a lookup of
 * documents enriched in advance, so this is what the topology adds to {@link EnrichmentBenchmark#enrichDocument}.
 * Every document gets a new id and a later publication time (43 s apart, ~2,000 a day), and the wall clock moves as
 * much, so stories form, grow and expire as in production and the stores grow as they would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TopologyBenchmark {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final Map<String, EnrichedDocument> enriched = new HashMap<>();
    private List<RawDocument> raws;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> rawNews;
    private List<TestOutputTopic<String, byte[]>> outputs;
    private Path stateDir;
    private long sequence;

    @Setup(Level.Trial)
    public void start() throws IOException, URISyntaxException {
        DocumentEnricher enricher = new DocumentEnricher(Clock.systemUTC());
        raws = EnrichmentBenchmark.corpus();
        for (RawDocument raw : raws) {
            enriched.put(raw.id(), enricher.enrich(raw));
        }
        List<AlertRule> rules = StoryAndRuleBenchmark.subscriptions(100);
        Set<String> ruleTopics = new HashSet<>();
        for (String id : Topics.BUILT_IN_ALERT_RULES) {
            ruleTopics.add(Topics.alertTopic(id).name());
        }
        rules.forEach(r -> ruleTopics.add(Topics.alertTopic(r.id()).name()));
        EnrichTopology.Options options = EnrichTopology.Options.defaults(Clock.systemUTC())
                .withAlertTopics(AlertTopicCatalog.of(ruleTopics));
        stateDir = Files.createTempDirectory("newsintel-topology-bench-");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(EnrichTopology.build(this::lookUp, options), props, START);
        rawNews = driver.createInputTopic(Topics.RAW_NEWS.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        var subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), Serdes.String().serializer(),
                EventSerdes.subscription().serializer());
        rules.forEach(r -> subscriptions.pipeInput(r.id(), ((SubscriptionRule) r).subscription()));
        outputs = new ArrayList<>();
        for (String topic : List.of(Topics.ENRICHED_DOCUMENTS.name(), Topics.ANNOUNCEMENTS.name(),
                Topics.STORIES.name(), Topics.ALERTS.name(), Topics.STORY_INDEX.name(), Topics.DLQ.name())) {
            outputs.add(driver.createOutputTopic(topic, Serdes.String().deserializer(),
                    Serdes.ByteArray().deserializer()));
        }
    }

    /** The enrichment, done in advance: the document of the raw record's original, under the record's id. */
    private EnrichedDocument lookUp(RawDocument raw) {
        EnrichedDocument d = enriched.get(raw.metadata("original"));
        return new EnrichedDocument(d.schemaVersion(), raw.id(), d.kind(), d.sourceId(), d.url(), d.title(), d.text(),
                raw.publishedAt(), raw.fetchedAt(), d.author(), d.language(), d.site(), d.filing(), d.entities(),
                d.quantities(), d.announcements(), null, raw.fetchedAt(), d.metadata());
    }

    @Benchmark
    public long document() {
        long n = sequence++;
        RawDocument original = raws.get((int) (n % raws.size()));
        Instant published = START.plus(Duration.ofSeconds(43 * n));
        RawDocument raw = RawDocument.of("bench-" + n, original.kind(), "bench", null, original.contentType(),
                published, published, Map.of("original", original.id()), new byte[0]);
        // Wall-clock time moves with publication time, as it does live: entries are forgotten once due in stream
        // time and an hour old (ExpiryQueue), so a wall clock that stood still would keep every entry.
        driver.advanceWallClockTime(Duration.ofSeconds(43));
        rawNews.pipeInput(raw.id(), Json.toBytes(raw), published);
        long out = 0;
        for (TestOutputTopic<String, byte[]> topic : outputs) {
            out += topic.readRecordsToList().size();
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
