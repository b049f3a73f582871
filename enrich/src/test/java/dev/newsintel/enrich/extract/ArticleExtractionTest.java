package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ArticleExtractionTest {
    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void keepsTheArticleAndDropsEverythingAroundIt() {
        Extraction e = extractor.extract(Fixtures.html(Fixtures.NEWS_PAGE));

        assertThat(e.text())
                .startsWith("Helio Labs, a start-up that builds sensors for fusion reactors")
                .contains("Why sensors matter", "neutron flux", "They can make plasma")
                .endsWith("no company has yet produced more energy than its reactor consumes.")
                .doesNotContain("cookies", "Home", "Share on", "Most read", "Related articles", "Fusion start-ups race",
                        "comments", "skeptical", "newsletter", "All rights reserved", "By Dana Whitfield",
                        "test rig in Columbus");
        // Paragraphs and headings in document order, one per paragraph.
        assertThat(e.text().indexOf("Series B round")).isLessThan(e.text().indexOf("Why sensors matter"));
        assertThat(e.text().indexOf("Why sensors matter")).isLessThan(e.text().indexOf("neutron flux"));
        assertThat(e.text().split("\n\n")).hasSize(6);
    }

    @Test
    void readsMetadataFromOpenGraphAndJsonLd() {
        Extraction e = extractor.extract(Fixtures.html(Fixtures.NEWS_PAGE));

        assertThat(e.title()).isEqualTo("Helio Labs raises $40 million to build fusion sensors");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-03-10T14:30:00Z"));
        assertThat(e.author()).isEqualTo("Dana Whitfield");
        assertThat(e.site()).isEqualTo("Techwire");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.notes()).containsEntry("extract.format", "html").containsEntry("extract.charset", "UTF-8");
    }

    @Test
    void fallsBackToTheVisiblePageForMetadata() {
        String page = """
                <html><head><title>Quanta names Maria Chen finance chief - The Daily Ledger</title></head>
                <body><div class="post"><h1>Quanta names Maria Chen finance chief</h1>
                <time datetime="2026-03-11">March 11, 2026</time>
                <p>Quanta Computing appointed Maria Chen as chief financial officer on Wednesday, effective April 1, succeeding Tom Reyes, who is retiring after eleven years with the company.</p>
                <p>Chen was previously the finance chief of a cloud software maker and before that spent a decade in investment banking, the company said in a statement.</p>
                </div></body></html>""";
        Extraction e = extractor.extract(Fixtures.html(page));

        assertThat(e.title()).isEqualTo("Quanta names Maria Chen finance chief");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(e.text()).startsWith("Quanta Computing appointed").contains("investment banking")
                .doesNotContain("Quanta names Maria Chen finance chief");
    }

    @Test
    void aFeedItemWithOnlyAParagraphIsKeptWhole() {
        Extraction e = extractor.extract(Fixtures.html(
                "<html><head><title>Helio Labs raises $40 million Series B</title></head>"
                        + "<body><p>Helio Labs raised $40 million in a Series B round.</p></body></html>"));

        assertThat(e.title()).isEqualTo("Helio Labs raises $40 million Series B");
        assertThat(e.text()).isEqualTo("Helio Labs raised $40 million in a Series B round.");
    }

    @Test
    void theUrlDatesAPageThatSaysNothingElse() {
        Extraction e = extractor.extract(Fixtures.html("<html><body><p>Plain words in a paragraph that is long "
                + "enough to be read as the article, and nothing else on the page at all.</p></body></html>"));

        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
    }
}
