package dev.newsintel.ingest.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.newsintel.ingest.http.Sleeper;

/** A clock that only moves when told to, and a sleeper that moves it (recording every wait). */
public final class FakeClock extends Clock {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Sleeping advances the clock by exactly the requested time. */
    public Sleeper sleeper() {
        return d -> {
            synchronized (this) {
                sleeps.add(d);
                now = now.plus(d);
            }
        };
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
