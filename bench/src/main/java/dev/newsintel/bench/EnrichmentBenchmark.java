package dev.newsintel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import dev.newsintel.enrich.analysis.TextAnalyzer;
import dev.newsintel.enrich.announcements.DocumentContext;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Ids;
import dev.newsintel.events.RawDocument;

/**
 * Documents per second on one thread (= per core) for the whole enrichment of a news article: parsing, clean text,
 * sentences, entities and linking, quantities and announcements ({@code DocumentEnricher.enrich}), and for the
 * text analysis alone ({@code TextAnalyzer.analyze}). Input: the project's own sample corpus (news articles as HTML
 * and text), cycled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class EnrichmentBenchmark {
    private static final String CORPUS = "/dev/newsintel/ingest/sample-corpus/news";

    private List<RawDocument> documents;
    private List<String> texts;
    private DocumentEnricher enricher;
    private TextAnalyzer analyzer;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException, URISyntaxException {
        documents = corpus();
        enricher = new DocumentEnricher(Clock.systemUTC());
        analyzer = TextAnalyzer.shared();
        texts = new ArrayList<>();
        for (RawDocument d : documents) {
            texts.add(enricher.enrich(d).text());
        }
    }

    @Benchmark
    public EnrichedDocument enrichDocument() {
        RawDocument d = documents.get(next);
        next = (next + 1) % documents.size();
        return enricher.enrich(d);
    }

    @Benchmark
    public Object analyzeText() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return analyzer.analyze(text, DocumentContext.of("bench"));
    }

    static List<RawDocument> corpus() throws IOException, URISyntaxException {
        URL url = EnrichmentBenchmark.class.getResource(CORPUS);
        if (url == null) {
            throw new IOException("Sample corpus " + CORPUS + " is not on the classpath");
        }
        List<RawDocument> out = new ArrayList<>();
        FileSystem zip = "jar".equals(url.toURI().getScheme())
                ? FileSystems.newFileSystem(url.toURI(), Map.of()) : null;
        try {
            Path dir = zip != null ? zip.getPath(CORPUS) : Path.of(url.toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    byte[] bytes;
                    try (InputStream in = Files.newInputStream(f)) {
                        bytes = in.readAllBytes();
                    }
                    String name = f.getFileName().toString();
                    String type = name.endsWith(".html") || name.endsWith(".htm") ? "text/html" : "text/plain";
                    out.add(RawDocument.of(Ids.forContent(bytes), DocumentKind.NEWS, "bench", null, type,
                            Instant.EPOCH, null, Map.of("file", name), bytes));
                }
            }
        } finally {
            if (zip != null) {
                zip.close();
            }
        }
        return out;
    }
}
