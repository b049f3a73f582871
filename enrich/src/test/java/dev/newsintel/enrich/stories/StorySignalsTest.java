package dev.newsintel.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.AiModel;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Evidence;
import dev.newsintel.events.Money;

class StorySignalsTest {
    private final MinHash minHash = MinHash.of(StoryConfig.defaults());

    @Test
    void minHashEstimatesJaccardSimilarityAndIsTheSameOnEveryRun() {
        String base = words(400, 1);
        String edited = base.replaceFirst("(\\S+ ){30}", "") + " " + words(20, 2);
        long[] a = minHash.signature(minHash.shingles(base));
        long[] b = minHash.signature(minHash.shingles(edited));
        double exact = jaccard(minHash.shingles(base), minHash.shingles(edited));
        assertThat(MinHash.similarity(a, b)).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.12));
        assertThat(MinHash.similarity(a, minHash.signature(minHash.shingles(words(400, 3))))).isLessThan(0.05);
        // Stored in the story index: a change of hashing would silently split stories across a deployment.
        assertThat(MinHash.of(StoryConfig.defaults()).signature(minHash.shingles("one two three four five six")))
                .isEqualTo(minHash.signature(minHash.shingles("One, two; three four five six!")));
    }

    @Test
    void bandsFindNearDuplicatesButNotMerelySimilarTexts() {
        StoryConfig config = StoryConfig.defaults();
        String base = words(300, 4);
        String near = base.replaceFirst("(\\S+ ){10}", "") + " footer text";
        String half = base.substring(0, base.length() / 2) + " " + words(150, 5);
        assertThat(sharedBands(base, near, config)).isGreaterThanOrEqualTo(config.minBandMatches());
        assertThat(sharedBands(base, half, config)).isLessThan(config.minBandMatches());
    }

    @Test
    void theTextAnchorIsSharedByExactDuplicatesOnlyNotByTextsThatShareBoilerplate() {
        StoryConfig config = StoryConfig.defaults();
        String boilerplate = words(250, 40);
        // Two different reports around the same long boilerplate whose first MinHash values coincide: a
        // one-value anchor (the probability of that is their similarity) would force them into one story.
        String[] pair = firstMinHashCollision(boilerplate);
        long[] a = minHash.signature(minHash.shingles(pair[0]));
        long[] b = minHash.signature(minHash.shingles(pair[1]));
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(MinHash.similarity(a, b)).isLessThan(0.9);
        assertThat(StorySignals.of(document("x", pair[0]), config, minHash).anchor())
                .isNotEqualTo(StorySignals.of(document("y", pair[1]), config, minHash).anchor());

        // The same words with other markup, case and punctuation: one anchor.
        String copy = pair[0].toUpperCase(java.util.Locale.ROOT).replace(" ", " -- ");
        assertThat(StorySignals.of(document("z", copy), config, minHash).anchor())
                .isEqualTo(StorySignals.of(document("x", pair[0]), config, minHash).anchor())
                .startsWith("text:");
    }

    /** Two texts (a distinct opening, then the boilerplate) with the same first MinHash value: found by search. */
    private String[] firstMinHashCollision(String boilerplate) {
        java.util.Map<Long, String> seen = new java.util.HashMap<>();
        for (int seed = 100; seed < 2_000; seed++) {
            String text = words(60, seed) + " " + boilerplate;
            long first = minHash.signature(minHash.shingles(text))[0];
            String earlier = seen.putIfAbsent(first, text);
            if (earlier != null) {
                return new String[] {earlier, text};
            }
        }
        throw new AssertionError("No two texts share a first MinHash value");
    }

    private static dev.newsintel.events.EnrichedDocument document(String id, String text) {
        return document(id, text, List.of());
    }

    private static dev.newsintel.events.EnrichedDocument document(String id, String text,
            List<Announcement> announcements) {
        return new dev.newsintel.events.EnrichedDocument(dev.newsintel.events.EnrichedDocument.SCHEMA_VERSION, id,
                dev.newsintel.events.DocumentKind.NEWS, "test", null, null, text, null,
                java.time.Instant.parse("2026-03-12T00:00:00Z"), null, "en", null, null, List.of(), List.of(),
                announcements, null, null, java.util.Map.of());
    }

    @Test
    void factSignaturesIgnoreHowOutletsWriteTheCompanyAndTheAmount() {
        Announcement linked = announcement(new EntityRef("cik:0001045810", "NVIDIA CORP", "0001045810", "NVDA"),
                new Money(new BigDecimal("26000000000"), "USD", new BigDecimal("26000000000")), null, 10);
        Announcement plain = announcement(EntityRef.company("Nvidia Corporation", null, null),
                Money.usd(new BigDecimal("26.2E9")), null, 0);
        Announcement model = announcement(EntityRef.company("Nvidia", null, null), null,
                new AiModel("Nemotron-3 Super", null, null, null, null, List.of()), 5);
        assertThat(StorySignals.factKey(linked)).isEqualTo("fact:nvidia|2.6E+10 USD|deal");
        assertThat(StorySignals.factKey(plain)).isEqualTo(StorySignals.factKey(linked));
        assertThat(StorySignals.factKey(model)).isEqualTo("model:nvidia|nemotron 3 super");
        // The announcement read first is the primary one: it anchors the story.
        StorySignals signals = StorySignals.of(document("n", "NVIDIA will invest.", List.of(linked, model, plain)),
                StoryConfig.defaults(), minHash);
        assertThat(signals.factKeys()).containsExactly("fact:nvidia|2.6E+10 USD|deal", "model:nvidia|nemotron 3 super");
        // The model's name alone is weak: another maker's product of that name is another story.
        assertThat(signals.weakFactKeys()).containsExactly("model:nemotron 3 super");
        assertThat(signals.anchor()).isEqualTo("fact:nvidia|2.6E+10 USD|deal");
    }

    @Test
    void companyKeysAndRuleEntriesMatchTickersCiksAndNames() {
        EntityRef nvidia = new EntityRef("cik:0001045810", "NVIDIA CORP", "0001045810", "NVDA");
        assertThat(CompanyKey.matches("nvda", nvidia)).isTrue();
        assertThat(CompanyKey.matches("1045810", nvidia)).isTrue();
        assertThat(CompanyKey.matches("Nvidia Corporation", nvidia)).isTrue();
        assertThat(CompanyKey.matches("AMD", nvidia)).isFalse();
        assertThat(CompanyKey.normalizeName("The Procter & Gamble Company")).isEqualTo("procter and gamble");
        assertThat(CompanyKey.normalizeName("Nestlé S.A.")).isEqualTo("nestle");
    }

    private int sharedBands(String a, String b, StoryConfig config) {
        List<String> x = List.of(MinHash.bands(minHash.signature(minHash.shingles(a)), config.bands(),
                config.rowsPerBand()));
        List<String> y = List.of(MinHash.bands(minHash.signature(minHash.shingles(b)), config.bands(),
                config.rowsPerBand()));
        return (int) x.stream().filter(y::contains).count();
    }

    private static Announcement announcement(EntityRef company, Money amount, AiModel model, int start) {
        AnnouncementType type = model != null ? AnnouncementType.MODEL_RELEASE : AnnouncementType.INVESTMENT;
        return new Announcement(1, "a" + start, type, "d", company, amount, null, null, null, model, null,
                new Evidence("sentence", start, start + 8), 0.9, null, null, null, null, null);
    }

    private static double jaccard(long[] a, long[] b) {
        java.util.Set<Long> x = new java.util.HashSet<>();
        for (long v : a) {
            x.add(v);
        }
        int common = 0;
        for (long v : b) {
            if (x.contains(v)) {
                common++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    private static String words(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append("w").append(random.nextInt(5000)).append(' ');
        }
        return s.toString().strip();
    }
}
