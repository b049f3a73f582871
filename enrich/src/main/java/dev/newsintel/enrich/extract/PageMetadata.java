package dev.newsintel.enrich.extract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * What a page says about itself in its markup: title, publication date, author, site, language. Read from the
 * structured places first (JSON-LD, OpenGraph, article meta tags, {@code <time>}), then from the visible page
 * ({@code <title>}, {@code <h1>}, bylines, a date in the URL).
 *
 * @param title       the headline, without a trailing " | Site Name"
 * @param publishedAt publication time, UTC; a date without time is the start of that day
 * @param language    ISO 639-1 code the page declares, lower case, or null
 */
public record PageMetadata(String title, Instant publishedAt, String author, String site, String language,
                           String description) {

    private static final String[] DATE_META = {"article:published_time", "og:published_time",
            "article:published", "published_time", "datepublished", "pubdate", "publishdate", "publish-date",
            "publish_date", "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
            "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
            "article.published", "original-publish-date", "citation_publication_date", "citation_date",
            "release_date", "created", "displaydate", "dc.date.published", "og:article:published_time",
            "article:modified_time", "og:updated_time", "dateModified", "last-modified"};
    private static final String[] AUTHOR_META = {"author", "article:author", "byl", "parsely-author",
            "sailthru.author", "dc.creator", "dcterms.creator", "citation_author", "twitter:creator"};
    private static final Pattern URL_DATE = Pattern.compile("/(20\\d{2}|19\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/]\\s+|\\s+::\\s+");
    private static final int MAX_JSON_LD_CHARS = 256 * 1024;

    /** Reads a parsed page; call before the page is pruned (scripts hold the JSON-LD). One pass over the DOM. */
    public static PageMetadata read(Document page, String url) {
        Collected c = Collected.from(page);
        JsonLd ld = JsonLd.read(c.jsonLd);
        String title = firstNonBlank(c.meta("og:title"), c.meta("twitter:title"), ld.headline,
                c.meta("dc.title"), c.meta("title"));
        String h1Text = c.h1 == null ? null : c.h1.text();
        if (title == null) {
            title = cleanTitle(c.title, h1Text);
        }
        if (title == null && h1Text != null && !h1Text.isBlank()) {
            title = h1Text.strip();
        }
        if (title != null) {
            title = stripSiteSuffix(title, firstNonBlank(c.meta("og:site_name"), ld.publisher));
        }

        Instant published = Dates.parse(ld.datePublished);
        for (int i = 0; i < DATE_META.length && published == null; i++) {
            published = Dates.parse(c.meta(DATE_META[i]));
        }
        for (int i = 0; i < c.itempropDates.size() && published == null; i++) {
            Element e = c.itempropDates.get(i);
            published = Dates.parse(firstNonBlank(e.attr("content"), e.attr("datetime"), e.text()));
        }
        if (published == null) {
            published = timeElement(c.times);
        }
        if (published == null && url != null) {
            published = urlDate(url);
        }

        String author = cleanAuthor(ld.author);
        for (int i = 0; i < AUTHOR_META.length && author == null; i++) {
            author = cleanAuthor(c.meta(AUTHOR_META[i]));
        }
        if (author == null && c.byline != null) {
            Element name = c.byline.selectFirst("[itemprop=name]");
            author = cleanAuthor((name != null ? name : c.byline).text());
        }

        String site = firstNonBlank(c.meta("og:site_name"), ld.publisher, c.meta("application-name"));
        if (site == null && url != null) {
            site = host(url);
        }
        String language = language(firstNonBlank(c.htmlLang, c.meta("content-language"), c.meta("og:locale"),
                c.meta("language"), ld.language));
        String description = firstNonBlank(c.meta("og:description"), c.meta("description"));
        return new PageMetadata(title, published, author, site, language, description);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** Everything metadata is read from, gathered in one walk over the page. */
    private static final class Collected {
        final Map<String, String> meta = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        final List<Element> times = new ArrayList<>();
        final List<Element> itempropDates = new ArrayList<>();
        Element h1;
        Element byline;
        String title;
        String htmlLang;

        String meta(String key) {
            return meta.get(key.toLowerCase(Locale.ROOT));
        }

        static Collected from(Document page) {
            Collected c = new Collected();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element e) {
                    c.visit(e);
                }
            }, page);
            return c;
        }

        private void visit(Element e) {
            switch (e.normalName()) {
                case "meta" -> {
                    String content = e.attr("content");
                    if (content.isBlank()) {
                        return;
                    }
                    for (String attribute : META_KEYS) {
                        String key = e.attr(attribute);
                        if (!key.isEmpty()) {
                            meta.putIfAbsent(key.toLowerCase(Locale.ROOT), content.strip());
                        }
                    }
                }
                case "script" -> {
                    if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                        jsonLd.add(e.data());
                    }
                }
                case "title" -> {
                    if (title == null) {
                        title = e.text();
                    }
                }
                case "html" -> htmlLang = e.attr("lang");
                case "h1" -> {
                    if (h1 == null) {
                        h1 = e;
                    }
                }
                case "time" -> times.add(e);
                default -> {
                }
            }
            String itemprop = e.attr("itemprop");
            if (itemprop.equals("datePublished") || itemprop.equals("dateCreated")) {
                itempropDates.add(e);
            }
            if (byline == null && (itemprop.equals("author") || e.attr("rel").equals("author")
                    || e.hasClass("byline") || e.hasClass("author-name") || e.hasClass("byline-name"))) {
                byline = e;
            }
        }
    }

    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};

    private static Instant timeElement(List<Element> times) {
        Element first = null;
        for (Element time : times) {
            String dt = time.attr("datetime");
            if (dt.isBlank()) {
                continue;
            }
            String hints = (time.className() + " " + time.id() + " " + time.attr("itemprop")).toLowerCase(Locale.ROOT);
            if (time.hasAttr("pubdate") || hints.contains("publish") || hints.contains("posted")) {
                Instant i = Dates.parse(dt);
                if (i != null) {
                    return i;
                }
            }
            if (first == null) {
                first = time;
            }
        }
        return first == null ? null : Dates.parse(first.attr("datetime"));
    }

    static Instant urlDate(String url) {
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        return Dates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
    }

    /** "Headline | Site" → "Headline", using the {@code <h1>} to tell which part is the headline. */
    static String cleanTitle(String documentTitle, String h1) {
        if (documentTitle == null || documentTitle.isBlank()) {
            return null;
        }
        String t = documentTitle.strip();
        if (h1 != null && !h1.isBlank() && t.contains(h1.strip())) {
            return h1.strip();
        }
        Matcher m = TITLE_SEPARATOR.matcher(t);
        String best = null;
        int start = 0;
        while (m.find()) {
            String part = t.substring(start, m.start()).strip();
            if (best == null || words(part) > words(best)) {
                best = part;
            }
            start = m.end();
        }
        if (best == null) {
            return t;
        }
        String last = t.substring(start).strip();
        if (words(last) > words(best)) {
            best = last;
        }
        return words(best) >= 3 ? best : t;
    }

    private static String stripSiteSuffix(String title, String site) {
        String t = title.strip();
        if (site == null || site.isBlank()) {
            return t;
        }
        String s = site.strip();
        Matcher m = TITLE_SEPARATOR.matcher(t);
        int lastSep = -1;
        int lastSepEnd = -1;
        while (m.find()) {
            lastSep = m.start();
            lastSepEnd = m.end();
        }
        if (lastSep > 0 && t.substring(lastSepEnd).strip().equalsIgnoreCase(s)) {
            return t.substring(0, lastSep).strip();
        }
        return t;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    static String cleanAuthor(String value) {
        if (value == null) {
            return null;
        }
        String a = value.strip().replaceAll("\\s+", " ");
        if (a.isEmpty() || a.startsWith("http") || a.startsWith("@") || a.length() > 120) {
            return null;
        }
        a = a.replaceFirst("(?i)^(?:(?:view|see|read|more)\\s+(?:all\\s+)?(?:posts|articles|stories)\\s+)?"
                + "(?:(?:written|posted)\\s+)?by[:\\s]+", "").strip();
        // what follows the name in a byline: "James Akinaka • 8h", "Ana Ruiz | 4 min read"
        a = BYLINE_TAIL.matcher(a).replaceFirst("").strip();
        return a.isEmpty() || NO_AUTHOR.matcher(a).matches() ? null : a;
    }

    private static final Pattern BYLINE_TAIL = Pattern.compile("\\s*[•·|]\\s*(?:\\d+\\s*(?:s|m|h|d|w|mo|y|min|mins"
            + "|minutes?|hours?|days?)(?:\\s+(?:ago|read))?|updated\\b.*)$", Pattern.CASE_INSENSITIVE);
    /** Placeholders some sites print where a name would be. */
    private static final Pattern NO_AUTHOR = Pattern.compile("(?i)no author|unknown( author)?|anonymous|n/?a|none");

    /** An ISO 639-1 code from a language tag ({@code en-US}, {@code en_GB}, {@code eng}). */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_\\s,;]")[0];
        if (primary.length() == 2 && Character.isLetter(primary.charAt(0)) && Character.isLetter(primary.charAt(1))) {
            return primary;
        }
        if (primary.length() == 3) {
            return LanguageDetector.toIso639_1(primary);
        }
        return null;
    }

    static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** The fields of the page's JSON-LD article object (Article, NewsArticle, BlogPosting, ...). */
    private record JsonLd(String headline, String datePublished, String author, String publisher, String language) {
        private static final JsonLd NONE = new JsonLd(null, null, null, null, null);

        static JsonLd read(List<String> scripts) {
            String headline = null;
            String date = null;
            String author = null;
            String publisher = null;
            String language = null;
            for (String json : scripts) {
                if (json.isBlank() || json.length() > MAX_JSON_LD_CHARS) {
                    continue;
                }
                JsonNode root;
                try {
                    root = Json.MAPPER.readTree(json);
                } catch (JsonProcessingException e) {
                    continue; // pages ship broken JSON-LD; the other sources still count
                }
                Deque<JsonNode> todo = new ArrayDeque<>();
                todo.add(root);
                int visited = 0;
                while (!todo.isEmpty() && visited++ < 2000) {
                    JsonNode node = todo.poll();
                    if (node.isArray()) {
                        node.forEach(todo::add);
                        continue;
                    }
                    if (!node.isObject()) {
                        continue;
                    }
                    if (node.has("@graph")) {
                        todo.add(node.get("@graph"));
                    }
                    if (!isArticle(node.path("@type"))) {
                        continue;
                    }
                    if (headline == null) {
                        headline = text(node.get("headline"));
                        if (headline == null) {
                            headline = text(node.get("name"));
                        }
                    }
                    if (date == null) {
                        date = text(node.get("datePublished"));
                        if (date == null) {
                            date = text(node.get("dateCreated"));
                        }
                    }
                    if (author == null) {
                        author = names(node.get("author"));
                    }
                    if (publisher == null) {
                        publisher = names(node.get("publisher"));
                    }
                    if (language == null) {
                        language = text(node.get("inLanguage"));
                    }
                }
            }
            return headline == null && date == null && author == null && publisher == null && language == null
                    ? NONE : new JsonLd(headline, date, author, publisher, language);
        }

        private static boolean isArticle(JsonNode type) {
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (isArticle(t)) {
                        return true;
                    }
                }
                return false;
            }
            String t = type.asText("");
            return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report") || t.equals("Posting")
                    || t.equals("LiveBlogPosting") || t.equals("WebPage") || t.equals("ItemPage")
                    || t.equals("Blog") || t.equals("PressRelease");
        }

        private static String text(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isArray()) {
                return n.isEmpty() ? null : text(n.get(0));
            }
            if (n.isObject()) {
                return text(n.get("@value"));
            }
            String s = n.asText();
            return s.isBlank() ? null : s.strip();
        }

        private static String names(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isTextual()) {
                return text(n);
            }
            if (n.isObject()) {
                return text(n.get("name"));
            }
            if (n.isArray()) {
                StringBuilder all = new StringBuilder();
                for (JsonNode item : n) {
                    String name = names(item);
                    if (name != null && all.indexOf(name) < 0) {
                        if (!all.isEmpty()) {
                            all.append(", ");
                        }
                        all.append(name);
                    }
                }
                return all.isEmpty() ? null : all.toString();
            }
            return null;
        }
    }
}
