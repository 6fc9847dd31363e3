package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.incidentkb.Fixtures;
import org.incidentkb.common.TextFold;
import org.incidentkb.incident.query.IncidentQueries;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TextSearchIndexTest {

    @Inject
    EntityManager em;

    @Test
    @io.quarkus.test.TestTransaction
    @SuppressWarnings("unchecked")
    void shouldSearchTextThroughOneTrigramIndexLedByTheCountryOnPostgresql() {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("quarkus.datasource.db-kind")),
                "trigram indexes exist on PostgreSQL only");
        List<String> indexes = em.createNativeQuery("select indexname from pg_indexes where indexname like '%_trgm'")
                .getResultList();
        assertThat(indexes).containsExactlyInAnyOrder("ix_incident_text_trgm", "ix_casualty_name_trgm");
        // The query writes the expression the index holds, or the index would not serve it.
        assertThat(DSL.using(SQLDialect.POSTGRES).render(IncidentQueries.SEARCHED_TEXT))
                .isEqualTo(IncidentQueries.SEARCHED);
        // With few rows the planner may prefer a scan; forbid it to see that the index serves the query.
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        String plan = String.join("\n", (List<String>) em.createNativeQuery("explain select id from incident where "
                + IncidentQueries.SEARCHED + " like '%qwertyuiop%'").getResultList());
        assertThat(plan).contains("ix_incident_text_trgm");
        assertThat((String) em.createNativeQuery("select indexdef from pg_indexes where indexname = 'ix_incident_text_trgm'")
                .getSingleResult()).contains("gin (country_code, (").contains("translate(lower(");
        // The casualty names' index serves the names' part of a search, as IncidentQueries folds them.
        String names = String.join("\n", (List<String>) em.createNativeQuery("explain select 1 from "
                + "casualty_name where " + DSL.using(SQLDialect.POSTGRES).render(TextFold.sql(
                        DSL.field(DSL.name("casualty_name", "name"), String.class), true)) + " like '%qwertyuiop%'")
                .getResultList());
        assertThat(names).contains("ix_casualty_name_trgm");

        String word = Fixtures.unique("Zanzibarite").replace(' ', 'q');
        long id = Fixtures.incident("Strike near " + word);
        given().queryParam("q", word.substring(2, 12).toUpperCase()).when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(1)).body("items[0].id", is((int) id));
    }

    /** Each of the title, locality and summary is searched, within a country or not; never across two of them. */
    @Test
    void shouldFindTextInEachFieldButNotAcrossTwo() {
        String word = Fixtures.unique("Qarmatian").replace(" ", "");
        long id = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Shelling of %s east", "category": "battles", "startDate": "2021-03-04",
                 "location": {"countryCode": "SYR", "locality": "west %s hamlet"},
                 "summary": "Witnesses in %s south said so."}""".formatted(word + "t", word + "l", word + "s"));
        for (String part : new String[] { word + "t east", "west " + word + "l", word + "s south" }) {
            given().queryParam("q", part).when().get("/api/v1/incidents").then()
                    .statusCode(200).body("total", is(1)).body("items[0].id", is((int) id));
            given().queryParam("q", part).queryParam("country", "SYR").when().get("/api/v1/incidents").then()
                    .statusCode(200).body("total", is(1)).body("items[0].id", is((int) id));
            given().queryParam("q", part).queryParam("country", "IRQ").when().get("/api/v1/incidents").then()
                    .statusCode(200).body("total", is(0));
        }
        // The end of the title and the start of the locality are not one text.
        given().queryParam("q", "east west").when().get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
        given().queryParam("q", word + "t east west").when().get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(0));
    }
}
