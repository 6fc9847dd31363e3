package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** OPTIONS says what a path takes, and a 405 says it too (RFC 9110 requires Allow on 405). */
@QuarkusTest
class AllowedMethodsTest {

    @Test
    void shouldAnswerOptionsWithTheMethodsOfThatPath() {
        long id = Fixtures.incident(Fixtures.unique("Allowed"));
        given().when().options("/api/v1/incidents/" + id).then().statusCode(204).body(is(emptyString()))
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
        given().when().options("/api/v1/incidents").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().options("/api/v1/stats/incidents").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().when().options("/api/v1/actors/7/merge").then().statusCode(204).header("Allow", "OPTIONS, POST");
        given().when().options("/api/v1/links/7").then().statusCode(204)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH");
        given().when().options("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void shouldNameTheAllowedMethodsOnA405() {
        long id = Fixtures.incident(Fixtures.unique("Not allowed"));
        given().contentType("application/json").body("{}").when().post("/api/v1/incidents/" + id).then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE).header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT")
                .body("status", is(405)).body("detail", containsString("it allows DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
        given().when().delete("/api/v1/event-types").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void shouldLeaveCorsPreflightsToTheCorsFilters() {
        given().header("Origin", "https://explorer.incident-kb.test").header("Access-Control-Request-Method", "PATCH")
                .when().options("/api/v1/incidents/1").then()
                .header("Access-Control-Allow-Origin", "https://explorer.incident-kb.test");
    }
}
