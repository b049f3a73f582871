package dev.newsintel.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The ingest counters, in a Micrometer registry the process hands in (the search API's {@code /metrics} can expose
 * the same registry). Every counter is tagged with the source id, or with the host for HTTP responses.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><td>{@code newsintel.ingest.documents.fetched}</td><td>source</td><td>documents fetched</td></tr>
 *   <tr><td>{@code newsintel.ingest.documents.published}</td><td>source</td><td>documents committed to a raw topic</td></tr>
 *   <tr><td>{@code newsintel.ingest.documents.truncated}</td><td>source</td><td>bodies cut by the size policy</td></tr>
 *   <tr><td>{@code newsintel.ingest.dead.letters}</td><td>source</td><td>items sent to the dead-letter topic</td></tr>
 *   <tr><td>{@code newsintel.ingest.failures}</td><td>source, stage</td><td>failures (fetch, parse, publish, poll)</td></tr>
 *   <tr><td>{@code newsintel.ingest.polls}</td><td>source, outcome</td><td>passes (ok, not_modified, failed, throttled)</td></tr>
 *   <tr><td>{@code newsintel.ingest.poll.duration}</td><td>source</td><td>time of a pass</td></tr>
 *   <tr><td>{@code newsintel.ingest.http.responses}</td><td>host, status</td><td>HTTP responses (status code, or io_error)</td></tr>
 * </table>
 */
public final class IngestMetrics {
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics kept in memory only (tests, and commands that do not expose them). */
    public static IngestMetrics inMemory() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void fetched(String source) {
        counter("newsintel.ingest.documents.fetched", "source", source).increment();
    }

    public void published(String source, int documents) {
        counter("newsintel.ingest.documents.published", "source", source).increment(documents);
    }

    public void truncated(String source) {
        counter("newsintel.ingest.documents.truncated", "source", source).increment();
    }

    public void deadLettered(String source, int count) {
        counter("newsintel.ingest.dead.letters", "source", source).increment(count);
    }

    /** @param stage fetch, parse, publish or poll */
    public void failed(String source, String stage) {
        Counter.builder("newsintel.ingest.failures").tag("source", source).tag("stage", stage)
                .register(registry).increment();
    }

    /** @param outcome ok, not_modified, failed or throttled */
    public void polled(String source, String outcome, Duration duration) {
        Counter.builder("newsintel.ingest.polls").tag("source", source).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("newsintel.ingest.poll.duration").tag("source", source).register(registry).record(duration);
    }

    public void httpResponse(URI uri, String status) {
        String host = uri.getHost() == null ? "unknown" : uri.getHost().toLowerCase(Locale.ROOT);
        Counter.builder("newsintel.ingest.http.responses").tag("host", host).tag("status", status)
                .register(registry).increment();
    }

    /** The current value of a counter, 0 when it was never incremented: for tests and status lines. */
    public double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sum over every counter of that name matching the tags. */
    public double total(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
