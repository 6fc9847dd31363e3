package org.incidentkb.explorer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The explorer page and what it loads are served by the service itself (no CDN); the browser check
 * (src/clients/browser/explorer-check.js) drives it.
 */
@QuarkusTest
class ExplorerPageTest {

    @Test
    void shouldServeThePageItsScriptAndLeafletFromTheService() {
        String page = given().auth().none().when().get("/").then().statusCode(200).contentType("text/html")
                .body(containsString("Incident KB explorer")).extract().asString();
        for (String asset : new String[] { "/webjars/leaflet/1.9.4/dist/leaflet.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.css", "/explorer/explorer.js", "/explorer/explorer.css" }) {
            org.assertj.core.api.Assertions.assertThat(page).contains(asset);
            given().auth().none().when().get(asset).then().statusCode(200);
        }
    }
}
