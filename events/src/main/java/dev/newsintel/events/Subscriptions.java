package dev.newsintel.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Publishes and deletes alert rules: the one way rules should reach {@link Topics#SUBSCRIPTIONS}, used by the
 * subscriptions API and by tests.
 *
 * <p>A rule's alert topic ({@link Topics#alertTopic(String)}) is created <em>before</em> the rule is published, so
 * the enrich topology never raises an alert for a rule whose topic does not exist yet (brokers run with automatic
 * topic creation off). Deleting a rule writes a tombstone and keeps its alert topic, so alerts already raised stay
 * readable until the topic's retention removes them.
 */
public final class Subscriptions implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Producer<String, Subscription> producer;
    private final boolean owned;

    /** Uses the given clients; closing this leaves them open. */
    public Subscriptions(Admin admin, Producer<String, Subscription> producer) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.owned = false;
    }

    /** Creates (and on close, closes) its own admin client and idempotent producer. */
    public Subscriptions(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "newsintel-subscriptions"),
                Serdes.String().serializer(), EventSerdes.subscription().serializer());
        this.owned = true;
    }

    /**
     * Validates the rule, creates its alert topic (and the subscriptions topic) if missing, then publishes it and
     * waits for the broker's ack. Publishing a rule with an existing id replaces it.
     *
     * @throws IllegalArgumentException listing every problem when the rule is invalid
     */
    public Subscription publish(Subscription rule) {
        publishAt(rule);
        return rule;
    }

    /**
     * {@link #publish} that returns the offset the rule was written at, for readers of the topic that wait until
     * they see their own write.
     */
    public long publishAt(Subscription rule) {
        validate(rule);
        Topics.ensureCreated(admin, List.of(Topics.SUBSCRIPTIONS, Topics.alertTopic(rule.id())));
        return send(rule.id(), rule);
    }

    /** Deletes a rule (a tombstone); its alert topic and the alerts in it stay. */
    public void delete(String ruleId) {
        deleteAt(ruleId);
    }

    /** {@link #delete} that returns the offset of the tombstone. */
    public long deleteAt(String ruleId) {
        Validation.requireText(ruleId, "ruleId");
        return send(ruleId, null);
    }

    private long send(String key, Subscription value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish rule " + key + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not publish rule " + key + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing rule " + key, e);
        }
    }

    /**
     * The problems of a rule, empty when it is valid: a rule needs at least one criterion (a rule matching
     * everything would alert on every document), no blank entries, no negative thresholds, and an id that is not
     * one of the built-in rules.
     */
    public static List<String> problems(Subscription rule) {
        List<String> problems = new ArrayList<>();
        if (rule == null) {
            return List.of("rule is missing");
        }
        if (Topics.BUILT_IN_ALERT_RULES.contains(rule.id())) {
            problems.add("id '" + rule.id() + "' is a built-in rule");
        }
        if (rule.name() != null && rule.name().length() > 200) {
            problems.add("name is longer than 200 characters");
        }
        if (rule.companies().isEmpty() && rule.types().isEmpty() && rule.minAmountUsd() == null
                && rule.minParameters() == null && rule.openWeights() == null && rule.terms().isEmpty()) {
            problems.add("a rule needs at least one criterion (companies, types, minAmountUsd, minParameters,"
                    + " openWeights or terms)");
        }
        if (rule.companies().stream().anyMatch(c -> c == null || c.isBlank())) {
            problems.add("companies must not contain blank entries");
        }
        if (rule.types().stream().anyMatch(Objects::isNull)) {
            problems.add("types must not contain null entries");
        }
        if (rule.terms().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("terms must not contain blank entries");
        }
        if (rule.minAmountUsd() != null && rule.minAmountUsd().compareTo(BigDecimal.ZERO) < 0) {
            problems.add("minAmountUsd must not be negative");
        }
        if (rule.minParameters() != null && rule.minParameters() < 0) {
            problems.add("minParameters must not be negative");
        }
        return problems;
    }

    /** @throws IllegalArgumentException listing every problem of an invalid rule */
    public static void validate(Subscription rule) {
        List<String> problems = problems(rule);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid rule" + (rule == null ? "" : " " + rule.id()) + ": "
                    + String.join("; ", problems));
        }
    }

    @Override
    public void close() {
        if (owned) {
            producer.close(TIMEOUT);
            admin.close(TIMEOUT);
        }
    }
}
