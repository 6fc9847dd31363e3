package org.incidentkb.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceResourceTest {

    private static final String SOURCES = "/api/v1/sources";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldCreateReadUpdateAndDeleteSource() {
        String url = "https://example.org/" + Fixtures.unique("a").replace(' ', '-');
        long id = given().contentType(ContentType.JSON).body("""
                {"publisher": "Rudaw", "url": "%s", "title": "US drone strike in Baghdad", "publishedOn": "2024-01-04", "language": "en"}"""
                .formatted(url))
                .when().post(SOURCES)
                .then().statusCode(201).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).body("url", is(url)).body("language", is("en"))
                .extract().jsonPath().getLong("id");
        given().when().get(SOURCES + "/" + id).then().statusCode(200).body("publishedOn", is("2024-01-04"));
        given().contentType("application/merge-patch+json").body("{\"title\": \"Edited\"}")
                .when().patch(SOURCES + "/" + id).then().statusCode(200).body("title", is("Edited")).body("version", is(1));
        given().contentType(ContentType.JSON).body("{\"publisher\": \"Rudaw English\", \"version\": 1}")
                .when().put(SOURCES + "/" + id).then().statusCode(200).body("url", org.hamcrest.Matchers.nullValue());
        given().when().delete(SOURCES + "/" + id).then().statusCode(204);
        given().when().get(SOURCES + "/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseDuplicateUrlAndBadValues() {
        String url = "https://example.org/" + Fixtures.unique("b").replace(' ', '-');
        Fixtures.createdId(SOURCES, "{\"publisher\": \"CNN\", \"url\": \"%s\"}".formatted(url));
        given().contentType(ContentType.JSON).body("{\"publisher\": \"CNN\", \"url\": \"%s\"}".formatted(url))
                .when().post(SOURCES).then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("url"));
        given().contentType(ContentType.JSON).body("{\"publisher\": \"\", \"url\": \"ftp:x\", \"language\": \"english!\"}")
                .when().post(SOURCES).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("publisher")).body("errors.field", hasItem("url"))
                .body("errors.field", hasItem("language"));
    }

    @Test
    void shouldSearchByPublisherAndRefuseDeletingCitedSource() {
        String publisher = Fixtures.unique("Al Arabiya");
        long id = Fixtures.source(publisher);
        given().queryParam("publisher", publisher.toLowerCase()).when().get(SOURCES)
                .then().statusCode(200).body("total", is(1)).body("items[0].id", is((int) id));
        long incident = Fixtures.incident(Fixtures.unique("Cited"));
        given().when().put("/api/v1/incidents/" + incident + "/sources/" + id).then().statusCode(204);
        given().when().delete(SOURCES + "/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("cited"));
    }
}
