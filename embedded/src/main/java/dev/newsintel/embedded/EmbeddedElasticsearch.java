package dev.newsintel.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server (the integ-test distribution: core search, no ingest pipelines or stemming
 * analyzers) running as a child process.
 *
 * <p>As root it runs through {@code setpriv} as an unprivileged user, with its config copy, data, logs and tmp in
 * the run directory, which that user owns. It is wrapped in a small watchdog shell that stops it when our JVM is
 * gone, so a killed parent leaves no server behind.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** Stops the child when the owner pid is gone; forwards TERM so a normal stop is a clean shutdown. */
    private static final String WATCHDOG = """
            owner="$1"; shift
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
            while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM "$child" 2>/dev/null
            wait "$child"
            """;

    private final Path dir;
    private final Path home;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final UnprivilegedUser user;
    private ServerProcess process;

    private EmbeddedElasticsearch(Path dir, Path home, int httpPort, String heap, UnprivilegedUser user) {
        this.dir = dir;
        this.home = home;
        this.httpPort = httpPort;
        this.transportPort = Ports.free();
        this.heap = heap;
        this.user = user;
    }

    /** Starts a server with its files under {@code dir}, HTTP on {@code port} (0: any free port). */
    public static EmbeddedElasticsearch start(Path dir, Path cacheBase, int port, String heap) {
        Path home = ElasticsearchDistribution.home(cacheBase);
        UnprivilegedUser user = UnprivilegedUser.runningAsRoot() ? UnprivilegedUser.resolve() : null;
        EmbeddedElasticsearch es = new EmbeddedElasticsearch(dir, home, port > 0 ? port : Ports.free(), heap, user);
        es.prepare();
        es.launch();
        return es;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server cleanly (its data stays); {@link #launch()} starts it again on the same port. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    /** Starts the server on the prepared directories and waits until the cluster is at least yellow. */
    public synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Elasticsearch is already running on port " + httpPort);
        }
        List<String> command = new ArrayList<>();
        // Its own session: a Ctrl-C in our terminal reaches us, and we stop the server in order.
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", WATCHDOG, "newsintel-es-watchdog",
                Long.toString(ProcessHandle.current().pid())));
        if (user != null) {
            command.addAll(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(), "--init-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        Map<String, String> env = new HashMap<>();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", dir.resolve("config").toString());
        env.put("ES_TMPDIR", dir.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("LIBFFI_TMPDIR", dir.resolve("tmp").toString());
        // The server must not inherit a JAVA_TOOL_OPTIONS meant for us (it would print it and may break).
        env.put("JAVA_TOOL_OPTIONS", "");
        process = ServerProcess.start("elasticsearch", command, env, dir, dir.resolve("elasticsearch.out"),
                dir.getParent().resolve("elasticsearch.pid"));
        awaitReady();
        process.recordPids();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited while starting. Last log lines:\n"
                        + process.tail(40));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    LOG.info("Elasticsearch {} ready at {} (pid {}{})", Versions.elasticsearch(), url(), pid(),
                            user == null ? "" : ", user " + user.name());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            EmbeddedKafka.sleepQuietly(500);
        }
        process.kill();
        throw new IllegalStateException("Elasticsearch not ready within " + START_TIMEOUT.toSeconds()
                + " s. Last log lines:\n" + process.tail(40));
    }

    private void prepare() {
        try {
            Path config = dir.resolve("config");
            Files.createDirectories(config);
            for (String name : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(name));
            }
            try (Stream<Path> files = Files.walk(home.resolve("config"))) {
                for (Path source : files.toList()) {
                    Path target = config.resolve(home.resolve("config").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                    "cluster.name: newsintel-embedded",
                    "node.name: newsintel-es",
                    "path.data: " + dir.resolve("data"),
                    "path.logs: " + dir.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    "discovery.type: single-node",
                    "xpack.security.enabled: false",
                    // A nearly full disk must not turn every index read-only in a development stack.
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.auto_create_index: false",
                    ""), StandardCharsets.UTF_8);
            // Quieter, smaller logs: the server's console output is our log file.
            Path jvmOptionsDir = config.resolve("jvm.options.d");
            Files.createDirectories(jvmOptionsDir);
            Files.writeString(jvmOptionsDir.resolve("newsintel.options"), String.join("\n",
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr:utctime,level,tags",
                    "-XX:-HeapDumpOnOutOfMemoryError",
                    ""), StandardCharsets.UTF_8);
            if (user != null) {
                user.own(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Elasticsearch files under " + dir, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
