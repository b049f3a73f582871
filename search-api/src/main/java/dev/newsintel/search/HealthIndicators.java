package dev.newsintel.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;

/** Health checks of the two servers everything depends on. */
public final class HealthIndicators {
    private HealthIndicators() {
    }

    public static HealthIndicator elasticsearch(ElasticsearchClient client) {
        return () -> {
            try {
                HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("cluster", health.clusterName());
                details.put("clusterStatus", health.status().jsonValue());
                details.put("nodes", health.numberOfNodes());
                boolean up = !"red".equals(health.status().jsonValue());
                return new HealthIndicator.Health(up, details);
            } catch (Exception e) {
                return HealthIndicator.Health.down(Map.of("error", e.toString()));
            }
        };
    }

    public static HealthIndicator kafka(Admin admin) {
        return () -> {
            try {
                var cluster = admin.describeCluster();
                int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
                String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
                return HealthIndicator.Health.up(Map.of("clusterId", clusterId, "brokers", nodes));
            } catch (Exception e) {
                return HealthIndicator.Health.down(Map.of("error", e.toString()));
            }
        };
    }
}
