package dev.newsintel.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReachabilityTest {
    @Test
    void anOpenPortIsReachableAndAClosedOneIsNot() throws Exception {
        int closedPort;
        try (ServerSocket open = new ServerSocket(0)) {
            assertThat(Reachability.problem(URI.create("http://127.0.0.1:" + open.getLocalPort()), Duration.ofSeconds(2)))
                    .isNull();
            closedPort = open.getLocalPort();
        }
        assertThat(Reachability.problem(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)))
                .contains("127.0.0.1:" + closedPort + " is unreachable");
    }

    @Test
    void anUnresolvableHostSaysSo() {
        // .invalid never resolves (RFC 2606)
        assertThat(Reachability.problem(URI.create("https://edgar.invalid"), Duration.ofSeconds(3)))
                .contains("edgar.invalid cannot be resolved");
    }
}
