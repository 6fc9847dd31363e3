package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** /claims, /casualties and /actors/{id}/incidents: records across incidents. */
@QuarkusTest
class RecordSearchResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldSearchClaimsAcrossIncidentsByActorStanceChannelAndDate() {
        String name = Fixtures.unique("Claimant");
        long actor = Fixtures.actor(name);
        String tag = IncidentSearchResourceTest.tag();
        long first = IncidentSearchResourceTest.incident(tag, "First", """
                "claims": [{"actor": {"id": %d}, "stance": "CLAIMED", "channel": "SOCIAL_MEDIA", "statedOn": "2024-01-10",
                            "quote": "we did it"}]""".formatted(actor));
        long second = IncidentSearchResourceTest.incident(tag, "Second", """
                "claims": [{"actor": {"id": %d}, "stance": "DENIED", "channel": "STATEMENT", "statedOn": "2024-02-10"},
                           {"actor": {"id": %d}, "stance": "ATTRIBUTED", "statedBy": {"text": "Pentagon"}}]"""
                .formatted(actor, actor));

        given().queryParam("actor", name).when().get("/api/v1/claims")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("total", is(3))
                .body("items.claim.stance", contains("DENIED", "CLAIMED", "ATTRIBUTED"))
                .body("items[0].incident.id", is((int) second))
                .body("items[0].incident.name", is("Second"))
                .body("items[1].claim.quote", is("we did it"))
                .body("items[2].claim.statedBy.text", is("Pentagon"));
        given().queryParam("actor", actor).queryParam("stance", "CLAIMED").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.incident.id", contains((int) first));
        given().queryParam("actor", actor).queryParam("channel", "STATEMENT,SOCIAL_MEDIA").queryParam("from", "2024-02-01")
                .when().get("/api/v1/claims")
                .then().statusCode(200).body("items.incident.id", contains((int) second));
        given().queryParam("actor", actor).queryParam("size", 1).when().get("/api/v1/claims")
                .then().statusCode(200).body("items", hasSize(1)).header("Link", containsString("rel=\"next\""));
    }

    /**
     * A claim in /claims is the claim its incident shows, field for field (actor, statedBy with actor and text,
     * source, version, times), with the incident's title: the list reads them as values in one statement, the
     * incident's endpoint as entities.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldShowEachClaimAsItsIncidentShowsIt() {
        String name = Fixtures.unique("Claimant");
        long actor = Fixtures.actor(name);
        String speaker = Fixtures.unique("Speaker");
        long speakerId = Fixtures.actor(speaker);
        String publisher = Fixtures.unique("Wire");
        long source = Fixtures.source(publisher);
        String tag = IncidentSearchResourceTest.tag();
        long incident = IncidentSearchResourceTest.incident(tag, "Stated", """
                "claims": [{"actor": {"id": %d}, "stance": "CLAIMED", "channel": "VIDEO", "statedOn": "2024-01-10",
                            "statedBy": {"actor": {"id": %d}, "text": "its spokesman"}, "credibility": "DOUBTFUL",
                            "quote": "we did it", "source": {"id": %d}},
                           {"actor": {"id": %d}, "stance": "ATTRIBUTED"}]""".formatted(actor, speakerId, source, actor));

        java.util.List<java.util.Map<String, Object>> items = given().queryParam("actor", name).when()
                .get("/api/v1/claims").then().statusCode(200).body("items", hasSize(2))
                .body("items.incident.name", contains("Stated", "Stated"))
                .body("items[0].claim.statedBy.actor.name", is(speaker))
                .body("items[0].claim.actor.name", is(name))
                .body("items[0].claim.source.name", is(publisher))
                .extract().jsonPath().getList("items");
        for (java.util.Map<String, Object> item : items) {
            java.util.Map<String, Object> claim = (java.util.Map<String, Object>) item.get("claim");
            assertThat(((java.util.Map<String, Object>) item.get("incident")).get("id")).isEqualTo((int) incident);
            java.util.Map<String, Object> own = given().when()
                    .get("/api/v1/incidents/{id}/claims/{claim}", incident, claim.get("id"))
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            assertThat(claim).isEqualTo(own);
        }
    }

    @Test
    void shouldSearchCasualtiesAcrossIncidentsByCategoryNameAndAffiliation() {
        String unit = Fixtures.unique("Brigade");
        long unitId = Fixtures.actor(unit);
        String person = Fixtures.unique("Abu Testa");
        String tag = IncidentSearchResourceTest.tag();
        long id = IncidentSearchResourceTest.incident(tag, "Named", """
                "casualties": [{"category": "MILITANT", "killed": 1, "affiliation": {"actor": {"id": %d}},
                                "names": [{"name": "%s", "description": "a commander"}]},
                               {"category": "CIVILIAN", "injured": 3, "affiliation": {"actor": {"id": %d}}}]"""
                .formatted(unitId, person, unitId));

        given().queryParam("q", person.toLowerCase()).when().get("/api/v1/casualties")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("total", is(1))
                .body("items[0].incident.id", is((int) id))
                .body("items[0].casualty.category", is("MILITANT"))
                .body("items[0].casualty.names[0].name", is(person));
        // Spelling variants are one, as in q of /incidents: diacritics and hyphens in the name, the description.
        String spelled = person.replace("Abu Testa", "Abū-Ṭesta");
        long spelledId = IncidentSearchResourceTest.incident(tag, "Spelled", """
                "casualties": [{"category": "CIVILIAN", "killed": 1,
                                "names": [{"name": "%s", "description": "نازح من حلبجة"}]}]""".formatted(spelled));
        given().queryParam("q", person.toLowerCase()).when().get("/api/v1/casualties").then().statusCode(200)
                .body("total", is(2)).body("items.incident.id", org.hamcrest.Matchers.hasItems((int) id, (int) spelledId));
        given().queryParam("q", "نازح من حلبجه").queryParam("category", "CIVILIAN").when().get("/api/v1/casualties")
                .then().statusCode(200).body("items.incident.id", org.hamcrest.Matchers.hasItem((int) spelledId));
        // A text with nothing a search compares filters nothing: the same total as no text at all (not only the
        // casualties that have a named person).
        int all = given().queryParam("affiliation", unitId).when().get("/api/v1/casualties").then().statusCode(200)
                .extract().path("total");
        given().queryParam("q", "'-'").queryParam("affiliation", unitId).when().get("/api/v1/casualties").then()
                .statusCode(200).body("total", is(all)).body("total", is(2));
        given().queryParam("affiliation", unit).queryParam("category", "CIVILIAN").when().get("/api/v1/casualties")
                .then().statusCode(200).body("total", is(1)).body("items[0].casualty.injured.best", is(3));
        given().queryParam("affiliation", unitId).when().get("/api/v1/casualties")
                .then().statusCode(200).body("total", is(2));
    }

    @Test
    void shouldListAnActorsIncidentsByRole() {
        long actor = Fixtures.actor(Fixtures.unique("Both roles"));
        String tag = IncidentSearchResourceTest.tag();
        long attacked = IncidentSearchResourceTest.incident(tag, "Attacked", """
                "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}]""".formatted(actor));
        long hit = IncidentSearchResourceTest.incident(tag, "Hit", """
                "actors": [{"actor": {"id": %d}, "role": "TARGET"}]""".formatted(actor));
        IncidentSearchResourceTest.incident(tag, "Elsewhere", "");

        given().queryParam("sort", "title").when().get("/api/v1/actors/" + actor + "/incidents")
                .then().statusCode(200).body("total", is(2)).body("items.id", contains((int) attacked, (int) hit));
        given().queryParam("role", "TARGET").when().get("/api/v1/actors/" + actor + "/incidents")
                .then().statusCode(200).body("items.id", contains((int) hit));
        String csv = given().queryParam("format", "csv").queryParam("sort", "title")
                .when().get("/api/v1/actors/" + actor + "/incidents")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("id,version,title,");
        assertThat(lines[1]).startsWith(attacked + ",0,Attacked,");
        assertThat(lines[2]).startsWith(hit + ",0,Hit,");
    }

    @Test
    void shouldAnswerBadParametersAndUnknownActorsWithProblems() {
        given().queryParam("stance", "BOASTED").when().get("/api/v1/claims")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("stance"));
        given().queryParam("from", "soon").when().get("/api/v1/claims")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("from"));
        given().queryParam("actor", "Nobody at all 42").when().get("/api/v1/claims")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("actor"));
        given().queryParam("category", "ALIENS").when().get("/api/v1/casualties")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("category"));
        given().queryParam("size", 1000).when().get("/api/v1/casualties")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("size"));
        given().queryParam("name", "x").when().get("/api/v1/casualties")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("name"));
        given().when().get("/api/v1/actors/999999999/incidents")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("Actor 999999999"));
        long actor = Fixtures.actor(Fixtures.unique("Roles"));
        given().queryParam("role", "BYSTANDER").when().get("/api/v1/actors/" + actor + "/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("role"));
    }

    @org.junit.jupiter.api.Test
    void shouldExportClaimsAndCasualtiesAsCsv() {
        String claims = given().queryParam("format", "csv").queryParam("stance", "CLAIMED").when().get("/api/v1/claims")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"claims.csv\"").extract().asString();
        String[] lines = claims.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines[0]).startsWith("incidentId,incidentTitle,id,actorId,actor,stance");
        long claimed = given().queryParam("stance", "CLAIMED").queryParam("size", 1).when().get("/api/v1/claims").then()
                .extract().jsonPath().getLong("total");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize((int) claimed + 1);
        org.assertj.core.api.Assertions.assertThat(claims).contains(",CLAIMED,");

        String casualties = given().header("Accept", "text/csv").queryParam("q", "Abu Taqwa").when()
                .get("/api/v1/casualties").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"casualties.csv\"").extract().asString();
        org.assertj.core.api.Assertions.assertThat(casualties.split("\r\n")[0]).contains("killedLow,killedBest,killedHigh");
        org.assertj.core.api.Assertions.assertThat(casualties).contains("Mushtaq Talib al-Saeedi");
        String onePage = given().queryParam("format", "csv").queryParam("size", 1).queryParam("stance", "CLAIMED")
                .when().get("/api/v1/claims").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(onePage.split("\r\n")).hasSize(2)
                .contains(lines[0], lines[1]);
    }
}
