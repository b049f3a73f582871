package dev.newsintel.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.EntityType;

/** Counts of several held-back parts add up to those of one larger part. */
class EntityEvaluationScoresTest {

    private static Map<EntityType, long[]> counts(EntityType type, long tp, long predicted, long gold) {
        Map<EntityType, long[]> m = new EnumMap<>(EntityType.class);
        m.put(type, new long[] {tp, predicted, gold});
        return m;
    }

    @Test
    void scoresOfTwoPartsAddUpTypeByTypeAndTheirF1IsThatOfTheSums() {
        EntityEvaluation.Scores first = new EntityEvaluation.Scores(counts(EntityType.ORG, 3, 4, 6), 10);
        Map<EntityType, long[]> second = counts(EntityType.ORG, 5, 6, 6);
        second.put(EntityType.PERSON, new long[] {1, 2, 2});

        EntityEvaluation.Scores sum = first.plus(new EntityEvaluation.Scores(second, 7));

        assertThat(sum.sentences()).isEqualTo(17);
        assertThat(sum.counts().get(EntityType.ORG)).containsExactly(8, 10, 12);
        assertThat(sum.counts().get(EntityType.PERSON)).containsExactly(1, 2, 2);
        assertThat(sum.f1(EntityType.ORG)).isCloseTo(2.0 * 8 / (10 + 12), org.assertj.core.data.Offset.offset(1e-12));
        // the parts are left as they were
        assertThat(first.counts().get(EntityType.ORG)).containsExactly(3, 4, 6);
    }
}
