package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BodyLimitTest {

    @Test
    void shouldRefuseAJsonBodyOverTheLimitWith413AndWriteNothing() {
        long before = Fixtures.count("/api/v1/incidents");
        String title = "x".repeat(11 * 1024 * 1024);
        given().contentType("application/json").body("{\"title\": \"" + title + "\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", is(413))
                .body("detail", containsString("larger than 10485760 bytes"));
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
    }
}
