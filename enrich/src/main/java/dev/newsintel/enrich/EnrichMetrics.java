package dev.newsintel.enrich;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of the enrich stage, shared by every stream thread of one instance. Counted when a record is processed:
 * a transaction aborted and retried (a crash under exactly-once) counts its records again, so these are attempts,
 * close to but not exactly the records committed to the topics.
 */
public final class EnrichMetrics {
    /** Name of the counter of dead letters in a Micrometer registry. */
    public static final String DEAD_LETTERS = "newsintel.enrich.dead.letters";
    /** Name of the counter of alerts raised in a Micrometer registry. */
    public static final String ALERTS = "newsintel.enrich.alerts";

    private final LongAdder deadLetters = new LongAdder();
    private final LongAdder alerts = new LongAdder();

    /** Records sent to the dead-letter topic since start: unparseable, not enrichable, too large, unroutable. */
    public long deadLetters() {
        return deadLetters.sum();
    }

    /** Alerts raised since start (each also on the firehose). */
    public long alerts() {
        return alerts.sum();
    }

    void deadLetter() {
        deadLetters.increment();
    }

    void alert() {
        alerts.increment();
    }

    /** Exposes the counters in a Micrometer registry (the search API's {@code /metrics} reads them there). */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(DEAD_LETTERS, this, EnrichMetrics::deadLetters)
                .description("Records the enrich stage sent to the dead-letter topic")
                .register(registry);
        FunctionCounter.builder(ALERTS, this, EnrichMetrics::alerts)
                .description("Alerts raised by the enrich stage")
                .register(registry);
    }
}
