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
    void factSignaturesIgnoreHowOutletsWriteTheCompanyAndTheAmount() {
        Announcement linked = announcement(new EntityRef("cik:0001045810", "NVIDIA CORP", "0001045810", "NVDA"),
                new Money(new BigDecimal("26000000000"), "USD", new BigDecimal("26000000000")), null, 10);
        Announcement plain = announcement(EntityRef.company("Nvidia Corporation", null, null),
                Money.usd(new BigDecimal("26.2E9")), null, 0);
        Announcement model = announcement(EntityRef.company("Nvidia", null, null), null,
                new AiModel("Nemotron-3 Super", null, null, null, null, List.of()), 5);
        assertThat(StorySignals.factKey(linked)).isEqualTo("fact:nvidia|2.6E+10 USD");
        assertThat(StorySignals.factKey(plain)).isEqualTo(StorySignals.factKey(linked));
        assertThat(StorySignals.factKey(model)).isEqualTo("model:nemotron 3 super");
        // The announcement read first is the primary one.
        assertThat(StorySignals.factKeys(List.of(linked, model, plain), 0.5))
                .containsExactly("fact:nvidia|2.6E+10 USD", "model:nemotron 3 super");
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
