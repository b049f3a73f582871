package dev.newsintel.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids: the same input always gives the same id, so replays overwrite instead of duplicating. */
public final class Ids {
    private Ids() {
    }

    /** First 16 bytes of SHA-256 as hex: short enough for URLs, long enough never to collide in practice. */
    public static String hash(String input) {
        return hash(input.getBytes(StandardCharsets.UTF_8));
    }

    public static String hash(byte[] input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Id of a web document: a hash of its canonical URL. */
    public static String forUrl(String canonicalUrl) {
        return "url-" + hash(canonicalUrl);
    }

    /** Id of a document known only by its bytes (a file in a replay folder). */
    public static String forContent(byte[] body) {
        return "sha-" + hash(body);
    }

    /** Id of a filing document: accession number plus document name. */
    public static String forFiling(String accessionNumber, String documentName) {
        return documentName == null || documentName.isBlank()
                ? accessionNumber
                : accessionNumber + "/" + documentName;
    }
}
