package dev.newsintel.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;

import dev.newsintel.enrich.EnrichApp;
import dev.newsintel.enrich.EnrichTopology;
import dev.newsintel.enrich.stories.StoryConfig;
import dev.newsintel.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsintel enrich}: the Kafka Streams topology alone; start several to share the partitions. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Runs the enrichment stream alone until Ctrl-C: enriched documents, announcements, stories,"
                + " alerts, dead letters.",
                "Several instances (on one or many machines) with the same --application-id share the work by"
                        + " partitions; give each its own --state-dir."})
final class EnrichCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${sys:java.io.tmpdir}/newsintel-enrich-state",
            description = "Kafka Streams state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--application-id", defaultValue = EnrichTopology.APPLICATION_ID,
            description = "Kafka Streams application id: instances with the same id share the work"
                    + " (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--story-window", paramLabel = "DURATION", defaultValue = "3d",
            description = "How close in publication time documents of one story must be, e.g. 48h, 3d, PT12H"
                    + " (default: ${DEFAULT-VALUE}).")
    String storyWindow;

    @Option(names = "--large-investment-usd", paramLabel = "USD", defaultValue = "1000000000",
            description = "Threshold of the built-in large-investments alerts (default: ${DEFAULT-VALUE}).")
    BigDecimal largeInvestmentUsd;

    @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE",
            description = "A Kafka Streams setting, e.g. -c session.timeout.ms=10000 (repeatable).")
    Map<String, String> config = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        if (largeInvestmentUsd.signum() < 0) {
            throw new IllegalArgumentException("--large-investment-usd must not be negative");
        }
        StoryConfig stories = StoryConfig.defaults().withWindow(parseDuration(storyWindow));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka))) {
            Topics.ensureCreated(admin, Topics.all());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EnrichApp app = new EnrichApp(EnrichApp.config(endpoints.kafka, applicationId, stateDir, threads, config),
                Clock.systemUTC(), stories, largeInvestmentUsd);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "newsintel-enrich-shutdown"));
        app.start();
        spec.commandLine().getOut().printf("Enrich is running (application %s, state in %s); Ctrl-C stops it.%n",
                applicationId, stateDir);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** {@code 48h}, {@code 3d}, {@code 90m} or an ISO-8601 duration ({@code PT12H}, {@code P3D}). */
    static Duration parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(s.substring(0, s.length() - 1));
            Duration d = switch (s.charAt(s.length() - 1)) {
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> throw new IllegalArgumentException();
            };
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a positive duration: '" + text + "' (use e.g. 48h, 3d, PT12H)");
        }
    }
}
