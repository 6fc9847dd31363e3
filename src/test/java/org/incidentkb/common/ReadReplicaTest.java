package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Reads routed to a second database: the "replica" here is a database of its own (migrated, never replicated to),
 * so what a request sees tells which database it read.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
class ReadReplicaTest {

    /** The primary's database with a second, empty one beside it (H2 in memory, or a database on the same server). */
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.replica.active", "true",
                    "quarkus.datasource.replica.jdbc.url", replicaUrl(),
                    "quarkus.datasource.replica.username", System.getProperty("kbtest.jdbc-user", "sa"),
                    "quarkus.flyway.replica.migrate-at-start", "true",
                    "quarkus.flyway.replica.clean-at-start", "true",
                    "quarkus.flyway.replica.clean-disabled", "false");
        }

        private static String replicaUrl() {
            return org.incidentkb.TestDatabases.fresh("replica");
        }
    }

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("replica")
    AgroalDataSource replica;

    @Test
    void shouldReadFromTheReplicaAndWriteToThePrimary() throws SQLException {
        String title = Fixtures.unique("Routed");
        long id = Fixtures.createdId("/api/v1/incidents",
                "{\"title\": \"" + title + "\", \"category\": \"battles\", \"startDate\": \"2024-05-01\"}");
        assertThat(count(primary, title)).as("the write went to the primary").isEqualTo(1);
        assertThat(count(replica, title)).isZero();

        given().when().get("/api/v1/incidents/" + id).then().statusCode(404);
        given().queryParam("q", title).when().get("/api/v1/incidents").then().statusCode(200).body("total", is(0));

        long onlyOnReplica = 900_000_000L + (id % 1000);
        try (Connection c = replica.getConnection()) {
            c.createStatement().execute("insert into incident (id, version, uid, title, category_code, start_date, "
                    + "date_precision, claim_status, created_at, updated_at) values (" + onlyOnReplica
                    + ", 0, 'replica-" + onlyOnReplica + "', 'Only on the replica', 'battles', date '2024-05-02', 'DAY', 'UNCLAIMED', "
                    + "current_timestamp, current_timestamp)");
        }
        given().when().get("/api/v1/incidents/" + onlyOnReplica).then().statusCode(200)
                .body("title", is("Only on the replica"));
        given().when().head("/api/v1/incidents/" + onlyOnReplica).then().statusCode(200);
        given().contentType("application/merge-patch+json").body("{\"title\": \"x\"}")
                .when().patch("/api/v1/incidents/" + onlyOnReplica).then().statusCode(404);
        assertThat(count(primary, "Only on the replica")).as("the rebuilt document was not stored on the primary")
                .isZero();

        // Every request here signed in as the admin, a user only the primary has: sign-in reads the primary.
        given().auth().preemptive().basic("admin", "wrong password").when().get("/api/v1/incidents/" + onlyOnReplica)
                .then().statusCode(401);
    }

    private static long count(AgroalDataSource ds, String title) throws SQLException {
        try (Connection c = ds.getConnection();
                var s = c.prepareStatement("select count(*) from incident where title = ?")) {
            s.setString(1, title);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
