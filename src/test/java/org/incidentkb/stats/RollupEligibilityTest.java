package org.incidentkb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQuery;
import org.junit.jupiter.api.Test;

/** Which statistics the roll-ups answer, and from which grain, without a database. */
class RollupEligibilityTest {

    private static IncidentFilter filter(java.util.function.Consumer<IncidentQuery> set) {
        IncidentQuery q = new IncidentQuery();
        set.accept(q);
        return IncidentFilter.parse(q, new IncidentFilter.Lookups() {
            @Override
            public Set<Long> actorIds(String idOrName) {
                return Set.of(7L);
            }

            @Override
            public boolean isCategory(String code) {
                return true;
            }

            @Override
            public boolean isType(String code) {
                return true;
            }
        });
    }

    @Test
    void shouldAnswerFiltersTheRollupKeepsAndMonthEnds() {
        assertThat(RollupPlan.answers(filter(q -> { }), List.of(Dimension.YEAR))).isTrue();
        assertThat(RollupPlan.answers(filter(q -> q.country = List.of("IRQ")), List.of(Dimension.PERPETRATOR)))
                .isTrue();
        assertThat(RollupPlan.answers(filter(q -> q.type = List.of("air-drone-strike")), List.of(Dimension.TYPE)))
                .isTrue();
        assertThat(RollupPlan.answers(filter(q -> q.to = "2024-02-29"), List.of(Dimension.MONTH))).isTrue();
        assertThat(RollupPlan.answers(filter(q -> q.from = "2024-02-01"), List.of(Dimension.MONTH))).isTrue();
        assertThat(RollupPlan.answers(filter(q -> q.dedupe = "events"), List.of(Dimension.YEAR))).isTrue();
    }

    @Test
    void shouldCountFromTheIncidentsWhatTheRollupCannotKnow() {
        assertThat(RollupPlan.answers(filter(q -> q.to = "2024-02-28"), List.of())).as("mid-month to").isFalse();
        assertThat(RollupPlan.answers(filter(q -> q.from = "2024-01-02"), List.of())).as("mid-month from").isFalse();
        assertThat(RollupPlan.answers(filter(q -> { }), List.of(Dimension.ADMIN1))).as("admin1").isFalse();
        assertThat(RollupPlan.answers(filter(q -> q.q = "drone"), List.of())).as("text").isFalse();
        assertThat(RollupPlan.answers(filter(q -> q.perpetrator = List.of("7")), List.of())).as("actor").isFalse();
        assertThat(RollupPlan.answers(filter(q -> q.minKilled = "1"), List.of())).as("figures").isFalse();
    }

    @Test
    void shouldPickTheCoarsestGrainThatAnswers() {
        assertThat(RollupPlan.grain(filter(q -> { }), List.of(Dimension.YEAR, Dimension.COUNTRY)))
                .isEqualTo(Grain.COUNTRY_YEAR);
        assertThat(RollupPlan.grain(filter(q -> q.to = "2023-12-31"), List.of(Dimension.PERPETRATOR)))
                .isEqualTo(Grain.PERPETRATOR_YEAR);
        assertThat(RollupPlan.grain(filter(q -> { }), List.of(Dimension.PERPETRATOR, Dimension.YEAR)))
                .isEqualTo(Grain.PERPETRATOR_YEAR);
        assertThat(RollupPlan.grain(filter(q -> q.country = List.of("IRQ")), List.of(Dimension.PERPETRATOR)))
                .as("a country").isEqualTo(Grain.COUNTRY_YEAR);
        assertThat(RollupPlan.grain(filter(q -> q.to = "2024-06-30"), List.of(Dimension.YEAR)))
                .isEqualTo(Grain.COUNTRY_MONTH);
        assertThat(RollupPlan.grain(filter(q -> q.from = "2024-01-01"), List.of(Dimension.YEAR)))
                .isEqualTo(Grain.PERPETRATOR_YEAR);
        assertThat(RollupPlan.grain(filter(q -> q.from = "2024-03-01"), List.of(Dimension.YEAR)))
                .as("from within a year").isEqualTo(Grain.COUNTRY_MONTH);
        assertThat(RollupPlan.grain(filter(q -> { }), List.of(Dimension.MONTH)))
                .isEqualTo(Grain.COUNTRY_MONTH);
        assertThat(RollupPlan.grain(filter(q -> q.claimStatus = List.of("CLAIMED")), List.of(Dimension.YEAR)))
                .isEqualTo(Grain.FINE);
        assertThat(RollupPlan.grain(filter(q -> { }), List.of(Dimension.CATEGORY)))
                .isEqualTo(Grain.FINE);
    }

