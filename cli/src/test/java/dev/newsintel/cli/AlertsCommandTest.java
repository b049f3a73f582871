package dev.newsintel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Alert;
import dev.newsintel.events.EventSerdes;
import dev.newsintel.events.Json;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;
import dev.newsintel.events.Topics;
import picocli.CommandLine;

/** {@code newsintel alerts tail RULE} against a real broker. */
@WithStack
class AlertsCommandTest {
    @Test
    void tailPrintsOneJsonAlertPerLine(TestStack stack) throws Exception {
        String rule = stack.unique("tail-rule");
        Instant now = Instant.parse("2026-03-12T10:00:00Z");
        try (Subscriptions subscriptions = new Subscriptions(stack.kafkaBootstrapServers());
             KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                     new StringSerializer(), EventSerdes.alert().serializer())) {
            subscriptions.publish(new Subscription(1, rule, "tail", List.of("NVDA"), List.of(), null, null, null,
                    List.of(), now, now));
            for (String story : List.of("story-a", "story-b")) {
                Alert alert = new Alert(1, Alert.idFor(rule, story), rule, "tail", story, null, List.of(story),
                        List.of("company NVIDIA CORP (NVDA)"), "Title " + story, null, now, now);
                producer.send(new ProducerRecord<>(Topics.alertTopic(rule).name(), rule, alert)).get();
            }
        }

        StringWriter out = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("alerts", "tail", rule,
                "--from-beginning", "--limit", "2", "--kafka", stack.kafkaBootstrapServers());

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(line -> Json.fromBytes(line.getBytes(), Alert.class).storyId())
                .containsExactly("story-a", "story-b");
    }

    @Test
    void tailOfAnUnknownRuleSaysSo(TestStack stack) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(e.getMessage());
                    return 1;
                })
                .execute("alerts", "tail", stack.unique("never-published"), "--kafka", stack.kafkaBootstrapServers());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("was never published");
    }
}
