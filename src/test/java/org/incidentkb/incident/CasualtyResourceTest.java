package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CasualtyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String casualties(long incidentId) {
        return "/api/v1/incidents/" + incidentId + "/casualties";
    }

    private static long add(long incidentId, String body) {
        return Fixtures.createdId(casualties(incidentId), body);
    }

    /** The roles of the operations (declared on CasualtyOperations and ClaimOperations) hold for both kinds. */
    @Test
    void shouldLetEditorsWriteAndOnlyAdminsDeleteRecords() {
        long id = Fixtures.incident(Fixtures.unique("Roles"));
        String reader = Fixtures.user("reader");
        String editor = Fixtures.user("editor");
        for (String kind : new String[] { "casualties", "claims" }) {
            String path = "/api/v1/incidents/" + id + "/" + kind;
            given().auth().none().contentType(ContentType.JSON).body("{}").when().post(path).then().statusCode(401);
            given().auth().preemptive().basic(reader, Fixtures.PASSWORD).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(403);
            given().auth().preemptive().basic(editor, Fixtures.PASSWORD).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(400);
            given().auth().preemptive().basic(editor, Fixtures.PASSWORD).when().delete(path + "/1").then()
                    .statusCode(403);
            given().auth().preemptive().basic(reader, Fixtures.PASSWORD).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void shouldSumCategoryRecordsUnderTheReportTotalNotOnTopOfIt() {
        long id = Fixtures.incident(Fixtures.unique("Range"));
        long source = Fixtures.source(Fixtures.unique("Report"));
        // "5 killed (range 5-7): 3 soldiers, 2 militants"
        add(id, "{\"category\": \"ALL\", \"killed\": {\"low\": 5, \"best\": 5, \"high\": 7}, \"source\": {\"id\": %d}}".formatted(source));
        add(id, "{\"category\": \"MILITARY\", \"killed\": 3, \"source\": {\"id\": %d}}".formatted(source));
        add(id, "{\"category\": \"MILITANT\", \"killed\": 2, \"source\": {\"id\": %d}}".formatted(source));
        given().when().get("/api/v1/incidents/" + id).then()
                .body("casualtySummary.killed.low", is(5))
                .body("casualtySummary.killed.best", is(5))
                .body("casualtySummary.killed.high", is(7))
                .body("casualties", hasSize(3))
                .body("version", is(3));
    }

    @Test
    void shouldSumCategoriesWithoutTotalAndTakeMedianAcrossSources() {
        long id = Fixtures.incident(Fixtures.unique("Median"));
        long a = Fixtures.source(Fixtures.unique("A"));
        long b = Fixtures.source(Fixtures.unique("B"));
        long c = Fixtures.source(Fixtures.unique("C"));
        add(id, "{\"category\": \"CIVILIAN\", \"killed\": {\"low\": 4, \"best\": 4, \"high\": null}, \"injured\": 10, \"source\": {\"id\": %d}}".formatted(a));
        add(id, "{\"category\": \"MILITARY\", \"killed\": 2, \"source\": {\"id\": %d}}".formatted(a));
        add(id, "{\"category\": \"ALL\", \"killed\": 9, \"source\": {\"id\": %d}}".formatted(b));
        add(id, "{\"category\": \"ALL\", \"killed\": {\"low\": 3, \"best\": 7, \"high\": 12}, \"source\": {\"id\": %d}}".formatted(c));
        // groups: A = 6 (4+2, high unknown), B = 9, C = 3..7..12 -> low 3, median best 7, high unknown
        given().when().get("/api/v1/incidents/" + id).then()
                .body("casualtySummary.killed.low", is(3))
                .body("casualtySummary.killed.best", is(7))
                .body("casualtySummary.killed.high", nullValue())
                .body("casualtySummary.injured.best", is(10));
    }

    @Test
    void shouldCreateReadUpdatePatchAndDeleteARecordKeepingTheSummaryCurrent() {
        long id = Fixtures.incident(Fixtures.unique("Crud"));
        long pmf = Fixtures.actor(Fixtures.unique("PMF"));
        long cid = given().contentType(ContentType.JSON).body("""
                {"category": "ALL", "affiliation": {"actor": {"id": %d}}, "killed": 2,
                 "names": [{"name": "Mushtaq Talib al-Saeedi", "description": "known as Abu Taqwa"}]}""".formatted(pmf))
                .when().post(casualties(id))
                .then().statusCode(201).header("ETag", org.hamcrest.Matchers.startsWith("\"0-"))
                .header("Location", containsString("/casualties/"))
                .body("killed.low", is(2)).body("killed.high", is(2))
                .body("affiliation.actor.id", is((int) pmf))
                .body("names[0].description", is("known as Abu Taqwa"))
                .extract().jsonPath().getLong("id");

        given().when().get(casualties(id) + "/" + cid).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).body("category", is("ALL"));
        given().when().get(casualties(id)).then().statusCode(200).body("$", hasSize(1));

        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 3, \"injured\": 1}")
                .header("If-Match", "\"0\"")
                .when().put(casualties(id) + "/" + cid)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-")).body("affiliation", nullValue()).body("names", hasSize(0));
        given().contentType("application/merge-patch+json").body("{\"injured\": {\"low\": 5, \"best\": 5, \"high\": null}}")
                .when().patch(casualties(id) + "/" + cid)
                .then().statusCode(200).body("killed.best", is(3)).body("injured.high", nullValue());
        given().when().get("/api/v1/incidents/" + id).then()
                .body("casualtySummary.killed.best", is(3)).body("casualtySummary.injured.low", is(5));

        given().header("If-Match", "\"0\"").when().delete(casualties(id) + "/" + cid).then().statusCode(412);
        given().when().delete(casualties(id) + "/" + cid).then().statusCode(204);
        given().when().get(casualties(id) + "/" + cid).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/incidents/" + id).then().body("casualtySummary.killed", nullValue());
    }

    @Test
    void shouldRejectInconsistentFiguresAndWriteNothing() {
        long id = Fixtures.incident(Fixtures.unique("Bad figures"));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": {\"low\": 5, \"best\": 3}}")
                .when().post(casualties(id))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("killed"));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": -1}")
                .when().post(casualties(id))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", containsString("killed"));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 99999999999}")
                .when().post(casualties(id))
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"category\": \"ROBOTS\", \"killed\": 1}")
                .when().post(casualties(id))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("category"));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 1, \"source\": {\"id\": 99999999}}")
                .when().post(casualties(id))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("source.id"));
        given().when().get(casualties(id)).then().body("$", hasSize(0));
        given().when().get("/api/v1/incidents/" + id).then().body("version", is(0));
    }

    @Test
    void shouldReturn404ForRecordOfAnotherIncidentOrMissingIncident() {
        long one = Fixtures.incident(Fixtures.unique("One"));
        long two = Fixtures.incident(Fixtures.unique("Two"));
        long cid = add(one, "{\"category\": \"ALL\", \"killed\": 1}");
        given().when().get(casualties(two) + "/" + cid).then().statusCode(404).contentType(PROBLEM);
        given().when().get(casualties(99999999)).then().statusCode(404).contentType(PROBLEM)
                .body("detail", is("Incident 99999999 does not exist"));
    }
}
