package dev.newsintel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SubscriptionsTest {
    @Test
    void aRuleNeedsACriterionAndSaneValues() {
        assertThat(Subscriptions.problems(rule("ok", List.of("NVDA"), null, List.of()))).isEmpty();
        assertThat(Subscriptions.problems(rule("none", List.of(), null, List.of())))
                .singleElement().asString().contains("at least one criterion");
        assertThat(Subscriptions.problems(rule("model-releases", List.of(), null, List.of("x"))))
                .singleElement().asString().contains("built-in");
        assertThat(Subscriptions.problems(rule("neg", List.of(), new BigDecimal("-1"), Arrays.asList("x", " "))))
                .hasSize(2);
        assertThatThrownBy(() -> Subscriptions.validate(rule("none", List.of(), null, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid rule none: ");
    }

    private static Subscription rule(String id, List<String> companies, BigDecimal min, List<String> terms) {
        return new Subscription(1, id, id, companies, List.of(), min, null, null, terms, null, null);
    }
}
