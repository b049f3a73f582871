package dev.newsintel.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM.
 *
 * <p>A child JVM rather than in-process: its memory and CPU are measured apart from ours, it can be killed and
 * restarted like a real broker in fault tests, and it exits by itself when we die (see {@link KafkaBrokerMain}).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final String heap;
    private ServerProcess process;

    private EmbeddedKafka(Path dir, int port, int controllerPort, String heap) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = Uuid.randomUuid().toString();
        this.heap = heap;
    }

    /** Starts a broker with its data under {@code dir}, listening on {@code port} (0: any free port). */
    public static EmbeddedKafka start(Path dir, int port, String heap) {
        EmbeddedKafka kafka = new EmbeddedKafka(dir, port > 0 ? port : Ports.free(), Ports.free(), heap);
        kafka.writeConfig();
        kafka.launch();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker cleanly and starts it again on the same port and data: a rolling restart of one node. */
    public void restart() {
        process.stop(Duration.ofSeconds(60));
        launch();
    }

    /** Kills the broker at once, as a crash would; {@link #launch()} brings it back with its data. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker process on the existing configuration and data and waits until it answers. */
    public synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka broker is already running on port " + port);
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        // Its own session: a Ctrl-C in our terminal reaches only us, and we stop the broker after our clients.
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.addAll(List.of(java.toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
                "-Dlog4j2.level=WARN",
                "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(),
                dir.resolve("server.properties").toString(), clusterId,
                Long.toString(ProcessHandle.current().pid())));
        process = ServerProcess.start("kafka", command, Map.of(), dir, dir.resolve("kafka.out"),
                dir.getParent().resolve("kafka.pid"));
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited while starting. Last log lines:\n"
                            + process.tail(40));
                }
                try {
                    admin.describeCluster().nodes().get();
                    // Only ready once it accepts writes of internal topics: list topics succeeds after metadata
                    // has been published by the controller.
                    admin.listTopics().names().get();
                    LOG.info("Kafka {} broker ready at {} (pid {})", Versions.kafka(), bootstrapServers(), pid());
                    return;
                } catch (Exception e) {
                    sleepQuietly(250);
                }
            }
        }
        process.kill();
        throw new IllegalStateException("Kafka broker not ready within " + START_TIMEOUT.toSeconds()
                + " s. Last log lines:\n" + process.tail(40));
    }

    private void writeConfig() {
        try {
            Files.createDirectories(dir.resolve("data"));
            String props = String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=1",
                    "num.network.threads=2",
                    "num.io.threads=4",
                    // A single node can only replicate to itself.
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "transaction.state.log.num.partitions=10",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    // Topics are created from the catalog (dev.newsintel.events.Topics), never by accident.
                    "auto.create.topics.enable=false",
                    "message.max.bytes=" + (17 * 1024 * 1024),
                    "log.retention.check.interval.ms=60000",
                    "log.cleaner.backoff.ms=5000",
                    "")
                    ;
            Files.writeString(dir.resolve("server.properties"), props, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="kafka" level="INFO"/>
                      <logger name="org.apache.kafka" level="WARN"/>
                      <logger name="state.change.logger" level="WARN"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kafka configuration under " + dir, e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server", e);
        }
    }
}
