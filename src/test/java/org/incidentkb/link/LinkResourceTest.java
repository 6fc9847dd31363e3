package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** Links between incidents as editors make and decide them, in both incidents' history. */
@QuarkusTest
class LinkResourceTest {

    @Inject
    EventGroups events;

    @Inject
    EntityManager em;

    private static ValidatableResponse link(long from, long to, String relation) {
        return given().contentType(ContentType.JSON).body("""
                {"to": {"id": %d}, "relation": "%s", "note": "the report says so"}""".formatted(to, relation))
                .when().post("/api/v1/incidents/" + from + "/links").then();
    }

    private static long links(long incident) {
        return given().when().get("/api/v1/incidents/" + incident + "/links").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    @Test
    void shouldRefuseAPartOfLinkThatWouldCloseACycle() {
        long strike = Fixtures.incident(Fixtures.unique("Strike"));
        long campaign = Fixtures.incident(Fixtures.unique("Campaign"));
        long war = Fixtures.incident(Fixtures.unique("War"));
        link(strike, campaign, "PART_OF").statusCode(201);
        int campaignInWar = link(campaign, war, "PART_OF").statusCode(201).extract().path("id");
        // The war part of the strike: a cycle through the campaign.
        link(war, strike, "PART_OF").statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("cycle"));
        link(campaign, strike, "PART_OF").statusCode(409);
        assertThat(links(war)).isEqualTo(1);
        // Once the campaign is not part of the war (rejected), the war may be part of the strike; the rejected link
        // may then not stand again.
        given().contentType("application/merge-patch+json").body("{\"status\": \"REJECTED\"}").when()
                .patch("/api/v1/links/" + campaignInWar).then().statusCode(200);
        link(war, strike, "PART_OF").statusCode(201);
        given().contentType("application/merge-patch+json").body("{\"status\": \"CONFIRMED\"}").when()
                .patch("/api/v1/links/" + campaignInWar).then().statusCode(409);
        given().when().get("/api/v1/links/" + campaignInWar).then().statusCode(200).body("status", is("REJECTED"));
        // Other relations may go both ways.
        link(war, campaign, "RELATED").statusCode(201);
    }

    @Test
    void shouldLinkTwoIncidentsBothWaysWithHistoryInBoth() {
        long a = Fixtures.incident(Fixtures.unique("Strike"));
        long b = Fixtures.incident(Fixtures.unique("Attack"));
        ValidatableResponse created = link(a, b, "RESPONSE_TO").statusCode(201)
                .header("Location", endsWith("/api/v1/links/" + created(a, b)))
                .header("ETag", notNullValue())
                .body("from.id", is((int) a)).body("to.id", is((int) b)).body("relation", is("RESPONSE_TO"))
                .body("status", is("CONFIRMED")).body("score", nullValue()).body("evidence", nullValue())
                .body("note", is("the report says so")).body("createdBy", is("admin")).body("decidedBy", is("admin"))
                .body("from.dataset", nullValue()).body("to.startDate", is("2024-01-04"));
        int id = created.extract().path("id");

        given().when().get("/api/v1/incidents/" + b + "/links").then().statusCode(200)
                .body("id", contains(id)).body("[0].from.id", is((int) a));
        given().auth().none().when().get("/api/v1/links/" + id).then().statusCode(200)
                .body("createdBy", nullValue()).body("relation", is("RESPONSE_TO"));
        for (long incident : List.of(a, b)) {
            given().when().get("/api/v1/incidents/" + incident + "/history").then().statusCode(200)
                    .body("items[-1].operation", is("CREATE")).body("items[-1].changedFields", contains("links"))
                    .body("items[-1].link.id", is(id)).body("items[-1].link.relation", is("RESPONSE_TO"))
                    .body("items[-1].link.otherIncident", is((int) (incident == a ? b : a)))
                    .body("items[-1].revision", is(1));
        }
    }

    private static long created(long a, long b) {
        return given().when().get("/api/v1/incidents/" + a + "/links").then().extract().jsonPath()
                .getLong("find { it.to.id == " + b + " }.id");
    }

