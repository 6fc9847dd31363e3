package org.incidentkb.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
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
    EntityManager em;

    @Inject
    org.incidentkb.incident.query.IncidentQueries queries;

    @Inject
    RollupRebuild rebuild;

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

    /**
     * An event of three incidents from the API, then everything that changes an event or one of its members: the
     * deduplicated statistics and totals from the roll-up and its corrections stay what counting the incidents with
     * their events answers, and so do the plain ones.
     */
    @Test
    void shouldAnswerDeduplicatedStatisticsLikeTheIncidentTableThroughEveryChangeToAnEvent() {
        long perpetrator = Fixtures.actor(Fixtures.unique("Event perp"));
        long a = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Event A", "type": "air-drone-strike", "startDate": "2019-05-10",
                 "location": {"countryCode": "IRQ"}, "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                 "casualties": [{"category": "ALL", "killed": {"low": 2, "best": 3, "high": 5}}]}"""
                .formatted(perpetrator));
        long b = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Event B", "category": "battles", "startDate": "2019-05-11", "location": {"countryCode": "SYR"},
                 "casualties": [{"category": "ALL", "killed": {"low": 1, "best": 2, "high": null},
                                 "injured": {"low": 4, "best": 6, "high": 9}}]}""");
        long c = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Event C", "type": "air-drone-strike", "startDate": "2019-06-01",
                 "location": {"countryCode": "IRQ"}}""");
        long spanning = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Event E", "type": "air-drone-strike", "startDate": "2019-04-20", "endDate": "2019-06-15",
                 "location": {"countryCode": "IRQ"}, "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                 "casualties": [{"category": "ALL", "killed": {"low": 1, "best": 1, "high": 8}, "injured": 2}]}"""
                .formatted(perpetrator));
        assertRollupMatches("four incidents, one of them going on over two months, no event");

        link(a, b);
        link(spanning, a);
        assertRollupMatches("after an event of two");
        long bc = link(b, c);
        assertRollupMatches("after a third member");

        given().contentType("application/json").body("{\"category\": \"ALL\", \"killed\": 11}")
                .when().post("/api/v1/incidents/" + c + "/casualties").then().statusCode(201);
        assertRollupMatches("after a member's figures changed");
        given().contentType("application/merge-patch+json").body("""
                {"startDate": "2019-07-02", "location": {"countryCode": "JOR"},
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}]}""".formatted(perpetrator))
                .when().patch("/api/v1/incidents/" + b).then().statusCode(200);
        assertRollupMatches("after a member moved to another month, country and perpetrator");

        given().contentType("application/merge-patch+json").body("{\"status\": \"REJECTED\"}")
                .when().patch("/api/v1/links/" + bc).then().statusCode(200);
        assertRollupMatches("after a link was rejected");
        given().contentType("application/merge-patch+json").body("{\"status\": \"CONFIRMED\"}")
                .when().patch("/api/v1/links/" + bc).then().statusCode(200);
        assertRollupMatches("after it was confirmed again");

        given().when().delete("/api/v1/incidents/" + a).then().statusCode(204);
        assertRollupMatches("after the lead was deleted");
        given().when().delete("/api/v1/links/" + bc).then().statusCode(204);
        assertRollupMatches("after the last link was deleted");

        long d = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Event D", "type": "air-drone-strike", "startDate": "2019-06-02",
                 "location": {"countryCode": "IRQ"}, "casualties": [{"category": "ALL", "killed": 1}]}""");
        link(c, d);
        link(spanning, d);
        Map<String, String> incremental = corrections();
        // A matching run recomputes every event, and rebuilds every correction in SQL.
        String location = given().contentType("application/json").body("{\"country\": \"IRQ\", \"from\": \"1901-01-01\","
                + " \"to\": \"1901-01-31\"}").when().post("/api/v1/matching").then().statusCode(202).extract()
                .header("Location");
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> "DONE".equals(
                given().when().get(location).then().statusCode(200).extract().path("state")));
        assertRollupMatches("after a matching run recomputed every event");
        Map<String, String> kept = corrections();
        assertThat(kept).as("rebuilt as kept one change at a time").isEqualTo(incremental).isNotEmpty();

        // Every correction computed again from the events' rows, in Java (a start under newer rules does so).
        QuarkusTransaction.requiringNew().run(() -> {
            for (Grain grain : Grain.values()) {
                em.createNativeQuery("delete from " + grain.eventTable).executeUpdate();
            }
            rebuild.rebuild();
        });
        assertThat(corrections()).isEqualTo(kept);
    }

    /** The rows of the three correction tables that are not all zero, as key to measures. */
    private Map<String, String> corrections() {
        Map<String, String> out = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Grain grain : Grain.values()) {
                int keys = grain.keyCount();
                List<?> rows = em.createNativeQuery("select " + grain.keys + ", " + RollupWriter.MEASURES + " from "
                        + grain.eventTable).getResultList();
                for (Object row : rows) {
                    List<String> values = Arrays.stream((Object[]) row).map(String::valueOf).toList();
                    List<String> measures = values.subList(keys, values.size());
                    if (measures.stream().anyMatch(m -> !m.equals("0"))) {
                        out.put(grain + " " + values.subList(0, keys), String.join(",", measures));
                    }
                }
            }
        });
        return out;
    }

    private static long link(long from, long to) {
        return given().contentType("application/json").body("{\"to\": {\"id\": %d}, \"relation\": \"SAME_EVENT\"}"
                .formatted(to)).when().post("/api/v1/incidents/" + from + "/links").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    @Test
    void shouldRebuildFromTheIncidentsWhatTheWritesLeft() {
        long a = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Rebuilt A", "type": "armed-clash", "startDate": "2018-03-02",
                 "location": {"countryCode": "SYR"},
                 "casualties": [{"category": "CIVILIAN", "killed": {"low": 2, "best": 3, "high": 8}}]}""");
        long b = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Rebuilt B", "type": "armed-clash", "startDate": "2018-03-03",
                 "location": {"countryCode": "SYR"}}""");
        link(a, b);
        Map<String, List<List<Object>>> written = rollupRows();
        QuarkusTransaction.requiringNew().run(rebuild::rebuild);
        assertThat(rollupRows()).isEqualTo(written);
    }

    @Test
    void shouldRebuildAtStartWhenTheRulesAreNewerThanTheRowsWereComputedBy() {
        Map<String, List<List<Object>>> right = rollupRows();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update incident_rollup_year set killed_best = killed_best + 1000").executeUpdate();
            em.createNativeQuery("delete from event_rollup").executeUpdate();
            em.createNativeQuery("update projection_rules set version = 0 where name = 'rollups'").executeUpdate();
        });
        rebuild.onStart(new io.quarkus.runtime.StartupEvent());
        assertThat(rollupRows()).isEqualTo(right);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from projection_rules where name = 'rollups'").getSingleResult()).intValue()))
                .isEqualTo(RollupRebuild.RULES);
        assertRollupMatches("after a rebuild at start");
    }

    /** Every roll-up and correction row that counts something, by table, in key order. */
    private Map<String, List<List<Object>>> rollupRows() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<List<Object>>> out = new TreeMap<>();
            for (Grain grain : Grain.values()) {
                for (String table : List.of(grain.table, grain.eventTable)) {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = em.createNativeQuery("select " + grain.keys + ", " + RollupWriter.MEASURES
                            + " from " + table + " order by " + grain.keys).getResultList();
                    out.put(table, rows.stream().map(r -> Arrays.stream(r).map(v -> v instanceof Number n
                            ? (Object) n.longValue() : v).toList())
                            .filter(r -> r.subList(grain.keyCount(), r.size()).stream().anyMatch(v -> !v.equals(0L)))
                            .toList());
                }
            }
            return out;
        });
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
        List<IncidentFilter> filters = new ArrayList<>(filters(false));
        filters.addAll(filters(true));
        QuarkusTransaction.requiringNew().run(() -> {
            for (IncidentFilter filter : filters) {
                assertThat(counts.known(filter)).as("%s, total of %s", when, filter)
                        .hasValue(queries.count(queries.selection(filter)));
                for (List<Dimension> groupBy : groupings) {
                    assertThat(RollupPlan.answers(filter, groupBy)).isTrue();
                    assertThat(stats.aggregate(groupBy, filter)).as("%s, grouped by %s, filter %s", when, groupBy, filter)
                            .isEqualTo(stats.fromIncidents(groupBy, filter));
                }
            }
        });
    }

    private static List<IncidentFilter> filters(boolean dedupe) {
        return List.of(
                new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(), Set.of(), Set.of(),
                        null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, dedupe, Set.of()),
                new IncidentFilter(null, LocalDate.of(2019, 7, 31), Set.of("IRQ", "SYR"), Set.of(), Set.of(), Set.of(),
                        List.of(), Set.of(), Set.of(ClaimStatus.UNCLAIMED, ClaimStatus.CLAIMED), null, null, null, null,
                        null, null, null, Set.of(), Set.of(), Set.of(), null, dedupe, Set.of()),
                new IncidentFilter(null, LocalDate.of(2019, 12, 31), Set.of("IRQ"), Set.of(), Set.of(), Set.of(),
                        List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                        Set.of(), null, dedupe, Set.of()),
                new IncidentFilter(null, null, Set.of(), Set.of(), Set.of("battles"), Set.of("air-drone-strike"),
                        List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                        Set.of(), null, dedupe, Set.of()),
                new IncidentFilter(LocalDate.of(2019, 5, 1), LocalDate.of(2019, 12, 31), Set.of("IRQ", "JOR"), Set.of(),
                        Set.of(), Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null,
                        Set.of(), Set.of(), Set.of(), null, dedupe, Set.of()),
                new IncidentFilter(LocalDate.of(2019, 6, 1), null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(),
                        Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null,
                        dedupe, Set.of()),
                new IncidentFilter(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), Set.of(), Set.of(), Set.of(),
                        Set.of("air-drone-strike"), List.of(), Set.of(), Set.of(), null, null, null, null, null, null,
                        null, Set.of(), Set.of(), Set.of(), null, dedupe, Set.of()));
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
        assertThat(RollupPlan.grain(none, List.of(Dimension.MONTH))).isEqualTo(Grain.COUNTRY_MONTH);
        assertThat(RollupPlan.grain(none, List.of(Dimension.PERPETRATOR, Dimension.YEAR)))
                .isEqualTo(Grain.PERPETRATOR_YEAR);
        assertThat(RollupPlan.grain(none, List.of(Dimension.COUNTRY, Dimension.YEAR)))
                .isEqualTo(Grain.COUNTRY_YEAR);
        IncidentFilter toMidYear = new IncidentFilter(null, LocalDate.of(2019, 7, 31), Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(RollupPlan.grain(toMidYear, List.of(Dimension.YEAR))).isEqualTo(Grain.COUNTRY_MONTH);
        assertThat(RollupPlan.grain(none, List.of(Dimension.COUNTRY, Dimension.CLAIM_STATUS)))
                .isEqualTo(Grain.FINE);
        IncidentFilter byType = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of("armed-clash"),
                List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(),
                null, false, Set.of());
        assertThat(RollupPlan.grain(byType, List.of(Dimension.MONTH))).isEqualTo(Grain.FINE);
    }

    @Test
    void shouldLeaveToTheIncidentTableWhatTheRollupDoesNotKeep() {
        IncidentFilter none = IncidentFilter.none();
        assertThat(RollupPlan.answers(none, List.of(Dimension.ADMIN1))).isFalse();
        IncidentFilter midMonth = new IncidentFilter(null, LocalDate.of(2019, 7, 30), Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(RollupPlan.answers(midMonth, List.of(Dimension.MONTH))).isFalse();
        IncidentFilter from = new IncidentFilter(LocalDate.of(2019, 7, 2), null, Set.of(), Set.of(), Set.of(),
                Set.of(), List.of(), Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(),
                Set.of(), null, false, Set.of());
        assertThat(RollupPlan.answers(from, List.of(Dimension.MONTH))).as("from within a month").isFalse();
        IncidentFilter killed = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(),
                Set.of(), Set.of(), 1, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, false, Set.of());
        assertThat(RollupPlan.answers(killed, List.of())).isFalse();
        IncidentFilter batch = new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(),
                Set.of(), Set.of(), null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, false,
                Set.of(1L, 2L));
        assertThat(RollupPlan.answers(batch, List.of())).isFalse();
    }
}
