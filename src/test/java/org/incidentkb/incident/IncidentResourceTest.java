package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentResourceTest {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldCreateIncidentWithParticipantsCasualtiesClaimsAndSources() {
        String perpetrator = Fixtures.unique("Perp");
        long perpetratorId = Fixtures.actor(perpetrator);
        long targetId = Fixtures.actor(Fixtures.unique("Target"));
        long sourceId = Fixtures.source(Fixtures.unique("Wire"));
        String body = """
                {"title": "Missile attack on Erbil", "summary": "At least four civilians killed.",
                 "type": "shelling-artillery-missile-attack", "startDate": "2024-01-16", "datePrecision": "DAY",
                 "location": {"countryCode": "IRQ", "admin1": "Erbil", "locality": "Erbil",
                              "latitude": 36.1912, "longitude": 44.0092, "geoPrecision": "NEAR"},
                 "actors": [{"actor": {"name": "%s"}, "role": "PERPETRATOR"},
                            {"actor": {"id": %d}, "role": "TARGET", "confidence": "SUSPECTED"}],
                 "casualties": [{"category": "CIVILIAN", "killed": {"low": 4, "best": 4, "high": null}, "source": {"id": %d}}],
                 "claims": [{"actor": {"id": %d}, "stance": "CLAIMED", "statedOn": "2024-01-16", "quote": "spy headquarters"}],
                 "sources": [{"id": %d}], "tags": ["ballistic-missile"],
                 "externalRefs": [{"dataset": "test", "externalId": "%s"}]}"""
                .formatted(perpetrator.toUpperCase(), targetId, sourceId, perpetratorId, sourceId, Fixtures.unique("x").replace(' ', '-'));

        Response created = given().contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"0-"))
                .header("Location", containsString("/api/v1/incidents/"))
                .body("version", is(0))
                .body("title", is("Missile attack on Erbil"))
                .body("category.code", is("explosions-remote-violence"))
                .body("category.label", is("Explosions/Remote violence"))
                .body("type.label", is("Shelling/artillery/missile attack"))
                .body("location.country", is("Iraq"))
                .body("actors", hasSize(2))
                .body("actors[0].actor.id", is((int) perpetratorId))
                .body("actors[0].actor.name", is(perpetrator))
                .body("actors[0].confidence", is("CONFIRMED"))
                .body("actors[1].confidence", is("SUSPECTED"))
                .body("casualties[0].killed.high", nullValue())
                .body("casualtySummary.killed.low", is(4))
                .body("casualtySummary.killed.best", is(4))
                .body("casualtySummary.killed.high", nullValue())
                .body("casualtySummary.injured", nullValue())
                .body("claims[0].channel", is("UNKNOWN"))
                .body("claims[0].credibility", is("UNVERIFIED"))
                .body("claimStatus", is("CLAIMED"))
                .body("sources[0].id", is((int) sourceId))
                .body("tags", hasItem("ballistic-missile"))
                .body("externalRefs[0].dataset", is("TEST"))
                .body("dataset", nullValue()) // TEST is no dataset the KB imports
                .body("createdAt", notNullValue())
                .extract().response();

        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/incidents/" + id);
        given().when().get(INCIDENTS + "/" + id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0-"))
                .body("title", is("Missile attack on Erbil"))
                .body("claims[0].quote", is("spy headquarters"));
    }

    @Test
    void shouldReturn404ProblemForUnknownIncident() {
        given().when().get(INCIDENTS + "/99999999")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404))
                .body("title", is("Not found"))
                .body("detail", is("Incident 99999999 does not exist"))
                .body("instance", is("/api/v1/incidents/99999999"));
    }

    @Test
    void shouldReturn400ProblemForNonNumericId() {
        given().when().get(INCIDENTS + "/abc")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("abc"));
    }

    @Test
    void shouldRejectMalformedJsonAndWriteNothing() {
        long before = Fixtures.count(INCIDENTS);
        given().contentType(ContentType.JSON).body("{\"title\": \"x\",")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"))
                .body("detail", org.hamcrest.Matchers.not(containsString("com.fasterxml")));
        assertThat(Fixtures.count(INCIDENTS)).isEqualTo(before);
    }

    @Test
    void shouldRejectUnknownEnumValueNamingTheField() {
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01", "datePrecision": "DECADE"}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("datePrecision"))
                .body("errors[0].message", containsString("DAY, WEEK, MONTH, YEAR"));
    }

    @Test
    void shouldRejectWrongTypesAndUnparsableDates() {
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "16 January"}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("startDate"));
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01", "location": {"latitude": "north"}}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("location.latitude"));
    }

    @Test
    void shouldNotCreateIncidentWithLatitudeOutOfRange() {
        long before = Fixtures.count(INCIDENTS);
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01",
                 "location": {"countryCode": "XYZ", "latitude": 91, "longitude": 44}}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:incident-kb:problem:validation"))
                .body("errors.field", hasItem("location.latitude"))
                .body("errors.field", hasItem("location.countryCode"));
        assertThat(Fixtures.count(INCIDENTS)).isEqualTo(before);
    }

    @Test
    void shouldRequireTitleDateAndClassification() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("startDate"));
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "startDate": "2024-01-01"}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).body("errors[0].field", is("category"));
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "category": "battles", "type": "air-drone-strike", "startDate": "2024-01-01"}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).body("errors[0].field", is("type"))
                .body("errors[0].message", containsString("explosions-remote-violence"));
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-05", "endDate": "2024-01-01"}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).body("errors[0].field", is("endDate"));
    }

    @Test
    void shouldRejectReferenceToMissingActorAndWriteNothing() {
        long before = Fixtures.count(INCIDENTS);
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01",
                 "actors": [{"actor": {"id": 99999999}, "role": "PERPETRATOR"}]}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("actors[0].actor.id"))
                .body("errors[0].message", is("no actor with id 99999999"));
        given().contentType(ContentType.JSON).body("""
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01",
                 "claims": [{"actor": {"name": "Nobody Of That Name"}, "stance": "CLAIMED"}]}""")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("claims[0].actor.name"));
        assertThat(Fixtures.count(INCIDENTS)).isEqualTo(before);
    }

    @Test
    void shouldAcceptItsOwnRepresentationOnPutAndKeepVersionWhenNothingChanged() {
        long id = Fixtures.incident(Fixtures.unique("Round trip"));
        String body = given().when().get(INCIDENTS + "/" + id).then().statusCode(200).extract().asString();

        given().contentType(ContentType.JSON).body(body)
                .when().put(INCIDENTS + "/" + id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).body("version", is(0));

        given().contentType(ContentType.JSON).body(body.replace("Round trip", "Renamed"))
                .when().put(INCIDENTS + "/" + id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"))
                .body("version", is(1))
                .body("title", containsString("Renamed"))
                .body("location.admin1", is("Baghdad"));
    }

    @Test
    void shouldRefuseStaleIfMatchWith412AndChangeNothing() {
        long id = Fixtures.incident(Fixtures.unique("Precondition"));
        given().contentType("application/merge-patch+json").body("{\"title\": \"First\"}").header("If-Match", "\"0\"")
                .when().patch(INCIDENTS + "/" + id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"));
        given().contentType("application/merge-patch+json").body("{\"title\": \"Second\"}").header("If-Match", "\"0\"")
                .when().patch(INCIDENTS + "/" + id)
                .then().statusCode(412).contentType(PROBLEM)
                .body("detail", containsString("\"1\""));
        given().header("If-Match", "\"0\"").when().delete(INCIDENTS + "/" + id).then().statusCode(412);
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).body("title", is("First")).body("version", is(1));
    }

    @Test
    void shouldRefuseStaleBodyVersionWith409AndChangeNothing() {
        long id = Fixtures.incident(Fixtures.unique("Stale"));
        String original = given().when().get(INCIDENTS + "/" + id).then().extract().asString();
        given().contentType("application/merge-patch+json").body("{\"summary\": \"updated\"}")
                .when().patch(INCIDENTS + "/" + id).then().statusCode(200).body("version", is(1));
        given().contentType(ContentType.JSON).body(original.replace("\"title\":\"Stale", "\"title\":\"Lost update"))
                .when().put(INCIDENTS + "/" + id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:incident-kb:problem:stale-version"));
        given().when().get(INCIDENTS + "/" + id).then().body("title", containsString("Stale")).body("summary", is("updated"));
    }

    @Test
    void shouldMergePatchFieldsAndRemoveNulls() {
        long id = Fixtures.incident(Fixtures.unique("Patch"));
        given().contentType("application/merge-patch+json")
                .body("{\"summary\": \"s\", \"tags\": [\"t1\"], \"location\": {\"admin2\": \"Karkh\", \"admin1\": null}}")
                .when().patch(INCIDENTS + "/" + id)
                .then().statusCode(200)
                .body("summary", is("s"))
                .body("tags", hasItem("t1"))
                .body("location.admin2", is("Karkh"))
                .body("location.admin1", nullValue())
                .body("location.latitude", is(33.3152f));
        given().contentType("application/merge-patch+json").body("{\"location\": {\"latitude\": 95}}")
                .when().patch(INCIDENTS + "/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("location.latitude"));
        given().contentType("application/merge-patch+json").body("[1, 2]")
                .when().patch(INCIDENTS + "/" + id)
                .then().statusCode(400).contentType(PROBLEM);
        given().when().get(INCIDENTS + "/" + id).then().body("location.latitude", is(33.3152f)).body("version", is(1));
    }

    @Test
    void shouldDeleteIncidentWithItsRecords() {
        long id = Fixtures.incident(Fixtures.unique("Delete"));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 3}")
                .when().post(INCIDENTS + "/" + id + "/casualties").then().statusCode(201);
        given().when().delete(INCIDENTS + "/" + id).then().statusCode(204).body(equalTo(""));
        given().when().get(INCIDENTS + "/" + id).then().statusCode(404);
        given().when().get(INCIDENTS + "/" + id + "/casualties").then().statusCode(404);
        given().when().delete(INCIDENTS + "/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseExternalRefHeldByAnotherIncident() {
        String ref = Fixtures.unique("e").replace(' ', '-');
        String body = """
                {"title": "x", "type": "air-drone-strike", "startDate": "2024-01-01",
                 "externalRefs": [{"dataset": "GTD", "externalId": "%s"}]}""".formatted(ref);
        Fixtures.createdId(INCIDENTS, body);
        long before = Fixtures.count(INCIDENTS);
        given().contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("GTD:" + ref));
        assertThat(Fixtures.count(INCIDENTS)).isEqualTo(before);
    }

    @Test
    void shouldAttachAndDetachSources() {
        long id = Fixtures.incident(Fixtures.unique("Sources"));
        long sourceId = Fixtures.source(Fixtures.unique("Agency"));
        given().when().put(INCIDENTS + "/" + id + "/sources/" + sourceId).then().statusCode(204).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"));
        given().when().put(INCIDENTS + "/" + id + "/sources/" + sourceId).then().statusCode(204).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"));
        given().when().get(INCIDENTS + "/" + id + "/sources")
                .then().statusCode(200).body("id", hasItem((int) sourceId)).body("$", hasSize(1));
        given().when().put(INCIDENTS + "/" + id + "/sources/99999999").then().statusCode(404).contentType(PROBLEM);
        given().when().delete(INCIDENTS + "/" + id + "/sources/" + sourceId).then().statusCode(204);
        given().when().delete(INCIDENTS + "/" + id + "/sources/" + sourceId).then().statusCode(404)
                .body("detail", containsString("does not cite"));
        given().when().get(INCIDENTS + "/" + id + "/sources").then().body("$", hasSize(0));
    }

    @Test
    void shouldPageWithEnvelopeAndLinkHeader() {
        // The total of all incidents (H2's row count, the roll-up on PostgreSQL) follows every create.
        int before = given().queryParam("size", 1).when().get(INCIDENTS).then().statusCode(200)
                .body("totalRelation", is("eq")).extract().path("total");
        Fixtures.incident(Fixtures.unique("Paged"));
        Fixtures.incident(Fixtures.unique("Paged"));
        given().queryParam("size", 1).when().get(INCIDENTS).then().statusCode(200).body("total", is(before + 2));
        given().queryParam("page", 1).queryParam("size", 1)
                .when().get(INCIDENTS)
                .then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("items", hasSize(1))
                .body("page", is(1))
                .body("size", is(1))
                .body("links.self", is("/api/v1/incidents?page=1&size=1"))
                .body("links.next", is("/api/v1/incidents?page=2&size=1"))
                .body("links.prev", nullValue());
        given().queryParam("size", 501).when().get(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("size"));
        given().queryParam("page", 0).when().get(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("page"));
        given().queryParam("page", 2000000000).queryParam("size", 500).when().get(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("page"));
        given().queryParam("size", "many").when().get(INCIDENTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("many"));
    }

    @Test
    void shouldAnswerUnsupportedMethodAndMediaTypeWithProblems() {
        given().when().delete(INCIDENTS).then().statusCode(405).contentType(PROBLEM).body("status", is(405));
        given().contentType(ContentType.XML).body("<incident/>").when().post(INCIDENTS)
                .then().statusCode(415).contentType(PROBLEM).body("status", is(415));
        given().when().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
        given().when().get(INCIDENTS + "/1/unknown").then().statusCode(404).contentType(PROBLEM)
                .body("instance", endsWith("/unknown"));
    }

    /** What OpenAPI-generated clients send for an operation whose success has no body: only the problem type. */
    @Test
    void shouldAnswerAClientThatAcceptsOnlyProblemsInsteadOfRefusingIt() {
        long id = Fixtures.incident(Fixtures.unique("Problems only"));
        given().accept("application/problem+json").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).contentType("application/json").body("id", is((int) id));
        given().accept("application/problem+json").when().get("/api/v1/incidents/987654321")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
        given().accept("application/problem+json").when().delete("/api/v1/incidents/" + id)
                .then().statusCode(204);
        given().when().get("/api/v1/incidents/" + id).then().statusCode(404);
        given().accept("text/xml").when().get("/api/v1/incidents/" + Fixtures.incident(Fixtures.unique("Xml")))
                .then().statusCode(406)
                .contentType("application/problem+json");
    }
}
