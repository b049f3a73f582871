package dev.newsintel.embedded.testing;

import java.util.Locale;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Hands tests a {@link TestStack}: declare a {@code TestStack} parameter (constructor, lifecycle or test method).
 *
 * <p>One stack per test run (kept in the root context store, closed when the run ends). Containers when a Docker
 * engine is reachable, else the local servers. {@code -Dnewsintel.test.stack=local|docker} forces one.
 */
public final class StackExtension implements ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(StackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> new Holder(startStack()), Holder.class).stack;
    }

    private static TestStack startStack() {
        String wanted = System.getProperty("newsintel.test.stack",
                System.getenv().getOrDefault("NEWSINTEL_TEST_STACK", "auto")).toLowerCase(Locale.ROOT);
        boolean docker = switch (wanted) {
            case "docker" -> true;
            case "local" -> false;
            default -> dockerAvailable();
        };
        long started = System.nanoTime();
        TestStack stack = docker ? new DockerTestStack() : new LocalTestStack();
        LOG.info("Test stack ({}) up in {} ms: Kafka {}, Elasticsearch {}", stack.kind(),
                (System.nanoTime() - started) / 1_000_000, stack.kafkaBootstrapServers(), stack.elasticsearchUrl());
        return stack;
    }

    private static boolean dockerAvailable() {
        // Without a socket or DOCKER_HOST there is no engine to find: skip Testcontainers' noisy probing.
        boolean hint = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Closed by JUnit when the root context (the whole run) closes. */
    private record Holder(TestStack stack) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (stack instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
