package dev.newsintel.ingest.news;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.newsintel.ingest.http.UrlCanonicalizer;

/** What ingest needs from an article page before enrichment sees it: its canonical URL. */
public final class ArticlePage {
    private ArticlePage() {
    }

    /**
     * The page's canonical URL: {@code <link rel="canonical">}, else {@code og:url}, resolved against the fetched
     * URL and canonicalized; the fetched URL itself when the page names none (or names one on another scheme).
     */
    public static String canonicalUrl(byte[] html, Charset charset, String fetchedUrl) {
        String fallback = UrlCanonicalizer.canonicalize(fetchedUrl);
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), charset.name(), fetchedUrl);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
        for (String query : new String[] {"link[rel~=(?i)^canonical$][href]", "meta[property=og:url][content]"}) {
            Element element = page.head().selectFirst(query);
            if (element == null) {
                continue;
            }
            String value = element.hasAttr("href") ? element.absUrl("href") : element.absUrl("content");
            String canonical = UrlCanonicalizer.canonicalOrNull(value);
            if (canonical != null) {
                return canonical;
            }
        }
        return fallback;
    }

    /** True for media types that are HTML pages. */
    public static boolean isHtml(String contentType) {
        return contentType == null || contentType.contains("html");
    }
}
