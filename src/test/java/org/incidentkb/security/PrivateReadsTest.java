package org.incidentkb.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PrivateReadsTest.PrivateReads.class)
class PrivateReadsTest {

    public static class PrivateReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kb.security.public-reads", "false");
        }
    }

    @Test
    void shouldRequireTheReaderRoleForReadsWhenConfigured() {
        given().auth().none().when().get("/api/v1/incidents/1").then().statusCode(401)
                .contentType("application/problem+json").body("status", is(401));
        // Every resource's reads (the roles are declared on its operations interface).
        for (String path : java.util.List.of("/api/v1/stats/incidents", "/api/v1/actors", "/api/v1/sources",
                "/api/v1/event-types", "/api/v1/claims", "/api/v1/casualties", "/api/v1/incidents/1/claims",
                "/api/v1/incidents/1/casualties", "/api/v1/actors/1/incidents")) {
            given().auth().none().when().get(path).then().statusCode(401);
        }
        String reader = org.incidentkb.Fixtures.user("reader");
        long id = org.incidentkb.Fixtures.incident(org.incidentkb.Fixtures.unique("Private"));
        given().auth().preemptive().basic(reader, "a-long-enough-password").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("id", is((int) id));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
