package dev.newsintel.ingest.edgar;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How this process talks to EDGAR.
 *
 * <p>SEC's fair-access policy asks every automated client to declare who it is in the User-Agent, with a contact
 * e-mail ("Sample Company Name AdminContact@samplecompany.com"), and to stay at or below 10 requests per second;
 * clients that do not are blocked for 10 minutes. {@link #validated()} refuses to run against sec.gov without such
 * a User-Agent, with a message that says how to give one.
 *
 * @param userAgent            "Name contact@example.com"; may be null only for a mirror that is not sec.gov
 * @param wwwBaseUrl           {@code https://www.sec.gov} or a mirror (browse-edgar, Archives, company tickers)
 * @param dataBaseUrl          {@code https://data.sec.gov} or a mirror (submissions API)
 * @param maxRequestsPerSecond the most requests EDGAR may see from this process in any second: 2 to 10
 * @param pageSize             entries per latest-filings page (EDGAR serves at most 100)
 * @param maxPages             how far back one pass of the latest-filings feed pages to catch up
 * @param initialLookback      a watchlist company seen for the first time: filings this recent are fetched
 * @param maxDocumentBytes     bound of one fetched filing document (the size policy cuts what is above)
 */
public record EdgarSettings(String userAgent, URI wwwBaseUrl, URI dataBaseUrl, double maxRequestsPerSecond,
                            int pageSize, int maxPages, Duration initialLookback, int maxDocumentBytes) {

    public static final URI SEC_WWW = URI.create("https://www.sec.gov");
    public static final URI SEC_DATA = URI.create("https://data.sec.gov");
    /** SEC's published limit. */
    public static final double SEC_MAX_REQUESTS_PER_SECOND = 10;
    /** How long EDGAR blocks a client that went over the limit. */
    public static final Duration SEC_BLOCK = Duration.ofMinutes(10);

    private static final Pattern CONTACT = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+\\.[A-Za-z]{2,}");

    public EdgarSettings {
        wwwBaseUrl = stripSlash(wwwBaseUrl == null ? SEC_WWW : wwwBaseUrl);
        dataBaseUrl = stripSlash(dataBaseUrl == null ? SEC_DATA : dataBaseUrl);
        if (!(maxRequestsPerSecond >= 2) || maxRequestsPerSecond > SEC_MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("EDGAR requests per second must be between 2 and 10 (SEC's fair-access "
                    + "limit is 10); got " + maxRequestsPerSecond);
        }
        if (pageSize < 1 || pageSize > 100 || maxPages < 1) {
            throw new IllegalArgumentException("EDGAR page size must be 1..100 and max pages positive");
        }
        userAgent = userAgent == null || userAgent.isBlank() ? null : userAgent.trim();
    }

    /** SEC's endpoints, the given User-Agent, 10 requests/s, 100 entries a page, 10 pages, 30 days of history. */
    public static EdgarSettings defaults(String userAgent) {
        return new EdgarSettings(userAgent, SEC_WWW, SEC_DATA, SEC_MAX_REQUESTS_PER_SECOND, 100, 10,
                Duration.ofDays(30), dev.newsintel.ingest.SizePolicy.MAX_BODY_BYTES);
    }

    public EdgarSettings withBaseUrls(URI www, URI data) {
        return new EdgarSettings(userAgent, www, data, maxRequestsPerSecond, pageSize, maxPages, initialLookback,
                maxDocumentBytes);
    }

    public EdgarSettings withMaxRequestsPerSecond(double rps) {
        return new EdgarSettings(userAgent, wwwBaseUrl, dataBaseUrl, rps, pageSize, maxPages, initialLookback,
                maxDocumentBytes);
    }

    public EdgarSettings withInitialLookback(Duration lookback) {
        return new EdgarSettings(userAgent, wwwBaseUrl, dataBaseUrl, maxRequestsPerSecond, pageSize, maxPages,
                lookback, maxDocumentBytes);
    }

    /** True when either endpoint is SEC's own (not a mirror or a test server). */
    public boolean targetsSec() {
        return isSec(wwwBaseUrl) || isSec(dataBaseUrl);
    }

    /**
     * These settings, or a clear refusal: against sec.gov a User-Agent with a contact e-mail is required.
     *
     * @throws IllegalStateException saying how to configure one
     */
    public EdgarSettings validated() {
        if (targetsSec() && (userAgent == null || !CONTACT.matcher(userAgent).find())) {
            throw new IllegalStateException(missingUserAgentMessage(userAgent));
        }
        return this;
    }

    /** The User-Agent to send: the configured one, or a neutral one for a mirror. */
    public String effectiveUserAgent() {
        return userAgent != null ? userAgent : "NewsIntel-ingest (EDGAR mirror client)";
    }

    public static String missingUserAgentMessage(String given) {
        return (given == null ? "No EDGAR User-Agent is configured" : "The EDGAR User-Agent \"" + given
                + "\" has no contact e-mail")
                + ": SEC requires automated clients to identify themselves with a name and a contact e-mail. "
                + "Set --edgar-user-agent \"Your Name you@example.com\" or NEWSINTEL_EDGAR_USER_AGENT.";
    }

    private static boolean isSec(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("sec.gov") || host.endsWith(".sec.gov");
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
