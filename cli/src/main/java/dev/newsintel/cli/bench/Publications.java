package dev.newsintel.cli.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each probed document was published to its raw topic ({@link System#nanoTime()} just before the send, on this
 * machine's monotonic clock), by id and by URL, and whether it counts (sent after the warm-up).
 */
final class Publications {
    record Sent(String id, long nanos, boolean measured) {
    }

    private final Map<String, Sent> byId = new ConcurrentHashMap<>();
    private final Map<String, Sent> byUrl = new ConcurrentHashMap<>();

    void record(String id, String url, long nanos, boolean measured) {
        Sent sent = new Sent(id, nanos, measured);
        byId.put(id, sent);
        if (url != null) {
            byUrl.put(url, sent);
        }
    }

    Sent byId(String id) {
        return byId.get(id);
    }

    Sent byUrl(String url) {
        return url == null ? null : byUrl.get(url);
    }

    void clear() {
        byId.clear();
        byUrl.clear();
    }
}
