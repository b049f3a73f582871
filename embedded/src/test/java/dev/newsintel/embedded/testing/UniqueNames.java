package dev.newsintel.embedded.testing;

import java.util.concurrent.atomic.AtomicLong;

final class UniqueNames {
    private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis() % 100_000 * 1000);

    private UniqueNames() {
    }

    static long next() {
        return COUNTER.incrementAndGet();
    }
}
