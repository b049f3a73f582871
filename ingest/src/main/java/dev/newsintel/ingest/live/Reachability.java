package dev.newsintel.ingest.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Whether a host answers at all: how {@code newsintel up} decides between live sources and the sample corpus. */
public final class Reachability {
    private Reachability() {
    }

    /**
     * Null when a TCP connection to the URL's host and port succeeds within {@code timeout}, else the reason in a few
     * words. Name resolution is bounded by the same time-out (an offline resolver may otherwise hang).
     */
    public static String problem(URI uri, Duration timeout) {
        String host = uri.getHost();
        if (host == null) {
            return "no host in " + uri;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        InetAddress address;
        try {
            address = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    return null;
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return host + " cannot be resolved (DNS did not answer within " + timeout.toSeconds() + " s)";
        } catch (ExecutionException e) {
            return host + " cannot be resolved (" + e.getCause() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while resolving " + host;
        }
        if (address == null) {
            return host + " cannot be resolved (no DNS)";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            return null;
        } catch (IOException e) {
            return host + ":" + port + " is unreachable (" + e.getMessage() + ")";
        }
    }
}
