package org.incidentkb.actor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorResourceTest {

    private static final String ACTORS = "/api/v1/actors";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldCreateActorWithAliasesParentBackersAndDesignations() {
        long umbrella = Fixtures.actor(Fixtures.unique("Umbrella"));
        long backer = Fixtures.actor(Fixtures.unique("Backer"));
        String name = Fixtures.unique("Brigades");
        given().contentType(ContentType.JSON).body("""
                {"name": "%s", "aliases": ["KH-%s", "kh-%s"], "kind": "MILITIA", "countryCode": "IRQ",
                 "parent": {"id": %d}, "backers": [{"id": %d}],
                 "designations": [{"designatedBy": "United States", "designation": "terrorist organization", "since": "2009-07-02"}]}"""
                .formatted(name, name.hashCode(), name.hashCode(), umbrella, backer))
                .when().post(ACTORS)
                .then().statusCode(201).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).header("Location", containsString("/api/v1/actors/"))
                .body("name", is(name))
                .body("aliases", hasSize(1))
                .body("country", is("Iraq"))
                .body("parent.id", is((int) umbrella))
                .body("backers[0].id", is((int) backer))
                .body("designations[0].since", is("2009-07-02"));
    }

    @Test
    void shouldFindActorsByNameOrAliasIgnoringCase() {
        String tag = Fixtures.unique("zq").replace(" ", "");
        Fixtures.createdId(ACTORS, "{\"name\": \"Harakat %s\", \"aliases\": [\"Nujaba %s\"], \"kind\": \"MILITIA\"}".formatted(tag, tag));
        given().queryParam("q", "NUJABA " + tag.toUpperCase()).when().get(ACTORS)
                .then().statusCode(200).body("total", is(1)).body("items[0].name", is("Harakat " + tag));
        given().queryParam("q", "harakat " + tag).when().get(ACTORS).then().body("total", is(1));
        given().queryParam("q", "%").when().get(ACTORS).then().statusCode(200).body("total", is(0));
        given().queryParam("q", "_").when().get(ACTORS).then().statusCode(200).body("total", is(0));
        // Spelling variants are one, as in q of /incidents: hyphens, apostrophes and diacritics; Arabic letters.
        Fixtures.createdId(ACTORS, "{\"name\": \"Ḥarakat al-Nujabā' %s\", \"aliases\": [\"حركة النجباء %s\"], \"kind\": \"MILITIA\"}"
                .formatted(tag, tag));
        given().queryParam("q", "harakat al nujaba " + tag).when().get(ACTORS).then().statusCode(200)
                .body("total", is(1)).body("items[0].name", is("Ḥarakat al-Nujabā' " + tag));
        given().queryParam("q", "حركه النجباء " + tag).when().get(ACTORS).then().statusCode(200)
                .body("total", is(1)).body("items[0].name", is("Ḥarakat al-Nujabā' " + tag));
    }

    @Test
    void shouldRefuseDuplicateNameRegardlessOfCase() {
        String name = Fixtures.unique("Unique");
        Fixtures.actor(name);
        given().contentType(ContentType.JSON).body("{\"name\": \"%s\", \"kind\": \"OTHER\"}".formatted(name.toUpperCase()))
                .when().post(ACTORS)
                .then().statusCode(409).contentType(PROBLEM).body("errors[0].field", is("name"));
        given().queryParam("q", name).when().get(ACTORS).then().body("total", is(1));
    }

    @Test
    void shouldRejectInvalidActorAndWriteNothing() {
        long before = Fixtures.count(ACTORS);
        given().contentType(ContentType.JSON).body("{\"name\": \" \", \"kind\": \"GANG\", \"countryCode\": \"iraq\"}")
                .when().post(ACTORS).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("kind"));
        given().contentType(ContentType.JSON).body("{\"name\": \" \", \"kind\": \"OTHER\", \"countryCode\": \"iraq\"}")
                .when().post(ACTORS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("countryCode"));
        given().contentType(ContentType.JSON).body("{\"name\": \"%s\", \"kind\": \"OTHER\", \"parent\": {\"id\": 99999999}}"
                .formatted(Fixtures.unique("Orphan")))
                .when().post(ACTORS).then().statusCode(400).body("errors[0].field", is("parent.id"));
        org.assertj.core.api.Assertions.assertThat(Fixtures.count(ACTORS)).isEqualTo(before);
    }

    @Test
    void shouldRefuseMembershipCycle() {
        long top = Fixtures.actor(Fixtures.unique("Top"));
        long member = Fixtures.createdId(ACTORS, "{\"name\": \"%s\", \"kind\": \"MILITIA\", \"parent\": {\"id\": %d}}"
                .formatted(Fixtures.unique("Member"), top));
        given().contentType("application/merge-patch+json").body("{\"parent\": {\"id\": %d}}".formatted(member))
                .when().patch(ACTORS + "/" + top)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("parent"));
        given().when().get(ACTORS + "/" + top).then().body("parent", nullValue()).body("version", is(0));
    }

    @Test
    void shouldUpdatePatchAndDeleteActor() {
        String name = Fixtures.unique("Editable");
        long id = Fixtures.actor(name);
        String body = given().when().get(ACTORS + "/" + id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).extract().asString();
        given().contentType(ContentType.JSON).body(body.replace("MILITIA", "NON_STATE_ARMED_GROUP"))
                .when().put(ACTORS + "/" + id).then().statusCode(200).body("kind", is("NON_STATE_ARMED_GROUP")).body("version", is(1));
        given().contentType("application/merge-patch+json").body("{\"aliases\": [\"E1\"], \"countryCode\": null}")
                .header("If-Match", "\"1\"")
                .when().patch(ACTORS + "/" + id).then().statusCode(200).body("aliases", hasItem("E1"))
                .body("countryCode", nullValue()).header("ETag", org.hamcrest.Matchers.startsWith("\"2-"));
        given().header("If-Match", "\"1\"").when().delete(ACTORS + "/" + id).then().statusCode(412).contentType(PROBLEM);
        given().when().delete(ACTORS + "/" + id).then().statusCode(204);
        given().when().get(ACTORS + "/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseDeletingActorThatIncidentsReferTo() {
        long actor = Fixtures.actor(Fixtures.unique("Referenced"));
        Fixtures.createdId("/api/v1/incidents", """
                {"title": "x", "type": "armed-clash", "startDate": "2024-05-13",
                 "actors": [{"actor": {"id": %d}, "role": "TARGET"}]}""".formatted(actor));
        given().when().delete(ACTORS + "/" + actor)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("referenced"));
        given().when().get(ACTORS + "/" + actor).then().statusCode(200);
    }

    @Test
    void shouldListActorsInPages() {
        given().queryParam("size", 2).when().get(ACTORS)
                .then().statusCode(200).body("items", hasSize(2)).body("size", is(2))
                .body("links.next", containsString("page=2")).body("items[0].name", not(nullValue()));
    }
}
