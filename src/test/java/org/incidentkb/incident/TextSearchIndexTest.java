package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TextSearchIndexTest {

    @Inject
    EntityManager em;

    @Test
    @io.quarkus.test.TestTransaction
    @SuppressWarnings("unchecked")
    void shouldSearchTextThroughTrigramIndexesOnPostgresql() {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("quarkus.datasource.db-kind")),
                "trigram indexes exist on PostgreSQL only");
        List<String> indexes = em.createNativeQuery("select indexname from pg_indexes where indexname like '%_trgm'")
                .getResultList();
        assertThat(indexes).contains("ix_incident_title_trgm", "ix_incident_summary_trgm", "ix_incident_locality_trgm",
                "ix_casualty_name_trgm");
        String plan = String.join("\n", (List<String>) em.createNativeQuery(
                "explain select id from incident where lower(title) like '%qwertyuiop%'").getResultList());
        // With few rows the planner may still prefer a scan; forbid it to see that the index can serve the query.
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        String forced = String.join("\n", (List<String>) em.createNativeQuery(
                "explain select id from incident where lower(title) like '%qwertyuiop%'").getResultList());
        assertThat(plan + forced).contains("ix_incident_title_trgm");

        String word = Fixtures.unique("Zanzibarite").replace(' ', 'q');
        long id = Fixtures.incident("Strike near " + word);
        given().queryParam("q", word.substring(2, 12).toUpperCase()).when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(1)).body("items[0].id", is((int) id));
    }
}
