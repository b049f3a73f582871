package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-12T14:00:00Z|2026-03-12T14:00:00Z",
            "2026-03-12T09:00:00-05:00|2026-03-12T14:00:00Z",
            "2026-03-12T09:00:00.123+0100|2026-03-12T08:00:00.123Z",
            "2026-03-12 14:00|2026-03-12T14:00:00Z",
            "2026-03-12|2026-03-12T00:00:00Z",
            "Thu, 12 Mar 2026 14:00:00 GMT|2026-03-12T14:00:00Z",
            "March 12, 2026|2026-03-12T00:00:00Z",
            "Mar. 12, 2026 9:05 am EST|2026-03-12T14:05:00Z",
            "12 March 2026|2026-03-12T00:00:00Z",
            "2026/03/12|2026-03-12T00:00:00Z",
            "20260312160636|2026-03-12T16:06:36Z"})
    void readsTheFormsPagesWrite(String input, String expected) {
        assertThat(Dates.parse(input)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "12", "1850-01-01", "not a date at all", "2026-13-45"})
    void rejectsWhatIsNotADate(String input) {
        assertThat(Dates.parse(input)).isNull();
    }
}
