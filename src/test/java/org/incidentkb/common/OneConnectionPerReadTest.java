package org.incidentkb.common;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every read answers with one connection of the pool at a time. A request that holds one (its session, once the
 * answer's ETag was checked) and then waits for a second deadlocks as soon as as many such requests run as the pool
 * has connections: at a million incidents, 32 clients asking for statistics got 503s and timeouts, all of them. Here
 * every connection but one is taken while each read is asked for, computed (no-cache), in every format it has.
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
        String byName = name;
        long id = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Checkpoint attack", "type": "armed-clash", "startDate": "2024-02-03",
                 "location": {"countryCode": "IRQ", "admin1": "Nineveh", "latitude": 36.3, "longitude": 43.1},
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                 "claims": [{"actor": {"id": %d}, "stance": "CLAIMED"}], "tags": ["%s"]}"""
                .formatted(actor, actor, tag));
        List<String> reads = List.of("/api/v1/incidents/" + id, "/api/v1/incidents?tag=" + tag,
                "/api/v1/incidents?tag=" + tag + "&format=csv", "/api/v1/incidents?tag=" + tag + "&format=geojson",
                "/api/v1/incidents?tag=" + tag + "&format=ndjson", "/api/v1/incidents?perpetrator=" + actor,
                "/api/v1/incidents?q=checkpoint&country=IRQ", "/api/v1/stats/incidents?tag=" + tag + "&groupBy=month",
                "/api/v1/stats/incidents?tag=" + tag + "&groupBy=perpetrator&format=csv",
                "/api/v1/stats/incidents?groupBy=country,year", "/api/v1/claims?actor=" + actor,
                "/api/v1/actors/" + actor + "/incidents", "/api/v1/incidents/" + id + "/history",
                // A filter naming an actor or a type reads them first: then the statistic or export is computed.
                "/api/v1/incidents?perpetrator=" + byName + "&type=armed-clash&format=ndjson",
                "/api/v1/incidents?perpetrator=" + byName + "&category=battles&format=csv",
                "/api/v1/stats/incidents?perpetrator=" + byName + "&type=armed-clash&groupBy=year",
                "/api/v1/claims?actor=" + byName + "&format=csv");
        int others = dataSource.getConfiguration().connectionPoolConfiguration().maxSize() - 1;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < others; i++) {
                held.add(dataSource.getConnection());
            }
            for (String read : reads) {
                given().header("Cache-Control", "no-cache").when().get(read).then().statusCode(200);
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
