package dev.newsintel.enrich.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster whether alert topics exist, and remembers the answer: a topic found for
 * {@link #POSITIVE_TTL}, a missing one for {@link #NEGATIVE_TTL} (a rule's topic is created just before the rule is
 * published, so a miss is re-checked soon). When the cluster cannot answer, the topic is taken to exist: the send
 * itself then reports the real problem.
 */
public final class AdminAlertTopicCatalog implements AlertTopicCatalog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAlertTopicCatalog.class);
    static final Duration POSITIVE_TTL = Duration.ofMinutes(5);
    static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private record Answer(boolean exists, long checkedAt) {
    }

    private final Admin admin;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public AdminAlertTopicCatalog(String bootstrapServers, Clock clock) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newsintel-enrich-alert-topics"));
        this.clock = clock;
    }

    @Override
    public boolean exists(String topic) {
        long now = clock.millis();
        Answer answer = answers.get(topic);
        if (answer != null && now - answer.checkedAt() < (answer.exists() ? POSITIVE_TTL : NEGATIVE_TTL).toMillis()) {
            return answer.exists();
        }
        boolean exists = lookup(topic);
        answers.put(topic, new Answer(exists, now));
        return exists;
    }

    private boolean lookup(String topic) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            LOG.warn("Could not check whether {} exists ({}); sending to it", topic, e.getCause().toString());
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Timed out checking whether {} exists; sending to it", topic);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
