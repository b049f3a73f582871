package dev.newsintel.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletResponse;

import dev.newsintel.events.Alert;
import dev.newsintel.events.Json;

/**
 * One Server-Sent Events connection: alerts are queued by the hub and written by this connection's own (virtual)
 * thread, so a slow client never holds up the others. A comment every {@code heartbeat} keeps proxies from closing
 * an idle stream and finds clients that went away; a client that falls {@code capacity} alerts behind is closed
 * (its EventSource reconnects). The stream ends after {@code maxDuration}, and the browser reconnects.
 */
final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final OutputStream out;
    private final BlockingQueue<Alert> queue;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Duration heartbeat;
    private final Duration maxDuration;

    private EventStream(OutputStream out, int capacity, Duration heartbeat, Duration maxDuration) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
    }

    /** Sends the event-stream headers and returns the open stream. */
    static EventStream open(HttpServletResponse response, Duration heartbeat, Duration maxDuration) throws IOException {
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        EventStream stream = new EventStream(response.getOutputStream(), 1000, heartbeat, maxDuration);
        stream.write("retry: 3000\n: connected\n\n");
        return stream;
    }

    /** Completes when the stream is over, whichever side ended it. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Queues an alert for this client; a client too far behind is closed. */
    void offer(Alert alert) {
        if (!queue.offer(alert)) {
            LOG.info("Closing an event stream whose client fell {} alerts behind", queue.size());
            done.complete(null);
        }
    }

    /** Writes queued alerts and heartbeats until the client leaves, the stream is closed or it ran its time. */
    void run() {
        long end = System.nanoTime() + maxDuration.toNanos();
        try {
            while (!done.isDone() && System.nanoTime() < end) {
                Alert alert = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (alert == null) {
                    write(": keep-alive\n\n");
                } else {
                    write("id: " + alert.id() + "\nevent: alert\ndata: " + Json.toString(alert) + "\n\n");
                }
            }
        } catch (IOException e) {
            LOG.debug("Event stream client went away: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.complete(null);
        }
    }

    void close() {
        done.complete(null);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
