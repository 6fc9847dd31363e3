package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String claims(long incidentId) {
        return "/api/v1/incidents/" + incidentId + "/claims";
    }

    private static String status(long incidentId) {
        return given().when().get("/api/v1/incidents/" + incidentId).then().extract().jsonPath().getString("claimStatus");
    }

    @Test
    void shouldDeriveClaimStatusFromDistinctClaimants() {
        long id = Fixtures.incident(Fixtures.unique("Claims"));
        long iri = Fixtures.actor(Fixtures.unique("IRI"));
        long kh = Fixtures.actor(Fixtures.unique("KH"));
        org.assertj.core.api.Assertions.assertThat(status(id)).isEqualTo("UNCLAIMED");

        Fixtures.createdId(claims(id), "{\"actor\": {\"id\": %d}, \"stance\": \"ATTRIBUTED\", \"statedBy\": {\"text\": \"Pentagon\"}}".formatted(kh));
        Fixtures.createdId(claims(id), "{\"actor\": {\"id\": %d}, \"stance\": \"DENIED\"}".formatted(kh));
        org.assertj.core.api.Assertions.assertThat(status(id)).isEqualTo("UNCLAIMED");

        long first = Fixtures.createdId(claims(id), "{\"actor\": {\"id\": %d}, \"stance\": \"CLAIMED\", \"channel\": \"SOCIAL_MEDIA\"}".formatted(iri));
        Fixtures.createdId(claims(id), "{\"actor\": {\"id\": %d}, \"stance\": \"CLAIMED\", \"channel\": \"VIDEO\"}".formatted(iri));
        org.assertj.core.api.Assertions.assertThat(status(id)).isEqualTo("CLAIMED");

        long second = Fixtures.createdId(claims(id), "{\"actor\": {\"id\": %d}, \"stance\": \"CLAIMED\"}".formatted(kh));
        org.assertj.core.api.Assertions.assertThat(status(id)).isEqualTo("COMPETING");

        given().when().delete(claims(id) + "/" + second).then().statusCode(204);
        org.assertj.core.api.Assertions.assertThat(status(id)).isEqualTo("CLAIMED");
        given().contentType("application/merge-patch+json").body("{\"stance\": \"DENIED\"}")
                .when().patch(claims(id) + "/" + first).then().statusCode(200).body("stance", is("DENIED"));
        given().when().get(claims(id)).then().body("$", hasSize(4));
    }

    @Test
    void shouldCreateReadAndReplaceAClaim() {
        long id = Fixtures.incident(Fixtures.unique("Claim crud"));
        long irgc = Fixtures.actor(Fixtures.unique("IRGC"));
        long source = Fixtures.source(Fixtures.unique("Rudaw"));
        long claimId = given().contentType(ContentType.JSON).body("""
                {"actor": {"id": %d}, "stance": "CLAIMED", "statedOn": "2024-01-16", "channel": "STATEMENT",
                 "quote": "spy headquarters", "credibility": "PLAUSIBLE", "source": {"id": %d}}""".formatted(irgc, source))
                .when().post(claims(id))
                .then().statusCode(201).header("ETag", org.hamcrest.Matchers.startsWith("\"0-"))
                .body("actor.id", is((int) irgc)).body("source.id", is((int) source)).body("statedOn", is("2024-01-16"))
                .extract().jsonPath().getLong("id");
        String body = given().when().get(claims(id) + "/" + claimId).then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(body.replace("PLAUSIBLE", "DOUBTFUL"))
                .when().put(claims(id) + "/" + claimId)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-")).body("credibility", is("DOUBTFUL")).body("quote", is("spy headquarters"));
        given().contentType(ContentType.JSON).body(body)
                .when().put(claims(id) + "/" + claimId)
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void shouldRejectClaimWithoutActorOrWithUnknownOneAndWriteNothing() {
        long id = Fixtures.incident(Fixtures.unique("Bad claim"));
        given().contentType(ContentType.JSON).body("{\"stance\": \"CLAIMED\"}")
                .when().post(claims(id)).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("actor"));
        given().contentType(ContentType.JSON).body("{\"actor\": {\"id\": 99999999}, \"stance\": \"CLAIMED\"}")
                .when().post(claims(id)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("actor.id")).body("errors[0].message", is("no actor with id 99999999"));
        given().contentType(ContentType.JSON).body("{\"actor\": {\"id\": 1}, \"stance\": \"BOASTED\"}")
                .when().post(claims(id)).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("stance"));
        given().when().get(claims(id)).then().body("$", hasSize(0));
    }
}
