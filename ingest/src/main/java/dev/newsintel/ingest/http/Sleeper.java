package dev.newsintel.ingest.http;

import java.time.Duration;

/**
 * How a component waits. Production code waits on the real clock; tests hand in a sleeper that advances a fake
 * clock, so rate limits and back-off are checked without sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
