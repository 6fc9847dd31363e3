package org.incidentkb.eventtype;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventTypeResourceTest {

    @Test
    void shouldListAcledCategoriesWithTheirTypes() {
        given().when().get("/api/v1/event-types")
                .then().statusCode(200)
                .body("$", hasSize(6))
                .body("code", hasItems("battles", "explosions-remote-violence", "violence-against-civilians", "protests",
                        "riots", "strategic-developments"))
                .body("find { it.code == 'explosions-remote-violence' }.types.code", hasItems("air-drone-strike",
                        "shelling-artillery-missile-attack", "remote-explosive-landmine-ied", "suicide-bomb", "grenade",
                        "chemical-weapon"));
    }

    @Test
    void shouldReadOneCategoryOr404() {
        given().when().get("/api/v1/event-types/battles")
                .then().statusCode(200).body("label", is("Battles")).body("types", hasSize(3));
        given().when().get("/api/v1/event-types/nope")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }
}
