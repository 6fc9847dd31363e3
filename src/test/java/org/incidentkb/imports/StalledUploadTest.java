package org.incidentkb.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.incidentkb.SignedIn;
import org.junit.jupiter.api.Test;

/** Clients that send headers and then stall the body must not take the service down for everyone else. */
@QuarkusTest
class StalledUploadTest {

    private static Socket stall(String path, String contentType) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        String auth = Base64.getEncoder().encodeToString((SignedIn.ADMIN + ":" + SignedIn.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 1000000\r\n\r\neventid,iyear\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void shouldKeepAnsweringWhileUploadsStallAndRefuseUploadsBeyondTheLimit() throws Exception {
        long incident = org.incidentkb.Fixtures.incident(org.incidentkb.Fixtures.unique("Still readable"));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(stall("/api/v1/imports?format=gtd", "text/csv"));
            }
            for (int i = 0; i < 210; i++) {
                stalled.add(stall("/api/v1/incidents", "application/json"));
            }
            Thread.sleep(500);
            given().when().get("/q/health/ready").then().statusCode(200).time(org.hamcrest.Matchers.lessThan(5000L));
            given().when().get("/api/v1/incidents/" + incident).then().statusCode(200).body("id", is((int) incident))
                    .time(org.hamcrest.Matchers.lessThan(5000L));
            given().contentType("text/csv").body("eventid\n1\n").queryParam("format", "gtd").when()
                    .post("/api/v1/imports").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("detail", containsString("import bodies"));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        // Once the stalled uploads are gone, imports are taken again.
        int status = org.awaitility.Awaitility.await("imports are taken again").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> given().contentType("text/csv").body("eventid\n").queryParam("format", "gtd").when()
                        .post("/api/v1/imports").then().extract().statusCode(), s -> s != 503);
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);
    }
}
