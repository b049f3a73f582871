package dev.newsintel.ingest.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/** Whether a host answers at all: how {@code newsintel up} decides between live sources and the sample corpus. */
public final class Reachability {
    private Reachability() {
    }

    /** Null when a TCP connection to the URL's host and port succeeds, else the reason in a few words. */
    public static String problem(URI uri, Duration timeout) {
        String host = uri.getHost();
        if (host == null) {
            return "no host in " + uri;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return null;
        } catch (UnknownHostException e) {
            return host + " cannot be resolved (no DNS)";
        } catch (IOException e) {
            return host + ":" + port + " is unreachable (" + e.getMessage() + ")";
        }
    }
}
