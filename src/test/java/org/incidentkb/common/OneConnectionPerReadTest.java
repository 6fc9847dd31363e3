package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every read answers with one connection of the pool at a time. A request that holds one (its session, once the
 * answer's ETag was checked) and then waits for a second deadlocks as soon as as many such requests run as the pool
 * has connections: at a million incidents, 32 clients asking for statistics got 503s and timeouts, all of them. Here
 * every connection but one is taken while each read is asked for, computed (no-cache), and its body checked.
 */
@QuarkusTest
class OneConnectionPerReadTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswerEveryReadWithOneConnection() throws Exception {
        String tag = Fixtures.unique("one-connection").replace(' ', '-');
        String name = Fixtures.unique("One connection perp");
        long actor = Fixtures.actor(name);
        long id = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Checkpoint attack", "type": "armed-clash", "startDate": "2024-02-03",
                 "location": {"countryCode": "IRQ", "admin1": "Nineveh", "latitude": 36.3, "longitude": 43.1},
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                 "claims": [{"actor": {"id": %d}, "stance": "CLAIMED"}], "tags": ["%s"]}"""
                .formatted(actor, actor, tag));
        String title = "Checkpoint attack";
        // Each read with a piece of the body it must answer: the incident, or what the statistic counts of it.
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/v1/incidents/" + id, title);
        reads.put("/api/v1/incidents?tag=" + tag, title);
        reads.put("/api/v1/incidents?tag=" + tag + "&format=csv", title);
        reads.put("/api/v1/incidents?tag=" + tag + "&format=geojson", title);
        reads.put("/api/v1/incidents?tag=" + tag + "&format=geojson&size=10", title);
        reads.put("/api/v1/incidents?tag=" + tag + "&format=ndjson", title);
        reads.put("/api/v1/incidents?perpetrator=" + actor, title);
        reads.put("/api/v1/incidents?q=checkpoint&country=IRQ", title);
        reads.put("/api/v1/stats/incidents?tag=" + tag + "&groupBy=month", "{\"month\":\"2024-02\",\"incidents\":1,");
        reads.put("/api/v1/stats/incidents?tag=" + tag + "&groupBy=perpetrator&format=csv", actor + "," + name + ",1,");
        reads.put("/api/v1/stats/incidents?groupBy=country,year", "\"year\":2024");
        reads.put("/api/v1/claims?actor=" + actor, name);
        reads.put("/api/v1/actors/" + actor + "/incidents", title);
        reads.put("/api/v1/incidents/" + id + "/history", "\"operation\":\"CREATE\"");
        // A filter naming an actor or a type reads them first: then the statistic or export is computed.
        reads.put("/api/v1/incidents?perpetrator=" + name + "&type=armed-clash&format=ndjson", title);
        reads.put("/api/v1/incidents?perpetrator=" + name + "&category=battles&format=csv", title);
        reads.put("/api/v1/stats/incidents?perpetrator=" + name + "&type=armed-clash&groupBy=year",
                "{\"groupBy\":[\"year\"],\"rows\":[{\"year\":2024,\"incidents\":1,");
        reads.put("/api/v1/claims?actor=" + name + "&format=csv", name);
        int others = dataSource.getConfiguration().connectionPoolConfiguration().maxSize() - 1;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < others; i++) {
                held.add(dataSource.getConnection());
            }
            reads.forEach((read, shown) -> given().header("Cache-Control", "no-cache").when().get(read).then()
                    .statusCode(200).body(containsString(shown)));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    /**
     * With no connection free at all, an export is a 503 problem with Retry-After: not a 200 whose document was closed
     * around the features it could not read (an empty FeatureCollection, before).
     */
    @Test
    void shouldAnswerABusyProblemRatherThanAnEmptyExport() throws Exception {
        String tag = Fixtures.unique("busy").replace(' ', '-');
        Fixtures.createdId("/api/v1/incidents", """
                {"title": "Busy export", "type": "armed-clash", "startDate": "2024-02-03",
                 "location": {"countryCode": "IRQ", "latitude": 36.3, "longitude": 43.1}, "tags": ["%s"]}"""
                .formatted(tag));
        int all = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < all; i++) {
                held.add(dataSource.getConnection());
            }
            for (String format : List.of("geojson", "csv", "ndjson")) {
                given().header("Cache-Control", "no-cache").when()
                        .get("/api/v1/incidents?tag=" + tag + "&format=" + format).then()
                        .statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                        .body("type", is("urn:incident-kb:problem:unavailable"))
                        .body("instance", is("/api/v1/incidents"));
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().header("Cache-Control", "no-cache").when().get("/api/v1/incidents?tag=" + tag + "&format=geojson")
                .then().statusCode(200).body("features[0].properties.title", is("Busy export"));
    }
}
