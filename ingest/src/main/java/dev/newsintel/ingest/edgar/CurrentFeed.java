package dev.newsintel.ingest.edgar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import dev.newsintel.ingest.feed.Feed;
import dev.newsintel.ingest.feed.FeedFormatException;
import dev.newsintel.ingest.feed.FeedItem;
import dev.newsintel.ingest.feed.FeedParser;

/**
 * EDGAR's latest-filings Atom feed ({@code browse-edgar?action=getcurrent&output=atom}), read with the hardened
 * {@link FeedParser}.
 *
 * <p>Each entry is one filer of one filing: {@code <title>8-K - NVIDIA CORP (0001045810) (Filer)</title>}, a link
 * to the filing index, a summary with the filing date, accession number and, for 8-Ks, the items
 * ({@code Item 2.02: Results of Operations...}), the acceptance time in {@code <updated>} and the form in the
 * category term. A filing with several parties (an insider and the issuer, a 13D filer and its subject) is listed
 * once per party: {@link #parse} returns each filing once, described by its subject company (Subject, Issuer or
 * Filer, in that order).
 */
public final class CurrentFeed {
    private static final Pattern TITLE = Pattern.compile("^(.+?) - (.+) \\((\\d{10})\\) \\(([^)]+)\\)\\s*$");
    private static final Pattern ACCESSION = Pattern.compile("(\\d{10}-\\d{2}-\\d{6})");
    private static final Pattern FILED = Pattern.compile("Filed:\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ITEM = Pattern.compile("Item\\s+(\\d{1,2}\\.\\d{2})");
    private static final List<String> ROLE_PREFERENCE = List.of("Subject", "Issuer", "Filer");

    private final FeedParser parser = new FeedParser();

    /**
     * One page: its filings, newest first, each once, and how many entries it had (a page with fewer entries than
     * asked for is the last one).
     */
    public record Page(List<FilingRef> filings, int entries) {
    }

    /**
     * @return the filings of one page, newest first, each once
     * @throws FeedFormatException when the page is not a readable Atom feed
     */
    public List<FilingRef> parse(byte[] page) throws FeedFormatException {
        return parsePage(page).filings();
    }

    /**
     * @throws FeedFormatException when the page is not a readable Atom feed
     */
    public Page parsePage(byte[] page) throws FeedFormatException {
        Feed feed = parser.parse(page);
        if (!"atom".equals(feed.format())) {
            throw new FeedFormatException("Not EDGAR's latest-filings Atom feed (a " + feed.format() + " feed)");
        }
        Map<String, Candidate> byAccession = new LinkedHashMap<>();
        for (FeedItem item : feed.items()) {
            Candidate c = candidate(item);
            if (c == null) {
                continue;
            }
            byAccession.merge(c.ref.accessionNumber(), c, (a, b) -> rank(b.role) < rank(a.role) ? b : a);
        }
        List<FilingRef> refs = new ArrayList<>(byAccession.size());
        byAccession.values().forEach(c -> refs.add(c.ref));
        return new Page(refs, feed.items().size());
    }

    private record Candidate(FilingRef ref, String role) {
    }

    private static Candidate candidate(FeedItem item) {
        String accession = find(ACCESSION, item.id());
        if (accession == null) {
            accession = find(ACCESSION, item.link());
        }
        Matcher title = item.title() == null ? null : TITLE.matcher(item.title());
        if (accession == null || title == null || !title.matches()) {
            return null;
        }
        String summary = item.content() == null ? "" : Jsoup.parse(item.content()).text();
        String form = item.categories().isEmpty() ? title.group(1).trim() : item.categories().get(0).trim();
        List<String> items = new ArrayList<>();
        Matcher m = ITEM.matcher(summary);
        while (m.find()) {
            if (!items.contains(m.group(1))) {
                items.add(m.group(1));
            }
        }
        LocalDate filed = null;
        String filedText = find(FILED, summary);
        if (filedText != null) {
            try {
                filed = LocalDate.parse(filedText);
            } catch (DateTimeParseException e) {
                // left to the filing index
            }
        }
        Instant accepted = item.published();
        FilingRef ref = new FilingRef(accession, title.group(3), title.group(2).trim(), null, form, filed, accepted,
                items, null, null);
        return new Candidate(ref, title.group(4).trim());
    }

    private static int rank(String role) {
        int i = ROLE_PREFERENCE.indexOf(role);
        return i < 0 ? ROLE_PREFERENCE.size() : i;
    }

    private static String find(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
