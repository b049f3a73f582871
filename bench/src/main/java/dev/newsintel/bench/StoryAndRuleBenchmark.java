package dev.newsintel.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.newsintel.enrich.DocumentEnricher;
import dev.newsintel.enrich.alerts.AlertRule;
import dev.newsintel.enrich.alerts.BuiltInRules;
import dev.newsintel.enrich.alerts.MatchableDocument;
import dev.newsintel.enrich.alerts.SubscriptionRule;
import dev.newsintel.enrich.stories.MinHash;
import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.enrich.stories.StorySignals;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.RawDocument;
import dev.newsintel.events.Subscription;

/**
 * Per-document costs of the story and alert steps, on one thread, over the enriched sample news corpus:
 * {@code storySignatures} is what the story router computes for every document (fact keys, and a MinHash
 * signature of 5-word shingles with its LSH bands); {@code ruleMatching} matches one document against the three
 * built-in rules and {@code rules} subscriptions (watchlists, types with thresholds, model criteria, terms), as the
 * alert matcher does for every document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class StoryAndRuleBenchmark {
    @Param({"100"})
    public int rules;

    private List<EnrichedDocument> documents;
    private StoryConfig config;
    private MinHash minHash;
    private List<AlertRule> ruleBook;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException, URISyntaxException {
        DocumentEnricher enricher = new DocumentEnricher(Clock.systemUTC());
        documents = new ArrayList<>();
        for (RawDocument raw : EnrichmentBenchmark.corpus()) {
            documents.add(enricher.enrich(raw));
        }
        config = StoryConfig.defaults();
        minHash = MinHash.of(config);
        ruleBook = new ArrayList<>(BuiltInRules.all(BuiltInRules.DEFAULT_LARGE_INVESTMENT_USD));
        ruleBook.addAll(subscriptions(rules));
    }

    /** A mix of rules as users write them: a quarter each watchlists, types with thresholds, models, terms. */
    static List<AlertRule> subscriptions(int count) {
        String[] tickers = {"NVDA", "MSFT", "AAPL", "GOOGL", "AMZN", "META", "AMD", "INTC", "ORCL", "QCOM", "IBM",
                "ADBE", "CRM", "AVGO", "TSM"};
        String[] words = {"open-weight", "datacenter", "antitrust", "chips", "quantum", "robotics", "security",
                "layoffs", "inference", "gpu"};
        AnnouncementType[] types = AnnouncementType.values();
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        List<AlertRule> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> companies = List.of();
            List<AnnouncementType> typeList = List.of();
            BigDecimal minUsd = null;
            Long minParameters = null;
            Boolean open = null;
            List<String> terms = List.of();
            switch (i % 4) {
                case 0 -> companies = List.of(tickers[i % tickers.length], tickers[(i * 7 + 3) % tickers.length]);
                case 1 -> {
                    typeList = List.of(types[i % types.length]);
                    minUsd = BigDecimal.valueOf(10L).pow(6 + i % 4);
                }
                case 2 -> {
                    typeList = List.of(AnnouncementType.MODEL_RELEASE);
                    minParameters = 1_000_000_000L * (1 + i % 200);
                    open = i % 8 == 2 ? Boolean.TRUE : null;
                }
                default -> terms = List.of(words[i % words.length]);
            }
            out.add(new SubscriptionRule(new Subscription(Subscription.SCHEMA_VERSION, "rule-" + i, "rule " + i,
                    companies, typeList, minUsd, minParameters, open, terms, now, now)));
        }
        return out;
    }

    private EnrichedDocument advance() {
        EnrichedDocument d = documents.get(next);
        next = (next + 1) % documents.size();
        return d;
    }

    @Benchmark
    public StorySignals storySignatures() {
        return StorySignals.of(advance(), config, minHash);
    }

    @Benchmark
    public int ruleMatching() {
        MatchableDocument document = new MatchableDocument(advance());
        int matched = 0;
        for (AlertRule rule : ruleBook) {
            Optional<AlertRule.Match> match = rule.match(document);
            if (match.isPresent()) {
                matched++;
            }
        }
        return matched;
    }
}
