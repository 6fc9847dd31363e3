package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A list's total (incidents, claims, casualty records) is counted up to a bound and then said to be a lower bound;
 * count=exact counts all.
 */
@QuarkusTest
@TestProfile(BoundedTotalTest.SmallBound.class)
class BoundedTotalTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kb.lists.total-limit", "3");
        }
    }

    @Test
    void shouldCountUpToTheBoundAndSaySoAndCountAllWhenAsked() {
        String tag = Fixtures.unique("bound").replace(" ", "-").toLowerCase();
        for (int i = 0; i < 5; i++) {
            Fixtures.createdId("/api/v1/incidents", """
                    {"title": "Bounded %d", "type": "air-drone-strike", "startDate": "2024-01-0%d", "tags": ["%s"]}"""
                    .formatted(i, i + 1, tag));
        }
        given().queryParam("tag", tag).queryParam("size", 2).when().get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(3)).body("totalRelation", is("gte")).body("items", hasSize(2))
                .body("links.next", notNullValue()).body("links.last", nullValue());
        given().queryParam("tag", tag).queryParam("size", 2).queryParam("page", 3).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(1)).body("links.next", nullValue());
        given().queryParam("tag", tag).queryParam("size", 2).queryParam("count", "exact").when()
                .get("/api/v1/incidents").then().statusCode(200).body("total", is(5)).body("totalRelation", is("eq"))
                .body("links.last", notNullValue());
        given().queryParam("tag", tag).queryParam("size", 10).when().get("/api/v1/incidents").then()
                .body("total", is(3)).body("totalRelation", is("gte")).body("items", hasSize(5));
        given().queryParam("tag", tag).queryParam("count", "all").when().get("/api/v1/incidents").then()
                .statusCode(400).body("errors[0].field", is("count"));
        given().queryParam("tag", tag).when().get("/api/v1/stats/incidents").then().statusCode(200)
                .body("rows[0].incidents", is(5));
    }

    @Test
    void shouldBoundTheTotalsOfClaimsAndCasualtiesToo() {
        String name = Fixtures.unique("Bounded claimant");
        long actor = Fixtures.actor(name);
        String tag = IncidentSearchResourceTest.tag();
        for (int i = 0; i < 5; i++) {
            IncidentSearchResourceTest.incident(tag, "Claimed " + i, """
                    "claims": [{"actor": {"id": %d}, "stance": "CLAIMED", "statedOn": "2024-03-0%d"}],
                    "casualties": [{"category": "MILITANT", "killed": 1, "affiliation": {"actor": {"id": %d}}}]"""
                    .formatted(actor, i + 1, actor));
        }
        for (String[] list : new String[][] { { "/api/v1/claims", "actor" }, { "/api/v1/casualties", "affiliation" } }) {
            given().queryParam(list[1], actor).queryParam("size", 2).when().get(list[0]).then().statusCode(200)
                    .body("total", is(3)).body("totalRelation", is("gte")).body("items", hasSize(2))
                    .body("links.next", notNullValue()).body("links.last", nullValue());
            given().queryParam(list[1], actor).queryParam("size", 2).queryParam("page", 2).when().get(list[0]).then()
                    .statusCode(200).body("items", hasSize(2)).body("links.next", notNullValue());
            given().queryParam(list[1], actor).queryParam("size", 2).queryParam("page", 3).when().get(list[0]).then()
                    .statusCode(200).body("items", hasSize(1)).body("links.next", nullValue())
                    .body("links.prev", notNullValue());
            given().queryParam(list[1], actor).queryParam("size", 2).queryParam("count", "exact").when().get(list[0])
                    .then().statusCode(200).body("total", is(5)).body("totalRelation", is("eq"))
                    .body("links.last", containsString("page=3"));
            given().queryParam(list[1], actor).queryParam("count", "some").when().get(list[0]).then()
                    .statusCode(400).body("errors[0].field", is("count"));
        }
        given().queryParam("actor", actor).queryParam("size", 2).when().get("/api/v1/claims").then()
                .body("items.claim.statedOn", contains("2024-03-05", "2024-03-04"));
        given().queryParam("actor", actor).queryParam("stance", "DENIED").when().get("/api/v1/claims").then()
                .statusCode(200).body("total", is(0)).body("totalRelation", is("eq")).body("items", hasSize(0))
                .body("links.next", nullValue());
    }
}
