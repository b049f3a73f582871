package dev.newsintel.enrich.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShingleMetricTest {
    @Test
    void tokensAreUnicodeWordRunsWithCaseKept() {
        assertThat(ShingleMetric.tokens("Café’s $26B — naïve_x 3.5 日本語")).containsExactly("Café", "s", "26B",
                "naïve_x", "3", "5", "日本語");
    }

    @Test
    void identicalTextsScoreOneAndDisjointTextsZero() {
        ShingleMetric.Counts same = ShingleMetric.match("one two three four five", "one two three four five");
        assertThat(same.precision()).isEqualTo(1);
        assertThat(same.recall()).isEqualTo(1);
        assertThat(same.exact()).isTrue();
        ShingleMetric.Counts disjoint = ShingleMetric.match("one two three four five", "six seven eight nine");
        assertThat(disjoint.f1()).isZero();
    }

    @Test
    void countsAreNormalisedPerItem() {
        // truth shingles: [a b c d], [b c d e]; prediction adds [c d e f]: tp 2, fp 1, fn 0.
        ShingleMetric.Counts c = ShingleMetric.match("a b c d e", "a b c d e f");
        assertThat(c.tp()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.recall()).isEqualTo(1);
        // Fewer than four tokens are one short shingle.
        assertThat(ShingleMetric.match("a b", "a b").f1()).isEqualTo(1);
    }

    @Test
    void anEmptyPredictionCountsForRecallOnly() {
        ShingleMetric.Summary s = ShingleMetric.summarize(List.of(ShingleMetric.match("a b c d", ""),
                ShingleMetric.match("a b c d", "a b c d")));
        assertThat(s.precision()).isEqualTo(1);
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.accuracy()).isEqualTo(0.5);
    }
}
