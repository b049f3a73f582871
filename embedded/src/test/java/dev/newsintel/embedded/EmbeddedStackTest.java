package dev.newsintel.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.newsintel.events.Topics;

/**
 * Starts the real stack itself (not through the shared test extension) because what it checks is the life cycle:
 * both servers answer, topics of the catalog are created, and after close nothing of ours is left running or on
 * disk.
 */
@Tag("integration")
class EmbeddedStackTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsRealServersAndLeavesNothingBehind() throws Exception {
        List<ProcessHandle> serverTree;
        Path runDir;
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.defaults())) {
            runDir = stack.runtime().run();
            serverTree = List.of(ProcessHandle.of(stack.kafka().pid()).orElseThrow(),
                    ProcessHandle.of(stack.elasticsearch().pid()).orElseThrow());

            // Kafka: the catalog's topics can be created, a record goes through a transactional-capable broker.
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
                Topics.ensureCreated(admin, Topics.all());
                Topics.ensureCreated(admin, Topics.all()); // idempotent
                assertThat(admin.listTopics().names().get())
                        .containsAll(Topics.all().stream().map(t -> t.name()).toList());
            }
            String topic = Topics.RAW_NEWS.name();
            try (var producer = new KafkaProducer<>(producerProps(stack), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
            }
            try (var consumer = new KafkaConsumer<>(consumerProps(stack), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 40 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("hello");
            }

            // Elasticsearch: a real server that indexes and finds a document.
            String es = stack.elasticsearch().url();
            assertThat(send("PUT", es + "/probe", "{}").statusCode()).isEqualTo(200);
            assertThat(send("PUT", es + "/probe/_doc/1?refresh=true", "{\"title\":\"Nemotron 3 Super\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> search = send("POST", es + "/probe/_search",
                    "{\"query\":{\"match\":{\"title\":\"nemotron\"}}}");
            assertThat(search.body()).contains("\"value\":1");
            assertThat(send("GET", es + "/_cluster/health", null).body()).contains("newsintel-embedded");
        }

        for (ProcessHandle process : serverTree) {
            assertThat(process.isAlive()).as("server process %d after close", process.pid()).isFalse();
        }
        assertThat(runDir).doesNotExist();
    }

    @Test
    void killedRunIsCleanedUpByTheNextStart() throws Exception {
        Path base = RuntimeDirectory.baseDirectory();
        Files.createDirectories(base);
        Path stale = Files.createTempDirectory(base, "run-999999-");
        // An owner that has exited, and a "server" it left behind.
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Process leftover = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(stale.resolve("owner.pid"), deadOwner.pid() + " 2000-01-01T00:00:00Z");
            Files.writeString(stale.resolve("elasticsearch.pid"), ServerProcess.pidLine(leftover.toHandle()));

            RuntimeDirectory fresh = RuntimeDirectory.create();
            try {
                assertThat(leftover.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(stale).doesNotExist();
                assertThat(fresh.run()).exists();
            } finally {
                fresh.delete();
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void runsOfLiveOwnersAreLeftAlone() throws Exception {
        RuntimeDirectory first = RuntimeDirectory.create();
        try {
            RuntimeDirectory second = RuntimeDirectory.create();
            second.delete();
            assertThat(first.run()).exists();
        } finally {
            first.delete();
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Properties producerProps(EmbeddedStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    private static Properties consumerProps(EmbeddedStack stack) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
