package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** fields= on JSON pages: each incident carries the properties named (and its id), nothing else. */
@QuarkusTest
class SparseFieldsTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Test
    void shouldKeepOnlyTheNamedProperties() {
        String title = Fixtures.unique("Sparse");
        long id = Fixtures.incident(title);
        Map<String, Object> item = given().queryParam("q", title).queryParam("fields", "title, startDate,casualtySummary")
                .when().get(INCIDENTS).then().statusCode(200).body("total", is(1)).extract().jsonPath()
                .getMap("items[0]");
        assertThat(item).containsOnlyKeys("id", "title", "startDate", "casualtySummary");
        assertThat(item).containsEntry("id", (int) id).containsEntry("title", title).containsEntry("startDate", "2024-01-04");
        // A kept property is written whole: no figure known is null, not zero.
        assertThat(item.get("casualtySummary")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) item.get("casualtySummary")).get("killed")).isNull();

        // The actor's incidents take it too; the full page is unchanged without it.
        Map<String, Object> full = given().queryParam("q", title).when().get(INCIDENTS).then().statusCode(200).extract()
                .jsonPath().getMap("items[0]");
        assertThat(full).containsKeys("version", "location", "claimStatus", "actors");
    }

    @Test
    void shouldRefuseUnknownPropertiesAndOtherFormats() {
        given().queryParam("fields", "title,password").when().get(INCIDENTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("fields"))
                .body("detail", containsString("'password' is not a property of an incident"))
                .body("detail", containsString("casualtySummary"));
        given().queryParam("fields", "title").queryParam("format", "csv").when().get(INCIDENTS).then().statusCode(400)
                .body("detail", containsString("applies to JSON pages"));
    }
}
