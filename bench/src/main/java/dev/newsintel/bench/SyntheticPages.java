package dev.newsintel.bench;

import java.util.Random;

/**
 * News pages and texts generated with the shape of real ones (navigation, header, article paragraphs, sidebar,
 * related links, comments, footer, inline scripts and styles; about 100 KB of HTML), for when the real corpus is
 * not at hand. Deterministic: page {@code n} is always the same page.
 */
final class SyntheticPages {
    private static final String[] WORDS = ("the company said on tuesday that it would invest billion dollars over "
            + "next five years in open models chips data centers analysts expect revenue growth quarter market share "
            + "investors shares rose percent according to people familiar with matter officials announced plan new "
            + "products customers cloud services research team built").split(" ");

    private SyntheticPages() {
    }

    static String newsPage(int n) {
        Random random = new Random(n);
        StringBuilder html = new StringBuilder(120_000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(sentence(random, 9)).append(" | Example News</title>")
                .append("<meta property=\"og:title\" content=\"").append(sentence(random, 9)).append("\">")
                .append("<meta property=\"article:published_time\" content=\"2026-03-1").append(n % 10)
                .append("T10:00:00Z\"><style>").append("body{margin:0}.nav a{color:#333}".repeat(200))
                .append("</style><script>").append("var tracking = {id: 1, page: 'x'};".repeat(400))
                .append("</script></head><body><header class=\"site-header\"><nav class=\"menu\"><ul>");
        for (int i = 0; i < 40; i++) {
            html.append("<li><a href=\"/section/").append(i).append("\">").append(WORDS[i % WORDS.length])
                    .append("</a></li>");
        }
        html.append("</ul></nav></header><div class=\"cookie-banner\">We use cookies to improve your experience. "
                + "<a href=\"/privacy\">Privacy policy</a></div><main><article class=\"article\"><h1>")
                .append(sentence(random, 10)).append("</h1><div class=\"byline\">By Jane Doe</div>")
                .append("<div class=\"article-body\">");
        int paragraphs = 12 + random.nextInt(20);
        for (int i = 0; i < paragraphs; i++) {
            if (i % 6 == 5) {
                html.append("<h2>").append(sentence(random, 5)).append("</h2>");
            }
            html.append("<p>");
            for (int s = 0; s < 3 + random.nextInt(4); s++) {
                html.append(sentence(random, 12 + random.nextInt(15))).append(". ");
            }
            html.append("</p>");
        }
        html.append("</div><div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>")
                .append("</article><aside class=\"sidebar\"><h3>Most read</h3><ul>");
        for (int i = 0; i < 15; i++) {
            html.append("<li><a href=\"/story/").append(i).append("\">").append(sentence(random, 8))
                    .append("</a></li>");
        }
        html.append("</ul></aside><section class=\"related-articles\"><h3>Related</h3>");
        for (int i = 0; i < 10; i++) {
            html.append("<div class=\"card\"><a href=\"/r/").append(i).append("\"><img src=\"/i/").append(i)
                    .append(".jpg\"><span>").append(sentence(random, 9)).append("</span></a></div>");
        }
        html.append("</section><section id=\"comments\" class=\"comments\">");
        for (int i = 0; i < 20; i++) {
            html.append("<div class=\"comment\"><span class=\"author\">user").append(i).append("</span><p>")
                    .append(sentence(random, 20)).append(".</p></div>");
        }
        html.append("</section></main><footer class=\"site-footer\"><p>© 2026 Example News. All rights reserved.</p>");
        for (int i = 0; i < 30; i++) {
            html.append("<a href=\"/f/").append(i).append("\">").append(WORDS[(i * 7) % WORDS.length]).append("</a> ");
        }
        html.append("</footer><script>").append("window.dataLayer.push({event: 'view'});".repeat(300))
                .append("</script></body></html>");
        return html.toString();
    }

    static String plainTextArticle(int n) {
        Random random = new Random(1000 + n);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(sentence(random, 1 + random.nextInt(4))).append('\n');
        }
        text.append(sentence(random, 12)).append('\n');
        for (int i = 0; i < 10 + random.nextInt(10); i++) {
            for (int s = 0; s < 3; s++) {
                text.append(sentence(random, 15 + random.nextInt(10))).append(". ");
            }
            text.append('\n');
        }
        text.append("Share\nComment\nRelated Articles\n");
        for (int i = 0; i < 5; i++) {
            text.append("- ").append(sentence(random, 8)).append('\n');
        }
        return text.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            s.append(i == 0 ? "" : " ").append(w);
        }
        return s.toString();
    }
}
