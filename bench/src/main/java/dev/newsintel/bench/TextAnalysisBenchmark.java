package dev.newsintel.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.newsintel.enrich.DocumentEnricher;
import dev.newsintel.enrich.announcements.AnnouncementExtractor;
import dev.newsintel.enrich.announcements.DocumentContext;
import dev.newsintel.enrich.entities.CompanyDirectory;
import dev.newsintel.enrich.entities.EntityRecognizer;
import dev.newsintel.enrich.entities.NameFinder;
import dev.newsintel.enrich.nlp.AnalyzedText;
import dev.newsintel.enrich.nlp.TextProcessor;
import dev.newsintel.enrich.quantities.QuantityExtractor;
import dev.newsintel.events.Entity;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.RawDocument;

/**
 * The steps of the text analysis one at a time, on one thread (documents per second per core), over the clean text
 * of the project's sample news corpus, cycled: sentences and tokens ({@code tokenize}), entities and their links to
 * SEC filers on tokenised text ({@code entities}), quantities ({@code quantities}), and announcements from the
 * entities and quantities found ({@code announcements}). Their sum is close to {@link EnrichmentBenchmark#analyzeText}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TextAnalysisBenchmark {
    private List<String> texts;
    private List<AnalyzedText> analyzed;
    private List<List<Entity>> entities;
    private List<List<Quantity>> quantities;
    private TextProcessor processor;
    private EntityRecognizer recognizer;
    private QuantityExtractor quantityExtractor;
    private AnnouncementExtractor announcementExtractor;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException, URISyntaxException {
        DocumentEnricher enricher = new DocumentEnricher(Clock.systemUTC());
        CompanyDirectory companies = CompanyDirectory.bundled();
        processor = TextProcessor.shared();
        recognizer = new EntityRecognizer(companies, NameFinder.bundled());
        quantityExtractor = new QuantityExtractor();
        announcementExtractor = new AnnouncementExtractor(companies);
        texts = new ArrayList<>();
        analyzed = new ArrayList<>();
        entities = new ArrayList<>();
        quantities = new ArrayList<>();
        for (RawDocument raw : EnrichmentBenchmark.corpus()) {
            String text = enricher.enrich(raw).text();
            AnalyzedText at = processor.analyze(text);
            texts.add(text);
            analyzed.add(at);
            entities.add(recognizer.recognize(at));
            quantities.add(quantityExtractor.extract(text));
        }
    }

    private int advance() {
        int i = next;
        next = (next + 1) % texts.size();
        return i;
    }

    @Benchmark
    public AnalyzedText tokenize() {
        return processor.analyze(texts.get(advance()));
    }

    @Benchmark
    public List<Entity> entities() {
        return recognizer.recognize(analyzed.get(advance()));
    }

    @Benchmark
    public List<Quantity> quantities() {
        return quantityExtractor.extract(texts.get(advance()));
    }

    @Benchmark
    public Object announcements() {
        int i = advance();
        return announcementExtractor.extract(analyzed.get(i), entities.get(i), quantities.get(i),
                DocumentContext.of("bench-" + i));
    }
}
