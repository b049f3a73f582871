package dev.newsintel.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/** The node statistics the benchmark reports: bulk requests and indexing operations, and the old-generation heap. */
final class ElasticsearchStats {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    ElasticsearchStats(String url) {
        this.url = url;
    }

    /**
     * Cumulative counters of the node since it started.
     *
     * @param shardBulks  shard-level bulk requests served (one client bulk touching three indices counts three)
     * @param bulkBytes   their size
     * @param bulkMillis  time spent serving them
     * @param indexed     index operations (documents, announcements, stories and alerts alike)
     */
    record Counters(long shardBulks, long bulkBytes, long bulkMillis, long indexed) {
        static final Counters NONE = new Counters(0, 0, 0, 0);

        Counters minus(Counters o) {
            return new Counters(shardBulks - o.shardBulks, bulkBytes - o.bulkBytes, bulkMillis - o.bulkMillis,
                    indexed - o.indexed);
        }
    }

    Counters counters() {
        JsonNode node = firstNode("/_nodes/stats/indices/bulk,indexing");
        if (node == null) {
            return Counters.NONE;
        }
        JsonNode bulk = node.path("indices").path("bulk");
        return new Counters(bulk.path("total_operations").asLong(), bulk.path("total_size_in_bytes").asLong(),
                bulk.path("total_time_in_millis").asLong(),
                node.path("indices").path("indexing").path("index_total").asLong());
    }

    /** Old-generation heap in use: what survives collections, the closest a stats call gets to the live set. */
    long oldGenerationBytes() {
        JsonNode node = firstNode("/_nodes/stats/jvm");
        return node == null ? -1 : node.path("jvm").path("mem").path("pools").path("old").path("used_in_bytes")
                .asLong(-1);
    }

    private JsonNode firstNode(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return null;
            }
            var nodes = Json.MAPPER.readTree(response.body()).path("nodes").elements();
            return nodes.hasNext() ? nodes.next() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
