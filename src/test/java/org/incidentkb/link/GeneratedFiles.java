package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** The files an {@link OverlapGenerator} wrote, imported through the API, and the records they became. */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    /** Imports acled.csv, ucdp.csv and gtd.csv from {@code dir}, each to DONE without a failed row. */
    static void importAll(Path dir) throws IOException {
        for (String file : List.of("acled", "ucdp", "gtd")) {
            String format = file.equals("ucdp") ? "ucdp-ged" : file;
            String job = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .contentType("text/csv").body(Files.readAllBytes(dir.resolve(file + ".csv")))
                    .queryParam("format", format).when().post("/api/v1/imports").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(201, 202)).extract().header("Location");
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "DONE".equals(given().when().get(job).then().extract().path("state")));
            given().when().get(job).then().body("report.failed", is(0));
        }
    }

    /** Each generated record ("ACLED:GA12") by the id of the incident it became. */
    static Map<Long, String> records(EntityManager em, String prefix) {
        Map<Long, String> recordOf = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "select incident_id, dataset, external_id from incident_external_ref where external_id like :p")
                .setParameter("p", prefix + "%").getResultList().forEach(r -> {
                    Object[] row = (Object[]) r;
                    recordOf.put(((Number) row[0]).longValue(), row[1] + ":" + row[2]);
                }));
        return recordOf;
    }
}
