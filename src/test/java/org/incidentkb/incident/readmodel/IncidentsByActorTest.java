package org.incidentkb.incident.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentkb.Fixtures;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQueries;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSchema;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.incident.query.IncidentSort;
import org.junit.jupiter.api.Test;

/**
 * A list of one actor in one role, or of one claimant, is read from {@code incident_by_actor} (ADR 0018, V29): it
 * must answer what the same filter answers over the incident table, in every order it serves, and follow every write
 * to the incidents and their claims.
 */
@QuarkusTest
class IncidentsByActorTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Inject
    IncidentQueries queries;

    @Inject
    IncidentSearchService search;

    private static long incident(String actors, String startDate, String endDate, String country, String type,
            Integer killed) {
        return Fixtures.createdId(INCIDENTS, """
                {"title": "By actor", "type": "%s", "startDate": "%s", "endDate": %s,
                 "location": {"countryCode": "%s"}, "actors": [%s], "casualties": [%s]}""".formatted(type, startDate,
                endDate == null ? "null" : "\"" + endDate + "\"", country, actors,
                killed == null ? "" : "{\"category\": \"ALL\", \"killed\": " + killed + ", \"injured\": 1}"));
    }

    private static long claim(long incident, long actor, String stance) {
        return Fixtures.createdId(INCIDENTS + "/" + incident + "/claims",
                "{\"actor\": {\"id\": %d}, \"stance\": \"%s\"}".formatted(actor, stance));
    }

    private static String as(long actor, String role) {
        return "{\"actor\": {\"id\": %d}, \"role\": \"%s\"}".formatted(actor, role);
    }

    /** The ids and total the API answers (read from incident_by_actor where it applies). */
    private static JsonPath list(Map<String, ?> params) {
        return given().queryParams(params).queryParam("size", 100).when().get(INCIDENTS).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }

    /** What the same filter answers over the incident table: ids in the order, and the count. */
    private List<Object> overIncidents(Map<String, String> params, String sort) {
        IncidentQuery query = new IncidentQuery();
        query.perpetrator = params.containsKey("perpetrator") ? List.of(params.get("perpetrator")) : null;
        query.target = params.containsKey("target") ? List.of(params.get("target")) : null;
        query.claimedBy = params.containsKey("claimedBy") ? List.of(params.get("claimedBy")) : null;
        query.country = params.containsKey("country") ? List.of(params.get("country")) : null;
        query.type = params.containsKey("type") ? List.of(params.get("type")) : null;
        query.from = params.get("from");
        query.to = params.get("to");
        query.minKilled = params.get("minKilled");
        query.maxKilled = params.get("maxKilled");
        return QuarkusTransaction.requiringNew().call(() -> {
            IncidentFilter filter = search.filter(query);
            IncidentSort order = IncidentSort.parse(sort, IncidentSort.DEFAULT);
            IncidentQueries.Selection byActor = queries.listSelection(filter, IncidentQueries.Coordinates.ANY, order);
            assertThat(byActor.parts().isEmpty() ? byActor.table() : byActor.parts().get(0).from())
                    .as("read from incident_by_actor: %s", params).isSameAs(IncidentSchema.BY_ACTOR);
            IncidentQueries.Selection plain = queries.selection(filter);
            List<Long> ids = queries.keys(plain, order, null, 0, 100).stream().map(IncidentQueries.SortedId::id)
                    .toList();
            return List.of(ids, queries.count(plain));
        });
    }

    @Test
    void shouldAnswerWhatTheIncidentTableAnswersForEveryFilterAndOrderItServes() {
        String run = Fixtures.unique("ByActor");
        long a = Fixtures.actor("Perpetrator " + run);
        long b = Fixtures.actor("Other " + run);
        long spanning = incident(as(a, "PERPETRATOR"), "2023-12-20", "2024-01-05", "IRQ", "air-drone-strike", 5);
        long unknown = incident(as(a, "PERPETRATOR"), "2024-02-01", null, "IRQ", "air-drone-strike", null);
        long syria12 = incident(as(a, "PERPETRATOR"), "2024-03-01", null, "SYR", "armed-clash", 12);
        long syria0 = incident(as(a, "PERPETRATOR") + "," + as(b, "TARGET"), "2024-03-01", null, "SYR",
                "armed-clash", 0);
        long june = incident(as(a, "PERPETRATOR"), "2024-06-15", "2024-06-16", "IRQ", "suicide-bomb", 30);
        long targeted = incident(as(b, "PERPETRATOR") + "," + as(a, "TARGET"), "2025-01-10", null, "IRQ",
                "air-drone-strike", 3);
        String perpetrator = String.valueOf(a);
        // Claims: two by a of one incident (one row), one denial (none), one by b.
        claim(spanning, a, "CLAIMED");
        claim(june, a, "CLAIMED");
        claim(june, a, "CLAIMED");
        claim(syria12, a, "CLAIMED");
        claim(unknown, a, "DENIED");
        claim(targeted, b, "CLAIMED");

        // Filters and orders read from incident_by_actor, against the same over the incident table.
        List<Map<String, String>> filters = List.of(
                Map.of("claimedBy", perpetrator),
                Map.of("claimedBy", perpetrator, "type", "suicide-bomb"),
                Map.of("claimedBy", perpetrator, "minKilled", "10", "country", "SYR"),
                Map.of("claimedBy", perpetrator, "from", "2024-01-01", "to", "2024-12-31"),
                Map.of("perpetrator", perpetrator),
                Map.of("perpetrator", perpetrator, "minKilled", "5"),
                Map.of("perpetrator", perpetrator, "maxKilled", "10"),
                Map.of("perpetrator", perpetrator, "country", "IRQ"),
                Map.of("perpetrator", perpetrator, "type", "armed-clash"),
                Map.of("perpetrator", perpetrator, "from", "2024-01-01", "to", "2024-12-31"),
                Map.of("perpetrator", perpetrator, "from", "2024-03-01", "minKilled", "1"),
                Map.of("perpetrator", perpetrator, "to", "2024-02-28"),
                Map.of("target", perpetrator));
        List<String> sorts = List.of("-startDate", "startDate", "-killed", "killed", "country", "-endDate", "id");
        for (Map<String, String> f : filters) {
            for (String sort : sorts) {
                Map<String, Object> params = new java.util.HashMap<>(f);
                params.put("sort", sort);
                JsonPath page = list(params);
                List<Object> expected = overIncidents(f, sort);
                assertThat(ids(page)).as("%s sorted %s", f, sort).isEqualTo(expected.get(0));
                assertThat(page.getLong("total")).as("total of %s", f).isEqualTo(expected.get(1));
            }
        }

        // And what they answer, said outright.
        assertThat(ids(list(Map.of("perpetrator", perpetrator, "minKilled", "5"))))
                .containsExactly(june, syria12, spanning);
        assertThat(ids(list(Map.of("perpetrator", perpetrator, "from", "2024-01-01", "to", "2024-12-31"))))
                .as("the incident spanning the range's start, and two of one day newest id first")
                .containsExactly(june, syria0, syria12, unknown, spanning);
        assertThat(ids(list(Map.of("perpetrator", perpetrator, "maxKilled", "10"))))
                .as("an unknown toll is not 0").containsExactly(syria0, spanning);
        assertThat(ids(list(Map.of("target", perpetrator)))).containsExactly(targeted);
        assertThat(ids(list(Map.of("claimedBy", perpetrator)))).as("claimed twice, listed once; a denial is no claim")
                .containsExactly(june, syria12, spanning);
        assertThat(ids(list(Map.of("claimedBy", perpetrator, "from", "2024-01-01"))))
                .containsExactly(june, syria12, spanning);
        assertThat(ids(list(Map.of("claimedBy", String.valueOf(b))))).containsExactly(targeted);
        JsonPath second = given().queryParam("perpetrator", perpetrator).queryParam("size", 2).queryParam("page", 2)
                .when().get(INCIDENTS).then().statusCode(200).extract().jsonPath();
        assertThat(ids(second)).containsExactly(syria12, unknown);
        assertThat(second.getLong("total")).isEqualTo(5);
        List<Long> walked = new ArrayList<>();
        String next = null;
        do {
            var request = given().queryParam("perpetrator", perpetrator).queryParam("minKilled", 0)
                    .queryParam("size", 2);
            JsonPath page = (next == null ? request : request.queryParam("after", next)).when().get(INCIDENTS).then()
                    .statusCode(200).extract().jsonPath();
            walked.addAll(ids(page));
            next = page.getString("cursor");
        } while (next != null && walked.size() < 10);
        assertThat(walked).as("cursor pages").containsExactly(june, syria0, syria12, spanning);
    }

    @Test
    void shouldFollowEveryWriteToTheIncidents() {
        String run = Fixtures.unique("ByActorWrites");
        long a = Fixtures.actor("Perpetrator " + run);
        long b = Fixtures.actor("Other " + run);
        long first = incident(as(a, "PERPETRATOR"), "2024-01-01", null, "IRQ", "air-drone-strike", 2);
        long second = incident(as(a, "PERPETRATOR"), "2024-02-01", null, "IRQ", "air-drone-strike", 4);
        long third = incident(as(a, "PERPETRATOR"), "2024-03-01", null, "SYR", "air-drone-strike", null);
        Map<String, Object> killedAtLeast3 = Map.of("perpetrator", a, "minKilled", 3);
        assertThat(ids(list(killedAtLeast3))).containsExactly(second);

        // A casualty record raises the incident's toll.
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 40}").when()
                .post(INCIDENTS + "/" + third + "/casualties").then().statusCode(201);
        assertThat(ids(list(killedAtLeast3))).containsExactly(third, second);
        // A new start date moves it in the order and out of a range.
        given().contentType("application/merge-patch+json").body("{\"startDate\": \"2025-05-05\"}").when()
                .patch(INCIDENTS + "/" + first).then().statusCode(200);
        assertThat(ids(list(Map.of("perpetrator", a)))).containsExactly(first, third, second);
        assertThat(ids(list(Map.of("perpetrator", a, "to", "2024-12-31")))).containsExactly(third, second);
        // Another perpetrator.
        given().contentType("application/merge-patch+json")
                .body("{\"actors\": [%s, %s]}".formatted(as(b, "PERPETRATOR"), as(a, "TARGET"))).when()
                .patch(INCIDENTS + "/" + second).then().statusCode(200);
        assertThat(ids(list(killedAtLeast3))).containsExactly(third);
        assertThat(ids(list(Map.of("perpetrator", b)))).containsExactly(second);
        assertThat(ids(list(Map.of("target", a)))).containsExactly(second);
        // A claim of responsibility changes the claim status.
        assertThat(ids(list(Map.of("perpetrator", a, "claimStatus", "CLAIMED")))).isEmpty();
        long claim = claim(first, a, "CLAIMED");
        assertThat(ids(list(Map.of("perpetrator", a, "claimStatus", "CLAIMED")))).containsExactly(first);
        assertThat(ids(list(Map.of("claimedBy", a)))).containsExactly(first);
        // The claim turned into a denial, then claimed by another.
        given().contentType("application/merge-patch+json").body("{\"stance\": \"DENIED\"}").when()
                .patch(INCIDENTS + "/" + first + "/claims/" + claim).then().statusCode(200);
        assertThat(ids(list(Map.of("claimedBy", a)))).isEmpty();
        given().contentType("application/merge-patch+json").body("{\"stance\": \"CLAIMED\", \"actor\": {\"id\": %d}}"
                .formatted(b)).when().patch(INCIDENTS + "/" + first + "/claims/" + claim).then().statusCode(200);
        assertThat(ids(list(Map.of("claimedBy", b, "type", "air-drone-strike")))).containsExactly(first);
        assertThat(ids(list(Map.of("claimedBy", a)))).isEmpty();
        // A country changed, then the incident deleted.
        given().contentType("application/merge-patch+json").body("{\"location\": {\"countryCode\": \"IRQ\"}}").when()
                .patch(INCIDENTS + "/" + third).then().statusCode(200);
        assertThat(ids(list(Map.of("perpetrator", a, "country", "IRQ")))).containsExactly(first, third);
        given().when().delete(INCIDENTS + "/" + third).then().statusCode(204);
        JsonPath left = list(Map.of("perpetrator", a, "country", "IRQ"));
        assertThat(ids(left)).containsExactly(first);
        assertThat(left.getLong("total")).isEqualTo(1);
    }
}
