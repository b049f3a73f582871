package dev.newsintel.cli.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.newsintel.cli.bench.Vocabulary.Outlet;

/**
 * Pages as outlets serve them: the article inside navigation, share buttons, related links, scripts and footers
 * (three layouts, 12 to 20 KB of HTML, like the project's sample news pages), wire copy as plain text, and 8-K
 * filings in EDGAR's HTML style.
 */
final class PageLayouts {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String[] NAV = {"Home", "AI", "Cloud", "Chips", "Startups", "Markets", "Policy", "Security",
            "Enterprise", "Gadgets", "Science", "Podcasts", "Events", "Newsletters", "Jobs", "About"};

    private PageLayouts() {
    }

    static String html(Outlet outlet, String url, String section, String headline, String author,
                       List<String> paragraphs, Instant published, Collection<String> trending) {
        String base = "https://" + outlet.host();
        String description = paragraphs.get(0);
        StringBuilder h = new StringBuilder(20_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(headline)).append(" | ").append(esc(outlet.name())).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(esc(description)).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(url).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:site_name\" content=\"").append(esc(outlet.name())).append("\">\n")
                .append("<meta property=\"og:title\" content=\"").append(esc(headline)).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(url).append("\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(published).append("\">\n")
                .append("<meta property=\"article:section\" content=\"").append(section).append("\">\n")
                .append("<meta property=\"article:author\" content=\"").append(esc(author)).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(base).append("/assets/main.")
                .append(Integer.toHexString(outlet.host().hashCode())).append(".css\">\n")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"").append(json(headline)).append("\",\"datePublished\":\"").append(published)
                .append("\",\"author\":[{\"@type\":\"Person\",\"name\":\"").append(json(author))
                .append("\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"").append(json(outlet.name()))
                .append("\"},\"mainEntityOfPage\":\"").append(url).append("\"}</script>\n")
                .append(ANALYTICS)
                .append("</head>\n<body class=\"layout-").append(outlet.layout()).append(" section-").append(section)
                .append("\">\n");
        header(h, outlet, base);
        switch (outlet.layout()) {
            case 1 -> {
                h.append("<main id=\"content\"><div class=\"grid\"><div class=\"col-main\">\n");
                article(h, headline, author, paragraphs, published, base, "story-body");
                h.append("</div><aside class=\"col-side\">");
                related(h, "Most read", trending, base);
                newsletter(h, outlet);
                h.append("</aside></div></main>\n");
            }
            case 2 -> {
                h.append("<div class=\"wrap\"><div class=\"breadcrumbs\"><a href=\"").append(base)
                        .append("/\">Home</a> &rsaquo; <a href=\"").append(base).append('/').append(section)
                        .append("/\">").append(section.toUpperCase(Locale.ROOT)).append("</a></div>\n");
                article(h, headline, author, paragraphs, published, base, "entry-content");
                related(h, "Related stories", trending, base);
                h.append("<div id=\"comments\" class=\"comments\"><h3>Comments</h3><p>Comments are closed for this"
                        + " article.</p></div></div>\n");
            }
            default -> {
                h.append("<main>\n");
                share(h, url);
                article(h, headline, author, paragraphs, published, base, "article-body");
                share(h, url);
                related(h, "More from " + esc(outlet.name()), trending, base);
                h.append("</main>\n");
                newsletter(h, outlet);
            }
        }
        footer(h, outlet, base);
        h.append(CONSENT).append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Outlet outlet, String base) {
        h.append("<header class=\"site-header\"><a class=\"logo\" href=\"").append(base).append("/\"><img src=\"")
                .append(base).append("/static/logo.svg\" alt=\"").append(esc(outlet.name())).append("\"></a>\n")
                .append("<nav class=\"primary\" aria-label=\"Sections\"><ul>");
        for (String item : NAV) {
            h.append("<li><a href=\"").append(base).append('/').append(item.toLowerCase(Locale.ROOT)).append("/\">")
                    .append(item).append("</a></li>");
        }
        h.append("</ul></nav>\n<form class=\"search\" action=\"").append(base)
                .append("/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"><button>Go</button></form>\n")
                .append("<div class=\"account\"><a href=\"").append(base).append("/login\">Sign in</a> <a href=\"")
                .append(base).append("/subscribe\" class=\"cta\">Subscribe</a></div></header>\n")
                .append("<div class=\"ad-slot ad-leaderboard\" data-slot=\"top\" data-size=\"728x90\"></div>\n");
    }

    private static void article(StringBuilder h, String headline, String author, List<String> paragraphs,
                                Instant published, String base, String bodyClass) {
        String authorSlug = author.toLowerCase(Locale.ROOT).replace(' ', '-');
        h.append("<article class=\"post\">\n<h1 class=\"headline\">").append(esc(headline)).append("</h1>\n")
                .append("<div class=\"byline\">By <a rel=\"author\" href=\"").append(base).append("/authors/")
                .append(authorSlug).append("\">").append(esc(author)).append("</a> &middot; <time datetime=\"")
                .append(published).append("\">").append(DISPLAY.format(published)).append("</time></div>\n")
                .append("<figure class=\"lead-image\"><img src=\"").append(base).append("/img/")
                .append(Integer.toHexString(headline.hashCode())).append("-1200x675.jpg\" alt=\"\" loading=\"lazy\">")
                .append("<figcaption>Photo: Newsroom archive</figcaption></figure>\n")
                .append("<div class=\"").append(bodyClass).append("\">\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            h.append("<p>").append(esc(paragraphs.get(i))).append("</p>\n");
            if (i == 2) {
                h.append("<div class=\"ad-slot ad-inline\" data-slot=\"mid\" data-size=\"300x250\"></div>\n");
            }
        }
        h.append("</div>\n<div class=\"tags\">Topics: <a href=\"").append(base).append("/tag/ai/\">AI</a>, <a href=\"")
                .append(base).append("/tag/business/\">Business</a>, <a href=\"").append(base)
                .append("/tag/deals/\">Deals</a></div>\n</article>\n");
    }

    private static void share(StringBuilder h, String url) {
        h.append("<div class=\"share\"><span>Share</span>");
        for (String network : new String[] {"x", "linkedin", "facebook", "email", "copy"}) {
            h.append("<a class=\"share-").append(network).append("\" href=\"https://share.example/").append(network)
                    .append("?u=").append(url).append("\" rel=\"nofollow\">").append(network).append("</a>");
        }
        h.append("</div>\n");
    }

    private static void related(StringBuilder h, String title, Collection<String> headlines, String base) {
        h.append("<section class=\"related\"><h2>").append(title).append("</h2><ol>");
        for (String other : headlines) {
            h.append("<li><a href=\"").append(base).append("/news/").append(CorpusComposer.slug(other)).append("\">")
                    .append(esc(other)).append("</a></li>");
        }
        h.append("</ol></section>\n");
    }

    private static void newsletter(StringBuilder h, Outlet outlet) {
        h.append("<div class=\"newsletter\"><h3>The ").append(esc(outlet.name()))
                .append(" Daily</h3><p>The day's most important technology news, in your inbox every morning.</p>")
                .append("<form><input type=\"email\" placeholder=\"you@example.com\"><button>Sign up</button></form>")
                .append("</div>\n");
    }

    private static void footer(StringBuilder h, Outlet outlet, String base) {
        h.append("<footer class=\"site-footer\"><div class=\"cols\">");
        String[][] columns = {{"About us", "Careers", "Contact", "Advertise", "Press"},
                {"Privacy policy", "Cookie settings", "Terms of use", "Accessibility", "Ethics policy"},
                {"RSS feeds", "Newsletters", "Podcasts", "Events", "Archive"}};
        for (String[] column : columns) {
            h.append("<ul>");
            for (String link : column) {
                h.append("<li><a href=\"").append(base).append('/')
                        .append(link.toLowerCase(Locale.ROOT).replace(' ', '-')).append("\">").append(link)
                        .append("</a></li>");
            }
            h.append("</ul>");
        }
        h.append("</div><p class=\"copyright\">&copy; 2026 ").append(esc(outlet.name()))
                .append(". All rights reserved. Reproduction without permission is prohibited.</p></footer>\n");
    }

    /** Wire copy: the headline, then the paragraphs. */
    static String plainText(String headline, List<String> paragraphs) {
        StringBuilder t = new StringBuilder(headline).append("\n\n");
        for (String p : paragraphs) {
            t.append(p).append("\n\n");
        }
        return t.toString();
    }

    /** An 8-K primary document: cover page, then each item with its heading and text. */
    static String filing(String company, String ticker, String date, List<String[]> items, String marker) {
        StringBuilder h = new StringBuilder(8_000);
        h.append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>")
                .append(ticker.toLowerCase(Locale.ROOT)).append("-8k</title></head>\n")
                .append("<body style=\"font-family:'Times New Roman',Times,serif;font-size:10pt\">\n")
                .append("<div style=\"text-align:center;font-weight:bold\">UNITED STATES<br/>SECURITIES AND EXCHANGE"
                        + " COMMISSION</div>\n<div style=\"text-align:center\">Washington, D.C. 20549</div>\n")
                .append("<div style=\"text-align:center;font-weight:bold;font-size:14pt\">FORM 8-K</div>\n")
                .append("<div style=\"text-align:center;font-weight:bold\">CURRENT REPORT</div>\n")
                .append("<div style=\"text-align:center\">Pursuant to Section 13 or 15(d) of the Securities Exchange"
                        + " Act of 1934</div>\n")
                .append("<div style=\"text-align:center\">Date of Report (Date of earliest event reported): ")
                .append(date).append("</div>\n")
                .append("<div style=\"text-align:center;font-weight:bold;font-size:14pt\">").append(esc(company))
                .append("</div>\n<div style=\"text-align:center\">(Exact name of registrant as specified in its"
                        + " charter)</div>\n")
                .append("<table style=\"width:100%\"><tr><td>Delaware</td><td>001-00000</td><td>00-0000000</td></tr>"
                        + "<tr><td>(State or other jurisdiction of incorporation)</td><td>(Commission File Number)"
                        + "</td><td>(IRS Employer Identification No.)</td></tr></table>\n")
                .append("<p>Check the appropriate box below if the Form 8-K filing is intended to simultaneously"
                        + " satisfy the filing obligation of the registrant under any of the following provisions:</p>\n")
                .append("<table><tr><td>&#9744;</td><td>Written communications pursuant to Rule 425 under the"
                        + " Securities Act (17 CFR 230.425)</td></tr><tr><td>&#9744;</td><td>Soliciting material"
                        + " pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)</td></tr></table>\n")
                .append("<p>Securities registered pursuant to Section 12(b) of the Act:</p>\n<table><tr><td>Common"
                        + " Stock</td><td>").append(esc(ticker)).append("</td><td>Nasdaq Stock Market LLC</td></tr>"
                        + "</table>\n<hr/>\n");
        for (String[] item : items) {
            h.append("<p style=\"font-weight:bold\">Item ").append(item[0]).append(". ").append(esc(item[1]))
                    .append("</p>\n<p>").append(esc(item[2])).append("</p>\n");
        }
        if (marker != null) {
            h.append("<p>Reference ").append(marker).append(".</p>\n");
        }
        h.append("<p style=\"font-weight:bold\">SIGNATURES</p>\n<p>Pursuant to the requirements of the Securities"
                + " Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the"
                + " undersigned hereunto duly authorized.</p>\n<p>").append(esc(company)).append("<br/>Date: ")
                .append(date).append("</p>\n</body></html>\n");
        return h.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** What every outlet loads: a tag manager and a consent banner, as real pages do (never executed here). */
    private static final String ANALYTICS = """
            <script>
            (function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});
            var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;
            j.src='https://tags.example/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-BENCH');
            window.adConfig = {slots: ['top', 'mid', 'side'], lazy: true, refresh: 30, targeting: {section: document.body
              ? document.body.className : '', env: 'prod'}, consent: {required: true, vendors: [1, 2, 3, 5, 8, 13, 21]}};
            function trackScroll(){var depth=Math.round((window.scrollY+window.innerHeight)/document.body.scrollHeight*100);
              if(depth%25===0){window.dataLayer.push({event:'scroll',depth:depth});}}
            window.addEventListener('scroll', trackScroll, {passive: true});
            </script>
            """;

    private static final String CONSENT = """
            <div id="consent" class="consent-banner" hidden><p>We use cookies and similar technologies to run this
            site, measure its audience and show relevant advertising. You can accept all, reject non-essential
            cookies, or choose your settings.</p><button data-consent="accept">Accept all</button>
            <button data-consent="reject">Reject</button><button data-consent="settings">Settings</button></div>
            <script src="https://static.example/consent/v3/banner.min.js" async></script>
            """;
}
