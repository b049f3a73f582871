package dev.newsintel.enrich.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.RawDocument;

/** Documents the tests write themselves, in the real formats. */
final class Fixtures {
    private Fixtures() {
    }

    static RawDocument html(String html) {
        return raw(DocumentKind.NEWS, "text/html", html.getBytes(StandardCharsets.UTF_8), null);
    }

    static RawDocument text(String text) {
        return raw(DocumentKind.NEWS, "text/plain", text.getBytes(StandardCharsets.UTF_8), null);
    }

    static RawDocument raw(DocumentKind kind, String contentType, byte[] body, String charset) {
        return new RawDocument(RawDocument.SCHEMA_VERSION, "test", kind, "test", "https://news.example/2026/03/12/story",
                contentType, charset, Instant.parse("2026-03-12T12:00:00Z"), null, Map.of(), body, false,
                body.length);
    }

    static byte[] bytes(String s, Charset charset) {
        return s.getBytes(charset);
    }

    /** The shared test data folder, or null when this checkout has none. */
    static Path sharedTestdata() {
        String configured = System.getProperty("newsintel.shared.testdata");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "testdata");
        return Files.isDirectory(dir) ? dir : null;
    }

    /** A news page with everything around the article that a real one has. */
    static final String NEWS_PAGE = """
            <!DOCTYPE html>
            <html lang="en-US"><head><meta charset="utf-8">
            <title>Helio Labs raises $40 million to build fusion sensors | Techwire</title>
            <meta property="og:title" content="Helio Labs raises $40 million to build fusion sensors">
            <meta property="og:site_name" content="Techwire">
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Helio Labs raises $40 million",
             "datePublished":"2026-03-10T09:30:00-05:00","author":{"@type":"Person","name":"Dana Whitfield"}}
            </script>
            <style>.menu{display:flex}</style><script>var ads = [];</script>
            </head><body>
            <div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage your settings.</div>
            <header class="site-header"><nav class="main-nav"><ul>
              <li><a href="/">Home</a></li><li><a href="/startups">Startups</a></li><li><a href="/ai">AI</a></li>
              <li><a href="/climate">Climate</a></li><li><a href="/newsletters">Newsletters</a></li></ul></nav></header>
            <div class="layout">
            <main><article class="story">
              <h1>Helio Labs raises $40 million to build fusion sensors</h1>
              <div class="byline">By Dana Whitfield</div>
              <div class="share-bar"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email</a></div>
              <div class="story-body">
                <p>Helio Labs, a start-up that builds sensors for fusion reactors, said on Tuesday it had raised $40 million in a Series B round led by Northwind Capital, bringing its total funding to $62 million.</p>
                <p>The company, founded in 2021 by two former plasma physicists, will use the money to double its engineering team and open a manufacturing line in Ohio, chief executive Maya Ortiz said in an interview.</p>
                <h2>Why sensors matter</h2>
                <p>Fusion reactors run at temperatures of more than 100 million degrees, and operators need to know, within microseconds, when the plasma starts to drift. Helio's sensors measure neutron flux and magnetic fields at the reactor wall.</p>
                <figure><img src="/img/helio.jpg"><figcaption>Helio Labs' test rig in Columbus. (Photo: Techwire)</figcaption></figure>
                <p>"Every reactor project we talk to has the same problem," Ortiz said. "They can make plasma; they cannot yet see it well enough to keep it stable for hours."</p>
                <p>Investors have poured more than $6 billion into private fusion companies since 2021, according to an industry association, although no company has yet produced more energy than its reactor consumes.</p>
              </div>
              <div class="tags"><a href="/t/fusion">Fusion</a> <a href="/t/funding">Funding</a></div>
            </article>
            <aside class="sidebar"><h3>Most read</h3><ul>
              <li><a href="/a">Chipmaker shares slide after weak forecast</a></li>
              <li><a href="/b">The best laptops for students this spring</a></li></ul></aside>
            </main>
            <section class="related-articles"><h3>Related articles</h3>
              <div class="card"><a href="/c">Fusion start-ups race to the grid</a></div>
              <div class="card"><a href="/d">Inside the world's largest magnet</a></div></section>
            <section id="comments" class="comments"><h3>3 comments</h3>
              <div class="comment"><p>Great news for the industry, can't wait to see what they build next with this kind of funding, honestly.</p></div>
              <div class="comment"><p>Fusion is always thirty years away, and I remain skeptical about these announcements, as always.</p></div></section>
            <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the top stories in your inbox.</p></div>
            </div>
            <footer class="site-footer"><p>© 2026 Techwire Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
            </body></html>
            """;
}
