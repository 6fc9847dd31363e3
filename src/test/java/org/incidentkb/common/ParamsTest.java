package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Query parameters as every list endpoint reads them, without HTTP. */
class ParamsTest {

    @Test
    void shouldReadPlainDatesBetween1800And2100() {
        assertThat(Params.date("from", "2024-01-16")).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThat(Params.date("from", "1800-01-01")).isEqualTo(LocalDate.of(1800, 1, 1));
        assertThat(Params.date("from", null)).isNull();
        assertThat(Params.date("from", "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31", "-999999999-01-01", " 2024-01-01", "2024-01-01 ", "2024-1-5",
            "1799-12-31", "2101-01-01", "2024-02-30", "yesterday", "2024-01-16T00:00:00Z" })
    void shouldRefuseAnyOtherDate(String value) {
        assertThatThrownBy(() -> Params.date("from", value)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("from").hasMessageContaining("YYYY-MM-DD between 1800-01-01 and 2100-12-31");
    }

    @Test
    void shouldReadTimestampsOrDatesWithinTheSameYears() {
        assertThat(Params.instant("updatedSince", "2024-02-01T10:00:00Z")).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
        assertThat(Params.instant("updatedSince", "2024-02-01")).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(Params.instant("updatedSince", "2024-02-01T12:00:00+02:00")).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
        for (String bad : List.of("+999999999-12-31T00:00:00Z", "1000-01-01", "soon")) {
            assertThatThrownBy(() -> Params.instant("updatedSince", bad)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("updatedSince");
        }
    }

    @Test
    void shouldSplitRepeatedAndCommaSeparatedValues() {
        assertThat(Params.values(List.of("IRQ,SYR", " TUR ", ""))).containsExactly("IRQ", "SYR", "TUR");
        assertThat(Params.whole(List.of("Islamic State, Iraq", " "))).containsExactly("Islamic State, Iraq");
        assertThat(Params.values(null)).isEmpty();
    }

    @Test
    void shouldBoundWholeNumbersAndClipEchoedValues() {
        assertThat(Params.integer("size", "500", 1, 500)).isEqualTo(500);
        assertThatThrownBy(() -> Params.integer("size", "501", 1, 500)).hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> Params.integer("size", "1e3", 1, 500)).hasMessageContaining("not a whole number");
        assertThat(Params.clip("x".repeat(100))).hasSize(60).endsWith("...");
    }
}
