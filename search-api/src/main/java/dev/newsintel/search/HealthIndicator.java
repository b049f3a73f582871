package dev.newsintel.search;

import java.util.Map;

/** The health of one component (Kafka, Elasticsearch, the enrich stream, the indexer), for {@code GET /health}. */
@FunctionalInterface
public interface HealthIndicator {
    Health check();

    /** {@code UP} or {@code DOWN}, with details for operators. */
    record Health(boolean up, Map<String, Object> details) {
        public static Health up(Map<String, Object> details) {
            return new Health(true, details);
        }

        public static Health down(Map<String, Object> details) {
            return new Health(false, details);
        }
    }
}
