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
        java.util.Map<String, String> assets = java.util.Map.of(
                "/webjars/leaflet/1.9.4/dist/leaflet.js", "version=\"1.9.4\"",
                "/webjars/leaflet/1.9.4/dist/leaflet.css", ".leaflet-container",
                "/explorer/explorer.js", "/stats/incidents?",
                "/explorer/explorer.css", "#timeline");
        assets.forEach((asset, marker) -> {
            org.assertj.core.api.Assertions.assertThat(page).contains(asset);
            given().auth().none().when().get(asset).then().statusCode(200)
                    .contentType(containsString(asset.endsWith(".js") ? "javascript" : "text/css"))
                    .body(containsString(marker));
        });
    }

    /** With compression on, a Range answer would count uncompressed bytes while sending compressed ones: none. */
    @Test
    void shouldServeStaticFilesWholeWhenARangeIsAskedWithCompression() {
        var raw = io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        byte[] whole = given().config(raw).auth().none().header("Accept-Encoding", "identity").when()
                .get("/explorer/explorer.js").then().statusCode(200).extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(whole.length).isGreaterThan(100);
        for (String encoding : java.util.List.of("gzip", "identity")) {
            var answer = given().config(raw).auth().none().header("Accept-Encoding", encoding)
                    .header("Range", "bytes=0-99").when().get("/explorer/explorer.js").then().statusCode(200)
                    .extract();
            org.assertj.core.api.Assertions.assertThat(answer.header("Content-Range")).as(encoding).isNull();
            byte[] body = answer.asByteArray();
            if ("gzip".equals(answer.header("Content-Encoding"))) {
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            // The whole file, however it was encoded: never the first 100 bytes counted against a compressed body.
            org.assertj.core.api.Assertions.assertThat(body).as(encoding).isEqualTo(whole);
        }
    }

    /** The countries drawn under the tiles come from the service too, so the map has context offline. */
    @Test
    void shouldServeTheCountryOutlines() {
        String script = given().auth().none().when().get("/explorer/explorer.js").then().statusCode(200).extract()
                .asString();
        String outlines = "/webjars/echarts/4.1.0/map/json/world.json";
        org.assertj.core.api.Assertions.assertThat(script).contains(outlines);
        var world = given().auth().none().when().get(outlines).then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(world.getString("type")).isEqualTo("FeatureCollection");
        org.assertj.core.api.Assertions.assertThat(world.getList("features")).hasSizeGreaterThan(150);
        org.assertj.core.api.Assertions.assertThat(world.getList("features.properties.name")).contains("Iraq", "Syria");
    }
}
