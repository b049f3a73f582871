package dev.newsintel.ingest;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sources and publishes what they fetch to the raw topics. One failing source never stops the others:
 * its error is logged with the source id and counted.
 */
public final class IngestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);

    private final RawDocumentPublisher publisher;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();

    public IngestWorker(RawDocumentPublisher publisher) {
        this.publisher = publisher;
    }

    /** Polls each source once and waits until everything it fetched is acknowledged by Kafka. */
    public void runOnce(List<? extends Source> sources) {
        for (Source source : sources) {
            try {
                source.poll(document -> {
                    publisher.send(document);
                    published.incrementAndGet();
                });
            } catch (Exception e) {
                failedPolls.incrementAndGet();
                LOG.error("Source {} failed: {}", source.id(), e.toString(), e);
            }
        }
        publisher.flush();
    }

    public long published() {
        return published.get();
    }

    public long failedPolls() {
        return failedPolls.get();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