    @Test
    void shouldRefuseSelfLinksMissingIncidentsAndASecondLinkOfTheSameRelation() {
        long a = Fixtures.incident(Fixtures.unique("Self"));
        long b = Fixtures.incident(Fixtures.unique("Other"));
        link(a, a, "RELATED").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("to.id"));
        link(a, 999_999_999L, "RELATED").statusCode(400).body("errors[0].field", is("to.id"));
        link(999_999_999L, a, "RELATED").statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"to\": {\"id\": %d}, \"relation\": \"CAUSED\"}".formatted(b))
                .when().post("/api/v1/incidents/" + a + "/links").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"relation\": \"RELATED\"}").when()
                .post("/api/v1/incidents/" + a + "/links").then().statusCode(400);
        assertThat(links(a)).isZero();

        link(a, b, "RELATED").statusCode(201);
        link(b, a, "RELATED").statusCode(409).contentType("application/problem+json");
        link(a, b, "RELATED").statusCode(409);
        link(b, a, "PART_OF").statusCode(201);
        assertThat(links(a)).isEqualTo(2);

        long deleted = Fixtures.incident(Fixtures.unique("Deleted"));
        given().when().delete("/api/v1/incidents/" + deleted).then().statusCode(204);
        link(a, deleted, "RELATED").statusCode(400).body("detail", notNullValue());
        assertThat(links(a)).isEqualTo(2);
    }

    @Test
    void shouldDecideWithIfMatchAndDeleteWithHistory() {
        long a = Fixtures.incident(Fixtures.unique("Decide"));
        long b = Fixtures.incident(Fixtures.unique("Decided"));
        int id = link(a, b, "SAME_EVENT").statusCode(201).extract().path("id");
        String etag = given().when().get("/api/v1/links/" + id).then().statusCode(200).extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", "\"7\"").body("{\"status\": \"REJECTED\"}")
                .when().patch("/api/v1/links/" + id).then().statusCode(412);
        given().contentType("application/merge-patch+json").body("{\"status\": \"MAYBE\"}")
                .when().patch("/api/v1/links/" + id).then().statusCode(400);
        given().contentType("application/merge-patch+json").body("{\"score\": 1}")
                .when().patch("/api/v1/links/" + id).then().statusCode(400);
        for (String bad : List.of("[]", "{\"status\": null}", "{\"note\": {\"x\": 1}}", "{")) {
            given().contentType("application/merge-patch+json").body(bad).when().patch("/api/v1/links/" + id).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/api/v1/links/" + id).then().body("version", is(0)).body("status", is("CONFIRMED"));
        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"status\": \"REJECTED\", \"note\": \"different days\"}").when().patch("/api/v1/links/" + id)
                .then().statusCode(200).body("status", is("REJECTED")).body("version", is(1))
                .body("note", is("different days")).body("decidedBy", is("admin"));
        given().when().get("/api/v1/incidents/" + a + "/history").then()
                .body("items[-1].operation", is("UPDATE"))
                .body("items[-1].changedFields", containsInAnyOrder("links.status", "links.note"))
                .body("items[-1].link.status", is("REJECTED"));

        String reader = Fixtures.user("reader");
        given().auth().preemptive().basic(reader, Fixtures.PASSWORD).contentType("application/merge-patch+json")
                .body("{\"status\": \"CONFIRMED\"}").when().patch("/api/v1/links/" + id).then().statusCode(403);
        given().auth().preemptive().basic(reader, Fixtures.PASSWORD).when().delete("/api/v1/links/" + id).then()
                .statusCode(403);

        given().header("If-Match", "\"0\"").when().delete("/api/v1/links/" + id).then().statusCode(412);
        given().when().delete("/api/v1/links/" + id).then().statusCode(204);
        given().when().get("/api/v1/links/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/incidents/" + b + "/history").then()
                .body("items[-1].operation", is("DELETE")).body("items[-1].link.id", is(id));
    }

    @Test
    void shouldFilterTheReviewQueue() {
        String run = Fixtures.unique("Queue");
        long acled = dataset(run + " a", "ACLED", null);
        long gtd = dataset(run + " g", "GTD", null);
        long api = Fixtures.incident(run + " api");
        int sameEvent = link(acled, gtd, "SAME_EVENT").statusCode(201).extract().path("id");
        int related = link(api, acled, "RELATED").statusCode(201).extract().path("id");

        JsonPath page = given().queryParam("relation", "SAME_EVENT").queryParam("dataset", "GTD").queryParam("size", 500)
                .when().get("/api/v1/links").then().statusCode(200).body("total", notNullValue()).extract().jsonPath();
        assertThat(page.getList("items.id", Integer.class)).contains(sameEvent).doesNotContain(related);
        given().queryParam("relation", "RELATED").queryParam("status", "CONFIRMED").queryParam("country", "Iraq")
                .queryParam("size", 500).when().get("/api/v1/links").then().statusCode(200)
                .body("items.id", hasItem(related));
        given().queryParam("minScore", "0.5").queryParam("size", 500).when().get("/api/v1/links").then()
                .statusCode(200).body("items.findAll { it.score == null }", hasSize(0));
        given().queryParam("minScore", "2").when().get("/api/v1/links").then().statusCode(400)
                .body("errors[0].field", is("minScore"));
        given().queryParam("status", "MAYBE").when().get("/api/v1/links").then().statusCode(400)
                .body("errors[0].field", is("status"));
        given().queryParam("country", "Atlantis").when().get("/api/v1/links").then().statusCode(400);
    }

    @Test
    void shouldWalkTheReviewQueueByCursorAsByPageNumber() {
        String run = Fixtures.unique("Walk");
        long first = Fixtures.incident(run + " 1");
        for (int k = 2; k <= 4; k++) {
            link(first, Fixtures.incident(run + " " + k), "RELATED").statusCode(201);
        }
        JsonPath one = given().queryParam("size", 2).when().get("/api/v1/links").then().statusCode(200)
                .body("cursor", notNullValue()).extract().jsonPath();
        JsonPath two = given().queryParam("size", 2).queryParam("page", 2).when().get("/api/v1/links").then()
                .statusCode(200).extract().jsonPath();
        JsonPath after = given().queryParam("size", 2).queryParam("after", one.getString("cursor")).when()
                .get("/api/v1/links").then().statusCode(200)
                .body("page", nullValue()).body("total", is(one.getInt("total")))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).extract().jsonPath();
        assertThat(after.getList("items.id", Integer.class)).hasSize(2)
                .isEqualTo(two.getList("items.id", Integer.class));
        assertThat(after.getList("items.id", Integer.class).get(0))
                .isGreaterThan(one.getList("items.id", Integer.class).get(1));

        given().queryParam("after", "not-a-cursor").when().get("/api/v1/links").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("after"));
        given().queryParam("after", one.getString("cursor")).queryParam("page", 2).when().get("/api/v1/links").then()
                .statusCode(400).body("errors[0].field", is("page"));
    }

    @Test
    void shouldCountAnEventOnceInDeduplicatedListsAndStatistics() {
        String tag = Fixtures.unique("dedupe").replace(" ", "-").toLowerCase();
        long gtd = dataset(tag + " gtd", "GTD", tag, "{\"low\": 5, \"best\": 7, \"high\": 9}");
        long acled = dataset(tag + " acled", "ACLED", tag, "{\"low\": 6, \"best\": 6, \"high\": 6}");
        long ucdp = dataset(tag + " ucdp", "UCDP", tag, "{\"low\": 4, \"best\": 8, \"high\": null}");
        long alone = dataset(tag + " alone", "ACLED", tag, "{\"low\": 1, \"best\": 1, \"high\": 1}");
        link(gtd, acled, "SAME_EVENT").statusCode(201);
        int ucdpLink = link(ucdp, gtd, "SAME_EVENT").statusCode(201).extract().path("id");

        given().queryParam("tag", tag).when().get("/api/v1/incidents").then().statusCode(200).body("total", is(4));
        given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("sort", "title").when()
                .get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(2)).body("items.id", containsInAnyOrder((int) acled, (int) alone))
                .body("items.find { it.id == %d }.sameAs".formatted(acled), contains((int) gtd, (int) ucdp))
                .body("items.find { it.id == %d }.sameAs".formatted(alone), hasSize(0))
                .body("items.find { it.id == %d }.dataset".formatted(acled), is("ACLED"));
        // The event: low the smallest known low (4), best the shown (ACLED) incident's (6), high unknown (UCDP's).
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then()
                .statusCode(200).body("rows[0].incidents", is(2))
                .body("rows[0].killed.low", is(5)).body("rows[0].killed.best", is(7)).body("rows[0].killed.high", nullValue());
        given().queryParam("tag", tag).when().get("/api/v1/stats/incidents").then()
                .body("rows[0].incidents", is(4)).body("rows[0].killed.best", is(22));
        // Exports say the same: CSV gets a sameAs column (only when deduplicated), GeoJSON a sameAs property.
        String csv = given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("format", "csv")
                .queryParam("sort", "id").when().get("/api/v1/incidents").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith(",updatedAt,sameAs,eventKilledLow,eventKilledBest,eventKilledHigh,"
                + "eventInjuredLow,eventInjuredBest,eventInjuredHigh");
        // the event counts for 4 / 6 / unknown high (UCDP has none); the incident alone for its own 1 / 1 / 1
        assertThat(lines.stream().filter(l -> l.startsWith(acled + ",")).findFirst().orElseThrow())
                .endsWith("," + gtd + "; " + ucdp + ",4,6,,,,");
        assertThat(lines.stream().filter(l -> l.startsWith(alone + ",")).findFirst().orElseThrow())
                .endsWith(",,1,1,1,,,");
        assertThat(given().queryParam("tag", tag).queryParam("format", "csv").queryParam("size", 10).when()
                .get("/api/v1/incidents").then().statusCode(200).extract().asString().lines().findFirst().orElseThrow())
                .endsWith(",updatedAt");
        given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("format", "geojson").when()
                .get("/api/v1/incidents").then().statusCode(200).body("features", hasSize(2))
                .body("features.find { it.id == %d }.properties.sameAs".formatted(acled), contains((int) gtd, (int) ucdp))
                .body("features.find { it.id == %d }.properties.sameAs".formatted(alone), hasSize(0))
                .body("features.find { it.id == %d }.properties.eventKilled".formatted(acled), is(6));
        given().queryParam("tag", tag).queryParam("format", "geojson").when().get("/api/v1/incidents").then()
                .statusCode(200).body("features", hasSize(4))
                .body("features[0].properties.containsKey('sameAs')", is(false));

        // Rejecting the UCDP link takes UCDP out of the event: now two events and UCDP alone.
        given().contentType("application/merge-patch+json").body("{\"status\": \"REJECTED\"}").when()
                .patch("/api/v1/links/" + ucdpLink).then().statusCode(200);
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then()
                .body("rows[0].incidents", is(3)).body("rows[0].killed.low", is(10))
                .body("rows[0].killed.best", is(15)).body("rows[0].killed.high", nullValue());
        given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("count", "exact").when()
                .get("/api/v1/incidents").then().body("total", is(3));

        // Deleting the shown incident: the GTD one is shown for what is left of the event, alone.
        given().when().delete("/api/v1/incidents/" + acled).then().statusCode(204);
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/incidents").then()
                .body("items.id", containsInAnyOrder((int) gtd, (int) ucdp, (int) alone))
                .body("items.find { it.id == %d }.sameAs".formatted(gtd), hasSize(0));
        // The link went with the incident; the other end's history says so.
        given().when().get("/api/v1/incidents/" + gtd + "/history").then()
                .body("items[-1].operation", is("DELETE")).body("items[-1].link.otherIncident", is((int) acled))
                .body("items[-1].author", is("admin"));
        given().when().get("/api/v1/incidents/" + gtd + "/links").then().body("relation", contains("SAME_EVENT"))
                .body("[0].status", is("REJECTED"));
        given().queryParam("dedupe", "all").when().get("/api/v1/incidents").then().statusCode(400)
                .body("errors[0].field", is("dedupe"));
    }

    /**
     * An event's figure is one triple with low <= best <= high: the best of the first member in the priority that
     * knows it (not dropped because the shown incident does not know), the low never above it, the high never below.
     */
    @Test
    void shouldGiveAnEventOneOrderedTripleFromTheFirstMemberThatKnows() {
        String tag = Fixtures.unique("triple").replace(" ", "-").toLowerCase();
        long entered = Fixtures.createdId("/api/v1/incidents", """
                {"title": "%s entered", "type": "air-drone-strike", "startDate": "2023-03-04",
                 "location": {"countryCode": "IRQ"}, "tags": ["%s"]}""".formatted(tag, tag));
        long ucdp = dataset(tag + " ucdp", "UCDP", tag, "{\"low\": 60, \"best\": 67, \"high\": 70}");
        long acled = dataset(tag + " acled", "ACLED", tag, "{\"low\": 73, \"best\": 73, \"high\": 73}");
        link(entered, ucdp, "SAME_EVENT").statusCode(201);
        link(ucdp, acled, "SAME_EVENT").statusCode(201);

        // Shown: the incident entered through the API (first in the priority), which knows no figure. ACLED comes
        // before UCDP in the priority and knows 73: the event's best; UCDP's 60 is the low, ACLED's 73 the high.
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/incidents").then()
                .statusCode(200).body("items.id", contains((int) entered))
                .body("items[0].casualtySummary.killed", nullValue())
                .body("items[0].eventCasualties.killed.low", is(60)).body("items[0].eventCasualties.killed.best", is(73))
                .body("items[0].eventCasualties.killed.high", is(73)).body("items[0].eventCasualties.injured", nullValue());
        String ndjson = given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("format", "ndjson")
                .when().get("/api/v1/incidents").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(ndjson.lines().findFirst().orElseThrow()).getInt("eventCasualties.killed.best"))
                .isEqualTo(73);
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then()
                .statusCode(200).body("rows[0].incidents", is(1)).body("rows[0].killedUnknown", is(0))
                .body("rows[0].killed.low", is(60)).body("rows[0].killed.best", is(73))
                .body("rows[0].killed.high", is(73));
        // By year over Iraq (from the roll-up and its corrections) the event adds the same triple.
        int low = given().queryParam("country", "IRQ").queryParam("from", "2023-01-01").queryParam("to", "2023-12-31")
                .queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then().statusCode(200)
                .extract().path("rows[0].killed.low");
        int best = given().queryParam("country", "IRQ").queryParam("from", "2023-01-01")
                .queryParam("to", "2023-12-31").queryParam("dedupe", "events").when().get("/api/v1/stats/incidents")
                .then().extract().path("rows[0].killed.best");
        assertThat(low).isLessThanOrEqualTo(best);

        // Without ACLED's figure the event's best is UCDP's, and its high UCDP's too.
        given().contentType("application/merge-patch+json").body("{\"casualties\": []}").when()
                .patch("/api/v1/incidents/" + acled).then().statusCode(200);
        assertUcdpTriple(tag);

        // Rows computed by the older rule (no best): the next start recomputes every event, and its corrections.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update incident_event set killed_best = null, injured_best = null").executeUpdate();
            em.createNativeQuery("update projection_rules set version = 1 where name = 'events'").executeUpdate();
        });
        events.onStart(new StartupEvent());
        assertUcdpTriple(tag);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from projection_rules where name = 'events'").getSingleResult()).intValue()))
                .isEqualTo(EventFigures.RULES);
    }

    private static void assertUcdpTriple(String tag) {
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then()
                .body("rows[0].killed.low", is(60)).body("rows[0].killed.best", is(67))
                .body("rows[0].killed.high", is(70)).body("rows[0].killedUnknown", is(0));
    }

    /** An incident imported from a dataset (its external reference says which). */
    static long dataset(String title, String dataset, String tag) {
        return dataset(title, dataset, tag, null);
    }

    static long dataset(String title, String dataset, String tag, String killed) {
        return Fixtures.createdId("/api/v1/incidents", """
                {"title": "%s", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "location": {"countryCode": "IRQ", "latitude": 33.3152, "longitude": 44.3661},
                 "externalRefs": [{"dataset": "%s", "externalId": "%s"}]%s%s}""".formatted(title, dataset,
                java.util.UUID.randomUUID(), tag == null ? "" : ", \"tags\": [\"" + tag + "\"]",
                killed == null ? "" : ", \"casualties\": [{\"category\": \"ALL\", \"killed\": " + killed + "}]"));
    }
}
