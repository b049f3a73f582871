package dev.newsintel.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;

/**
 * The key that changing subscriptions needs, sent as {@code X-Api-Key: KEY} or {@code Authorization: Bearer KEY}.
 * With no key configured, changes are refused with a message that says how to configure one: an open write API
 * is never the default.
 */
public final class ApiKey {
    public static final String HEADER = "X-Api-Key";
    private static final String HOW = "Start the server with --api-key KEY (or the environment variable "
            + "NEWSINTEL_API_KEY=KEY) and send the key as the header 'X-Api-Key: KEY' or 'Authorization: Bearer KEY'.";

    private final byte[] key;

    private ApiKey(String key) {
        this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /** A configured key (at least 16 characters), or none when {@code key} is null or blank. */
    public static ApiKey of(String key) {
        if (key == null || key.isBlank()) {
            return new ApiKey(null);
        }
        if (key.strip().length() < 16) {
            throw new IllegalArgumentException("The API key must be at least 16 characters long");
        }
        return new ApiKey(key.strip());
    }

    public static ApiKey none() {
        return new ApiKey(null);
    }

    /** A random key, for development stacks that print it at start. */
    public static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "ni-" + HexFormat.of().formatHex(bytes);
    }

    public boolean configured() {
        return key != null;
    }

    /** Lets the request through or throws a 401/403 with the reason. */
    void require(Context ctx) {
        if (key == null) {
            throw new ForbiddenResponse("Changing subscriptions is disabled because no API key is configured. " + HOW);
        }
        String given = ctx.header(HEADER);
        if (given == null) {
            String authorization = ctx.header(Header.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                given = authorization.substring(7).strip();
            }
        }
        if (given == null || given.isEmpty()) {
            throw new UnauthorizedResponse("Changing subscriptions needs the API key: send it as the header "
                    + "'X-Api-Key: KEY' or 'Authorization: Bearer KEY'.");
        }
        if (!MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("The API key is not valid.");
        }
    }
}
