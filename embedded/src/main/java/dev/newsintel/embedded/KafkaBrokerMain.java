package dev.newsintel.embedded;

import java.io.PrintStream;

/**
 * Entry point of the child JVM that runs the Kafka broker: formats the log directory on first start, runs
 * {@code kafka.Kafka}, and exits when the JVM that started it is gone, so a killed parent never leaves a broker
 * behind.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id> <owner-pid>}.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <cluster-id> <owner-pid>");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[1];
        long ownerPid = Long.parseLong(args[2]);

        ProcessHandle owner = ProcessHandle.of(ownerPid).orElse(null);
        if (owner == null) {
            System.err.println("Owner process " + ownerPid + " is gone; not starting");
            System.exit(1);
        }
        // System.exit runs kafka.Kafka's shutdown hook: the broker stops cleanly.
        owner.onExit().thenRun(() -> {
            System.err.println("Owner process " + ownerPid + " exited; stopping the broker");
            System.exit(0);
        });

        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "--config", properties, "--cluster-id", clusterId, "--ignore-formatted"},
                new PrintStream(System.out, true));
        if (formatted != 0) {
            System.err.println("Formatting the log directory failed with status " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {properties});
    }
}
