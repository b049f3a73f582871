package dev.newsintel.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsintel.events.Json;

/**
 * Watches Elasticsearch the way a reader would find a document: by searching the documents alias, which sees a
 * document only after the index refreshed (a GET by id would see it earlier, before it is searchable). Two probes:
 * a count of the run's documents (by {@code sourceId}), for throughput; and, for latency, a search every
 * {@code period} for the ids published and not yet found (the oldest 1,000 at most), each found id timed from its
 * publication. The resolution of a latency is the period plus one search (a few milliseconds).
 */
final class SearchObserver implements Runnable, AutoCloseable {
    private static final String ALIAS = "newsintel-documents";
    private static final int MAX_IDS_PER_SEARCH = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String elasticsearch;
    private final String sourceId;
    private final Duration period;
    private final Map<String, Publications.Sent> pending = new LinkedHashMap<>();
    private final AtomicLong found = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();
    private final Thread thread;
    private volatile Latencies latencies = new Latencies();
    private volatile boolean running = true;

    SearchObserver(String elasticsearch, String sourceId, Duration period) {
        this.elasticsearch = elasticsearch;
        this.sourceId = sourceId;
        this.period = period;
        this.thread = new Thread(this, "bench-search-observer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Publication of a document whose searchability is timed. */
    void published(Publications.Sent sent) {
        synchronized (pending) {
            pending.put(sent.id(), sent);
        }
    }

    int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    Latencies reset() {
        Latencies previous = latencies;
        latencies = new Latencies();
        return previous;
    }

    long searches() {
        return searches.get();
    }

    /** Documents of the run that are searchable now. */
    long count() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("query").putObject("term").put("sourceId", sourceId);
        JsonNode response = post("/" + ALIAS + "/_count", body);
        return response == null ? -1 : response.path("count").asLong(-1);
    }

    @Override
    public void run() {
        while (running) {
            long started = System.nanoTime();
            List<String> ids;
            synchronized (pending) {
                ids = new ArrayList<>(Math.min(pending.size(), MAX_IDS_PER_SEARCH));
                Iterator<String> it = pending.keySet().iterator();
                while (it.hasNext() && ids.size() < MAX_IDS_PER_SEARCH) {
                    ids.add(it.next());
                }
            }
            if (!ids.isEmpty()) {
                search(ids);
            }
            long sleep = period.toNanos() - (System.nanoTime() - started);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void search(List<String> ids) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("size", ids.size());
        body.put("_source", false);
        var values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        JsonNode response = post("/" + ALIAS + "/_search?filter_path=hits.hits._id", body);
        long now = System.nanoTime();
        searches.incrementAndGet();
        if (response == null) {
            return;
        }
        for (JsonNode hit : response.path("hits").path("hits")) {
            Publications.Sent sent;
            synchronized (pending) {
                sent = pending.remove(hit.path("_id").asText());
            }
            if (sent != null) {
                found.incrementAndGet();
                if (sent.measured()) {
                    latencies.add((now - sent.nanos()) / 1e6);
                }
            }
        }
    }

    private JsonNode post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
