package dev.newsintel.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.newsintel.enrich.extract.DocumentExtractor;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.RawDocument;

/** The benchmark's corpus: reproducible, realistic in shape, and never the same document twice. */
class CorpusComposerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static List<CorpusComposer.Composed> compose(CorpusComposer.Settings settings, int n) {
        CorpusComposer composer = new CorpusComposer(settings);
        List<CorpusComposer.Composed> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(composer.compose(NOW));
        }
        return out;
    }

    private static CorpusComposer.Settings settings(long seed, String tag) {
        return CorpusComposer.Settings.defaults(seed, tag).withFirstPublished(NOW.minus(Duration.ofDays(1)),
                Duration.ofSeconds(43));
    }

    @Test
    void theSameSeedComposesTheSameCorpusAndIdsNeverRepeat() {
        List<CorpusComposer.Composed> a = compose(settings(7, "run-a"), 600);
        List<CorpusComposer.Composed> b = compose(settings(7, "run-a"), 600);
        assertThat(a).extracting(c -> c.document().id()).containsExactlyElementsOf(
                b.stream().map(c -> c.document().id()).toList());
        assertThat(a.get(599).document().body()).isEqualTo(b.get(599).document().body());
        assertThat(a).extracting(c -> c.document().id()).doesNotHaveDuplicates();

        // Another run tag: the same stories under other ids.
        List<CorpusComposer.Composed> other = compose(settings(7, "run-b"), 600);
        Set<String> ids = new HashSet<>(a.stream().map(c -> c.document().id()).toList());
        assertThat(other).noneMatch(c -> ids.contains(c.document().id()));
    }

    @Test
    void storiesAreToldByDistinctOutletsArrivingLaterAndEveryTemplateSlotIsFilled() {
        List<CorpusComposer.Composed> corpus = compose(settings(11, "slots"), 3000);
        Map<Integer, List<CorpusComposer.Composed>> byStory = new HashMap<>();
        corpus.forEach(c -> byStory.computeIfAbsent(c.story(), k -> new ArrayList<>()).add(c));
        long multi = byStory.values().stream().filter(l -> l.size() > 1).count();
        assertThat(multi).as("stories told by several outlets").isGreaterThan(byStory.size() / 4);
        for (List<CorpusComposer.Composed> copies : byStory.values()) {
            assertThat(copies).extracting(c -> hostOf(c.document())).doesNotHaveDuplicates();
            assertThat(copies.get(0).copy()).isZero();
        }
        long filings = corpus.stream().filter(c -> c.document().kind() == DocumentKind.FILING).count();
        assertThat(filings).isBetween(100L, 500L);
        for (CorpusComposer.Composed c : corpus) {
            String body = new String(c.document().body(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContainPattern("\\{[a-zA-Z][a-zA-Z0-9]*}");
            assertThat(c.document().sourceId()).isEqualTo("bench-slots");
            assertThat(c.document().publishedAt()).isBefore(NOW.plusSeconds(1));
        }
        CorpusComposer.Composed filing = corpus.stream().filter(c -> c.document().kind() == DocumentKind.FILING)
                .findFirst().orElseThrow();
        assertThat(filing.document().metadata()).containsKeys("cik", "company", "form", "accessionNumber", "items");
        assertThat(filing.document().id()).matches("\\d{10}-\\d{2}-\\d{6}/.+\\.htm");
    }

    @Test
    void noTwoStoriesOfAStoryWindowReleaseOneModelOrLaunchOneMakersProduct() {
        // 6,000 documents at the default spacing: three days, the story window. The vocabulary is finite (144
        // product names), so left to chance two stories would name one model and be, rightly, one story.
        List<CorpusComposer.Composed> corpus = compose(settings(13, "names"), 6000);
        Map<String, Set<Integer>> storiesBySubject = new HashMap<>();
        corpus.stream().filter(c -> c.subject() != null).forEach(c ->
                storiesBySubject.computeIfAbsent(c.subject(), k -> new HashSet<>()).add(c.story()));
        assertThat(storiesBySubject).hasSizeGreaterThan(300);
        assertThat(storiesBySubject).allSatisfy((subject, stories) ->
                assertThat(stories).as("stories about %s", subject).hasSize(1));
    }

    @Test
    void syndicatedCopiesExtractToTheSameTextUnderAnotherMasthead() {
        CorpusComposer.Settings syndicated = settings(5, "synd").withShares(0, 1.0, 4).withMarker("quokka42");
        List<CorpusComposer.Composed> corpus = compose(syndicated, 400);
        DocumentExtractor extractor = new DocumentExtractor();
        Map<Integer, Set<String>> texts = new HashMap<>();
        for (CorpusComposer.Composed c : corpus) {
            String text = extractor.extract(c.document()).text();
            assertThat(text).contains("quokka42");
            texts.computeIfAbsent(c.story(), k -> new HashSet<>()).add(text);
        }
        assertThat(texts.values()).allSatisfy(variants -> assertThat(variants).hasSize(1));
        assertThat(corpus.stream().map(c -> hostOf(c.document())).distinct().count()).isGreaterThan(5);
    }

    @Test
    void amountsAreWrittenTheWaysOutletsWriteThem() {
        assertThat(CorpusComposer.money(new java.math.BigDecimal("3400000000"), 0)).isEqualTo("$3.4 billion");
        assertThat(CorpusComposer.money(new java.math.BigDecimal("3400000000"), 1)).isEqualTo("$3.4bn");
        assertThat(CorpusComposer.money(new java.math.BigDecimal("250000000"), 2)).isEqualTo("US$250 million");
    }

    private static String hostOf(RawDocument document) {
        return java.net.URI.create(document.url()).getHost();
    }
}
