package dev.newsintel.ingest.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of a web URL, from which a document's id is derived ({@code Ids.forUrl}): the same article
 * reached through a feed's tracking link or a redirect keeps one id.
 *
 * <p>Rules: scheme and host lower case, default port and fragment dropped, an empty path becomes {@code /}, and
 * query parameters that only track the reader (the {@code utm_*} family and the click ids below) are removed;
 * every other parameter keeps its order, because on many sites it selects the article.
 */
public final class UrlCanonicalizer {
    /** Tracking parameters: they never change the page, only who is told about the visit. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "yclid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "ncid", "wt_mc", "wt.mc_id", "cmpid", "ocid", "sr_share",
            "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression", "ref_src", "ref_url");

    private UrlCanonicalizer() {
    }

    /**
     * @throws IllegalArgumentException when the text is not an absolute http(s) URL
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute http(s) URL: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** Like {@link #canonicalize} but null for what cannot be canonicalized. */
    public static String canonicalOrNull(String url) {
        try {
            return canonicalize(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        return String.join("&", kept);
    }
}
