package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** sort=relevance with q: where the text was found ranks the matches, the same with pages and with cursors. */
@QuarkusTest
class RelevanceSortTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Test
    void shouldRankTitleThenLocalityThenSummary() {
        String word = "Zq" + Fixtures.unique("relevance").replaceAll("[^a-z0-9]", "");
        long inSummary = incident("Summary holder", word + " was mentioned in passing", "Mosul");
        long inTitle = incident("Strike at " + word, "Nothing else", "Basra");
        long inLocality = incident("Locality holder", "Nothing else", word + " district");
        long inSummaryToo = incident("Second summary holder", "Again " + word, "Erbil");

        List<Integer> ranked = given().queryParam("q", word).queryParam("sort", "relevance").when().get(INCIDENTS)
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ranked).containsExactly((int) inTitle, (int) inLocality, (int) inSummary, (int) inSummaryToo);
        // Ties keep a stable order of their own: sort=relevance,-id puts the newer summary match first.
        assertThat(given().queryParam("q", word).queryParam("sort", "relevance,-id").when().get(INCIDENTS).then()
                .statusCode(200).extract().jsonPath().<Integer>getList("items.id"))
                .containsExactly((int) inTitle, (int) inLocality, (int) inSummaryToo, (int) inSummary);

        // Walking with cursors gives the same order.
        List<Integer> walked = new ArrayList<>();
        String after = null;
        do {
            var spec = given().queryParam("q", word).queryParam("sort", "relevance").queryParam("size", 1);
            if (after != null) {
                spec.queryParam("after", after);
            }
            var page = spec.when().get(INCIDENTS).then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id"));
            after = page.getString("cursor");
        } while (after != null && walked.size() < 10);
        assertThat(walked).isEqualTo(ranked);
    }

    @Test
    void shouldRefuseRelevanceWithoutText() {
        given().queryParam("sort", "relevance").when().get(INCIDENTS).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("sort")).body("detail", containsString("give q"));
    }

    private static long incident(String title, String summary, String locality) {
        return Fixtures.createdId(INCIDENTS, """
                {"title": "%s", "summary": "%s", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "location": {"countryCode": "IRQ", "locality": "%s"}}""".formatted(title, summary, locality));
    }
}
