package dev.newsintel.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.newsintel.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsintel alerts}: reading alert topics. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Reads the alerts of a rule.",
        subcommands = {AlertsCommand.Tail.class})
final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code newsintel alerts tail RULE}: one JSON alert per line, as they arrive, until Ctrl-C. */
    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"Prints the alerts of a rule as they arrive, one JSON object per line, until Ctrl-C.",
                    "RULE is a subscription id or a built-in rule: large-investments, model-releases,"
                            + " material-events."})
    static final class Tail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Endpoints endpoints;

        @Parameters(paramLabel = "RULE", description = "The rule id.")
        String rule;

        @Option(names = "--from-beginning", description = "Print the alerts already in the topic first.")
        boolean fromBeginning;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after N alerts (default: never).")
        long limit = Long.MAX_VALUE;

        @Override
        public Integer call() throws InterruptedException {
            if (!rule.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw new IllegalArgumentException("Not a rule id: '" + rule + "'");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1");
            }
            String topic = Topics.alertTopic(rule).name();
            List<TopicPartition> partitions = partitions(topic);
            PrintWriter out = spec.commandLine().getOut();
            // No consumer group: every tail sees every alert, and leaves no offsets behind.
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.CLIENT_ID_CONFIG, "newsintel-alerts-tail-" + UUID.randomUUID()),
                    new StringDeserializer(), new ByteArrayDeserializer());
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                consumer.wakeup();
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsintel-alerts-tail-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            long printed = 0;
            try {
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position); // fixes "the end" now, before any new alert
                }
                while (printed < limit) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() == null) {
                            continue;
                        }
                        out.println(new String(record.value(), StandardCharsets.UTF_8));
                        printed++;
                        if (printed >= limit) {
                            break;
                        }
                    }
                    out.flush();
                }
            } catch (WakeupException e) {
                // Ctrl-C
            } finally {
                consumer.close(Duration.ofSeconds(2));
                out.flush();
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
            return 0;
        }

        private List<TopicPartition> partitions(String topic) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka))) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic);
                return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new IllegalArgumentException("No alert topic " + topic + ": rule '" + rule
                            + "' was never published (publish it through the subscriptions API first)");
                }
                throw new IllegalStateException("Could not read " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka at " + endpoints.kafka + " did not answer in 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
