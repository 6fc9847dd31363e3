package org.incidentkb.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The shipped demo data loads once on an empty database, and its derived values follow the rules. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoDataLoader loader;

    private static JsonPath incident(long id) {
        return given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldLoadTheDigestsIncidentsInOrder() {
        org.assertj.core.api.Assertions.assertThat(incident(1).getString("title")).contains("Jurf al-Nasr");
        org.assertj.core.api.Assertions.assertThat(incident(9).getString("title")).contains("army post");
        given().queryParam("q", "Kataib").when().get("/api/v1/actors").then()
                .body("items[0].name", is("Kataib Hezbollah"))
                .body("items[0].parent.name", is("Islamic Resistance in Iraq"))
                .body("items[0].backers.name", hasItem("Iran"))
                .body("items[0].designations[0].designatedBy", is("United States"));
        given().queryParam("q", "pmf").queryParam("size", 500).when().get("/api/v1/actors").then().body("items.name", hasItem("Popular Mobilization Forces"));
        given().queryParam("size", 500).when().get("/api/v1/sources").then().body("items.publisher",
                hasItems("Rudaw", "Haaretz", "BBC News", "CNN", "Al Arabiya"));
    }

    @Test
    void shouldDeriveSummariesAndClaimStatusFromTheEncodedRecords() {
        JsonPath baghdad = incident(2);
        org.assertj.core.api.Assertions.assertThat(baghdad.getInt("casualtySummary.killed.best")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(baghdad.getString("casualties[0].names[0].name")).isEqualTo("Mushtaq Talib al-Saeedi");
        org.assertj.core.api.Assertions.assertThat(baghdad.getString("claimStatus")).isEqualTo("UNCLAIMED");
        org.assertj.core.api.Assertions.assertThat(baghdad.getString("claims[0].stance")).isEqualTo("ATTRIBUTED");

        given().when().get("/api/v1/incidents/3").then()
                .body("casualtySummary.killed.low", is(4))
                .body("casualtySummary.killed.best", is(4))
                .body("casualtySummary.killed.high", nullValue())
                .body("claimStatus", is("CLAIMED"))
                .body("claims[0].actor.name", is("Islamic Revolutionary Guard Corps"))
                .body("sources.name", hasItems("Rudaw", "Haaretz"));

        given().when().get("/api/v1/incidents/4").then()
                .body("claimStatus", is("CLAIMED"))
                .body("claims", hasSize(2))
                .body("casualties[0].affiliation.text", is("US personnel"))
                .body("casualtySummary.injured", nullValue());

        given().when().get("/api/v1/incidents/5").then()
                .body("location.countryCode", is("SYR"))
                .body("location.latitude", nullValue())
                .body("actors.find { it.role == 'PERPETRATOR' }.confidence", is("SUSPECTED"));

        given().when().get("/api/v1/incidents/9").then()
                .body("casualtySummary.killed.best", is(5))
                .body("casualtySummary.killed.high", is(5))
                .body("casualtySummary.injured.best", is(5))
                .body("actors.find { it.role == 'PERPETRATOR' }.actor.name", is("Islamic State"))
                .body("actors.find { it.role == 'PERPETRATOR' }.confidence", is("SUSPECTED"));
    }

    @Test
    void shouldLinkOnlyWhatTheDigestStates() {
        // al-Asad (4) "follows" the presumed Israeli strikes (5): RELATED, no causality; the CNN round of strikes (6-8).
        given().when().get("/api/v1/incidents/4/links").then().statusCode(200).body("$", hasSize(1))
                .body("[0].to.id", is(5)).body("[0].relation", is("RELATED")).body("[0].status", is("CONFIRMED"))
                .body("[0].note", org.hamcrest.Matchers.containsString("follows"));
        given().when().get("/api/v1/incidents/6/links").then().body("$", hasSize(2))
                .body("from.id", org.hamcrest.Matchers.containsInAnyOrder(7, 8));
        given().queryParam("relation", "RESPONSE_TO").queryParam("size", 500).when().get("/api/v1/links").then()
                .statusCode(200).body("items.findAll { it.from.id < 10 && it.to.id < 10 }", hasSize(0));
    }

    @Test
    void shouldNotLoadTwice() {
        long before = given().queryParam("size", 1).when().get("/api/v1/incidents").then().extract().jsonPath().getLong("total");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(loader::loadIfEmpty);
        given().queryParam("size", 1).when().get("/api/v1/incidents").then().body("total", is((int) before));
    }
}
