package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    @Test
    void shouldRefuseAJsonBodyOfUndeclaredLengthWith411AndWriteNothing() throws Exception {
        long before = Fixtures.count("/api/v1/incidents");
        byte[] body = """
                {"title": "Chunked strike", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "location": {"countryCode": "IRQ"}}""".getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/incidents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Content-Length");
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
    }
}
