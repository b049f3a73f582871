package dev.newsintel.ingest.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** News feeds and article pages written by the tests (RSS 2.0 and HTML with a canonical link). */
final class NewsFixtures {
    private NewsFixtures() {
    }

    /** Serves an RSS feed at {@code path} listing {@code articles} (paths), newest first, and each article page. */
    static void serveFeed(WireMockExtension server, String path, String marker, List<String> articles) {
        StringBuilder rss = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test wire %s</title><link>%s/</link>
                """.formatted(marker, server.baseUrl()));
        for (int i = articles.size() - 1; i >= 0; i--) {
            String article = articles.get(i);
            rss.append("<item><title>").append(marker).append(" story ").append(i).append("</title><link>")
                    .append(server.baseUrl()).append(article).append("?utm_source=rss</link><guid>").append(article)
                    .append("</guid><pubDate>").append(rfc822(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * i)))
                    .append("</pubDate><description>summary ").append(i).append("</description></item>\n");
            servePage(server, article, marker + " story " + i);
        }
        rss.append("</channel></rss>\n");
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody(rss.toString())));
    }

    static void servePage(WireMockExtension server, String article, String title) {
        server.stubFor(get(urlPathEqualTo(article)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>" + title + "</title><link rel=\"canonical\" href=\"" + article
                        + "\"></head><body><article><h1>" + title + "</h1><p>Body of " + title
                        + ".</p></article></body></html>")));
    }

    private static String rfc822(Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }
}
