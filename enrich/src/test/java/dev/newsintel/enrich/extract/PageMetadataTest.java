package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageMetadataTest {

    @Test
    void aBylineGivesTheNameAlone() {
        assertThat(PageMetadata.cleanAuthor("By Erin Cunningham")).isEqualTo("Erin Cunningham");
        assertThat(PageMetadata.cleanAuthor("View all posts by Daniel Lemire")).isEqualTo("Daniel Lemire");
        assertThat(PageMetadata.cleanAuthor("James Akinaka • 8h")).isEqualTo("James Akinaka");
        assertThat(PageMetadata.cleanAuthor("Ana Ruiz | 4 min read")).isEqualTo("Ana Ruiz");
        assertThat(PageMetadata.cleanAuthor("Ana Ruiz | Updated March 3")).isEqualTo("Ana Ruiz");
        // a name with a separator of its own stays whole
        assertThat(PageMetadata.cleanAuthor("Reuters | Bloomberg")).isEqualTo("Reuters | Bloomberg");
    }

    @Test
    void aPlaceholderIsNoAuthor() {
        assertThat(PageMetadata.cleanAuthor("No Author")).isNull();
        assertThat(PageMetadata.cleanAuthor("Unknown")).isNull();
        assertThat(PageMetadata.cleanAuthor("https://example.com/staff/ana")).isNull();
        assertThat(PageMetadata.cleanAuthor("Noah Anders")).isEqualTo("Noah Anders");
    }
}
