package org.incidentkb.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.incidentkb.Fixtures;
import org.incidentkb.incident.model.ClaimStatus;
import org.incidentkb.incident.query.IncidentFilter;
import org.junit.jupiter.api.Test;

/**
 * The statistics roll-up answers exactly what counting the incidents answers, for every grouping and filter it
 * takes, over the whole database (demo data and whatever other tests wrote), and stays so through every kind of write.
 */
@QuarkusTest
class StatsRollupTest {

    @Inject
    StatsQueries stats;

    @Inject
    RollupCounts counts;

    @Inject
    org.incidentkb.incident.query.IncidentQueries queries;

    @Test
    void shouldAnswerLikeTheIncidentTableAfterEveryKindOfWrite() {
        assertRollupMatches("as started");

        long perpetrator = Fixtures.actor(Fixtures.unique("Rollup perp"));
        long other = Fixtures.actor(Fixtures.unique("Rollup other"));
        long id = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Rollup", "type": "air-drone-strike", "startDate": "2019-07-31",
                 "location": {"countryCode": "IRQ"}, "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                 "casualties": [{"category": "CIVILIAN", "killed": {"low": 3, "best": 4, "high": null}}]}"""
                .formatted(perpetrator));
        assertRollupMatches("after a create");

        given().contentType("application/merge-patch+json").body("""
                {"startDate": "2019-08-01", "location": {"countryCode": "SYR"},
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}, {"actor": {"id": %d}, "role": "PERPETRATOR"}]}"""
                .formatted(perpetrator, other))
                .when().patch("/api/v1/incidents/" + id).then().statusCode(200);
        assertRollupMatches("after moving it to another month and country, with a second perpetrator");

        given().contentType("application/json").body("{\"category\": \"ALL\", \"killed\": 9, \"injured\": {\"best\": 2}}")
                .when().post("/api/v1/incidents/" + id + "/casualties").then().statusCode(201);
        given().contentType("application/json").body("{\"actor\": {\"id\": %d}, \"stance\": \"CLAIMED\"}".formatted(other))
                .when().post("/api/v1/incidents/" + id + "/claims").then().statusCode(201);
        assertRollupMatches("after a casualty record and a claim");

        String ref = Fixtures.unique("RU").replace(' ', '-');
        String line = "{\"title\": \"Imported rollup\", \"category\": \"battles\", \"startDate\": \"2018-02-03\", "
                + "\"location\": {\"countryCode\": \"IRQ\"}, \"externalRefs\": [{\"dataset\": \"TEST\", \"externalId\": \"" + ref
                + "\"}], \"casualties\": [{\"category\": \"ALL\", \"killed\": %d}]}\n";
        for (int killed : new int[] { 5, 7 }) {
            given().contentType("application/x-ndjson").body(line.formatted(killed).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/api/v1/imports?format=ndjson").then().statusCode(201);
        }
        assertRollupMatches("after an import that created an incident and one that changed it");

        given().when().delete("/api/v1/incidents/" + id).then().statusCode(204);
        assertRollupMatches("after a delete");
    }

    private void assertRollupMatches(String when) {
        List<List<Dimension>> groupings = new ArrayList<>();
        groupings.add(List.of());
        for (Dimension a : Dimension.values()) {
            if (a == Dimension.ADMIN1) {
                continue;
            }
            groupings.add(List.of(a));
            for (Dimension b : Dimension.values()) {
                if (b != a && b != Dimension.ADMIN1 && !(Set.of(a, b).equals(Set.of(Dimension.YEAR, Dimension.MONTH)))) {
                    groupings.add(List.of(a, b));
                }
            }
        }
        IncidentFilter none = IncidentFilter.none();
        List<IncidentFilter> filters = List.of(none,
                new IncidentFilter(null, LocalDate.of(2019, 7, 31), Set.of("IRQ", "SYR"), Set.of(), Set.of(), Set.of(),
                        List.of(), Set.of(), Set.of(ClaimStatus.UNCLAIMED, ClaimStatus.CLAIMED), null, null, null, null,
                        null, null, null, Set.of(), Set.of(), Set.of(), null, false, Set.of()),
                new IncidentFilter(null, LocalDate.of(2019, 12, 31), Set.of("IRQ"), Set.of(), Set.of(), Set.of(),
                        List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                        Set.of(), null, false, Set.of()),
                new IncidentFilter(null, null, Set.of(), Set.of(), Set.of("battles"), Set.of("air-drone-strike"),
                        List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                        Set.of(), null, false, Set.of()));
        QuarkusTransaction.requiringNew().run(() -> {
            for (IncidentFilter filter : filters) {
                assertThat(counts.known(filter)).as("%s, total of %s", when, filter)
                        .hasValue(queries.count(queries.selection(filter)));
                for (List<Dimension> groupBy : groupings) {
                    assertThat(StatsRollup.answers(filter, groupBy)).isTrue();
                    assertThat(stats.aggregate(groupBy, filter)).as("%s, grouped by %s, filter %s", when, groupBy, filter)
                            .isEqualTo(stats.fromIncidents(groupBy, filter));
                }
            }
        });
    }

    @Test
    void shouldDocumentEveryDimensionInTheOpenApiEnumeration() {
        String[] documented = Dimension.Name.class
                .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).enumeration();
        assertThat(documented).containsExactly(java.util.Arrays.stream(Dimension.values()).map(d -> d.param)
                .toArray(String[]::new));
    }

    @Test
    void shouldAnswerFromTheCoarsestRollupThatKeepsWhatIsAsked() {
        IncidentFilter none = IncidentFilter.none();
        assertThat(StatsRollup.grain(none, List.of(Dimension.MONTH))).isEqualTo(StatsRollup.Grain.COUNTRY_MONTH);
        assertThat(StatsRollup.grain(none, List.of(Dimension.PERPETRATOR, Dimension.YEAR)))
                .isEqualTo(StatsRollup.Grain.COUNTRY_YEAR);
        IncidentFilter toMidYear = new IncidentFilter(null, LocalDate.of(2019, 7, 31), Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(StatsRollup.grain(toMidYear, List.of(Dimension.YEAR))).isEqualTo(StatsRollup.Grain.COUNTRY_MONTH);
        assertThat(StatsRollup.grain(none, List.of(Dimension.COUNTRY, Dimension.CLAIM_STATUS)))
                .isEqualTo(StatsRollup.Grain.FINE);
        IncidentFilter byType = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of("armed-clash"),
                List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(),
                null, false, Set.of());
        assertThat(StatsRollup.grain(byType, List.of(Dimension.MONTH))).isEqualTo(StatsRollup.Grain.FINE);
    }

    @Test
    void shouldLeaveToTheIncidentTableWhatTheRollupDoesNotKeep() {
        IncidentFilter none = IncidentFilter.none();
        assertThat(StatsRollup.answers(none, List.of(Dimension.ADMIN1))).isFalse();
        IncidentFilter midMonth = new IncidentFilter(null, LocalDate.of(2019, 7, 30), Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(StatsRollup.answers(midMonth, List.of(Dimension.MONTH))).isFalse();
        IncidentFilter from = new IncidentFilter(LocalDate.of(2019, 7, 1), null, Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(StatsRollup.answers(from, List.of(Dimension.MONTH))).isFalse();
        IncidentFilter killed = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(),
                Set.of(), Set.of(), 1, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, false, Set.of());
        assertThat(StatsRollup.answers(killed, List.of())).isFalse();
        IncidentFilter batch = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(),
                Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, false,
                Set.of(1L, 2L));
        assertThat(StatsRollup.answers(batch, List.of())).isFalse();
    }
}
