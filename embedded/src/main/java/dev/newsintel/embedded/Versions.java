package dev.newsintel.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the servers this module runs, as the build resolved them. */
public final class Versions {
    private static final Properties PROPS = load();

    private Versions() {
    }

    public static String elasticsearch() {
        return PROPS.getProperty("elasticsearch.version");
    }

    public static String kafka() {
        return PROPS.getProperty("kafka.version");
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties missing from the newsintel-embedded jar");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