    @Test
    void shouldReadTheRollupRowsAsTheGroupsWhereEachRowIsOne() {
        Grain byPerpetratorYear = Grain.PERPETRATOR_YEAR;
        Grain byCountryYear = Grain.COUNTRY_YEAR;
        assertThat(RollupPlan.oneRowPerGroup(byPerpetratorYear, List.of(Dimension.PERPETRATOR, Dimension.YEAR),
                filter(q -> { }))).isTrue();
        assertThat(RollupPlan.oneRowPerGroup(byPerpetratorYear, List.of(Dimension.YEAR), filter(q -> q.to = "2023-12-31")))
                .as("the perpetrator fixed at all").isTrue();
        assertThat(RollupPlan.oneRowPerGroup(byPerpetratorYear, List.of(Dimension.PERPETRATOR), filter(q -> { })))
                .as("years added up").isFalse();
        assertThat(RollupPlan.oneRowPerGroup(byCountryYear, List.of(Dimension.PERPETRATOR, Dimension.YEAR),
                filter(q -> { }))).as("countries added up").isFalse();
        assertThat(RollupPlan.oneRowPerGroup(byCountryYear, List.of(Dimension.YEAR, Dimension.COUNTRY),
                filter(q -> q.country = List.of("IRQ")))).isTrue();
        assertThat(RollupPlan.oneRowPerGroup(Grain.COUNTRY_MONTH, List.of(Dimension.MONTH),
                filter(q -> q.country = List.of("IRQ")))).as("one country's months").isTrue();
        assertThat(RollupPlan.oneRowPerGroup(Grain.COUNTRY_MONTH, List.of(Dimension.MONTH),
                filter(q -> q.country = List.of("IRQ", "SYR")))).as("two countries added up").isFalse();
        assertThat(RollupPlan.oneRowPerGroup(byCountryYear, List.of(Dimension.PERPETRATOR, Dimension.YEAR),
                filter(q -> q.country = List.of("SYR")))).as("one country's perpetrators by year").isTrue();
        assertThat(RollupPlan.oneRowPerGroup(byPerpetratorYear, List.of(Dimension.YEAR),
                filter(q -> q.from = "2024-01-01"))).as("incidents going on at from added").isFalse();
        assertThat(RollupPlan.oneRowPerGroup(byPerpetratorYear, List.of(Dimension.YEAR),
                filter(q -> q.dedupe = "events"))).as("corrections added").isFalse();
        assertThat(RollupPlan.oneRowPerGroup(Grain.FINE, List.of(Dimension.MONTH, Dimension.TYPE),
                filter(q -> { }))).as("countries, categories and claim statuses added up").isFalse();
    }

    @Test
    void shouldWriteAMonthKeyAsYearDashMonth() {
        assertThat(Dimension.yearMonth(2024, 1)).isEqualTo("2024-01");
        assertThat(Dimension.yearMonth(1990, 12)).isEqualTo("1990-12");
        assertThat(Dimension.yearMonth(802, 7)).isEqualTo("0802-07");
        assertThat(Dimension.yearMonth(12024, 3)).isEqualTo("12024-03");
    }
}
