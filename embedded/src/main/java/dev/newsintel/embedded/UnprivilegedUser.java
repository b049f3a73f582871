package dev.newsintel.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch refuses to run as root. When we are root it runs as {@code $NEWSINTEL_ES_USER} (default
 * {@code newsintel}), created as a system user when missing.
 */
record UnprivilegedUser(String name, int uid, int gid) {
    private static final Logger LOG = LoggerFactory.getLogger(UnprivilegedUser.class);

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name")) || currentUid() == 0;
    }

    static UnprivilegedUser resolve() {
        String name = System.getenv().getOrDefault("NEWSINTEL_ES_USER", "newsintel");
        if (lookup(name) == null) {
            LOG.info("Creating the system user '{}' to run Elasticsearch (it refuses to run as root)", name);
            String out = run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", name);
            if (lookup(name) == null) {
                throw new IllegalStateException("Elasticsearch cannot run as root and the user '" + name
                        + "' could not be created (" + out.trim() + "). Create an unprivileged user and set "
                        + "NEWSINTEL_ES_USER to it.");
            }
        }
        int[] ids = lookup(name);
        return new UnprivilegedUser(name, ids[0], ids[1]);
    }

    private static int[] lookup(String name) {
        String uid = run("id", "-u", name).trim();
        String gid = run("id", "-g", name).trim();
        if (!uid.matches("\\d+") || !gid.matches("\\d+")) {
            return null;
        }
        return new int[] {Integer.parseInt(uid), Integer.parseInt(gid)};
    }

    private static int currentUid() {
        String uid = run("id", "-u").trim();
        return uid.matches("\\d+") ? Integer.parseInt(uid) : -1;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Gives the user ownership of a directory tree it must write to. */
    void own(java.nio.file.Path dir) {
        String out = run("chown", "-R", uid + ":" + gid, dir.toString());
        if (!out.isBlank()) {
            throw new IllegalStateException("Could not give " + dir + " to user " + name + ": " + out.trim());
        }
    }
}
