package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** Finding actors that are one group under two names, and merging them. */
@QuarkusTest
class ActorMergeTest {

    private static long actor(String body) {
        return Fixtures.createdId("/api/v1/actors", body);
    }

    @Test
    void shouldListActorsWhoseNamesAgreeOnceNormalised() {
        String run = Fixtures.unique("Zq").replace(" ", "");
        long a = actor("{\"name\": \"Brigade of %s\", \"kind\": \"MILITIA\"}".formatted(run));
        long b = actor("{\"name\": \"BRIGADE OF %s (Iraq)\", \"kind\": \"MILITIA\", \"aliases\": [\"B%s\"]}".formatted(run, run));
        JsonPath pairs = given().queryParam("minScore", "0.9").queryParam("limit", "1000").when()
                .get("/api/v1/actors/duplicates").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = pairs.getList("items.findAll { it.a.id == " + a + " && it.b.id == " + b + " }.score");
        assertThat(ids).as("the pair, scored").hasSize(1);
        assertThat(pairs.getList("items.findAll { it.a.id == " + a + " && it.b.id == " + b + " }[0].reasons",
                String.class)).contains("SAME_NORMALISED_NAME");
        given().queryParam("minScore", "2").when().get("/api/v1/actors/duplicates").then().statusCode(400)
                .body("errors[0].field", is("minScore"));
    }

    @Test
    void shouldMoveEveryReferenceAndKeepTheOldNameAsAnAlias() {
        String run = Fixtures.unique("Merge");
        long stays = Fixtures.actor("Stays " + run);
        long gone = actor("{\"name\": \"Gone %s\", \"kind\": \"MILITIA\", \"aliases\": [\"Old alias %s\"]}"
                .formatted(run, run));
        long member = actor("{\"name\": \"Member %s\", \"kind\": \"MILITIA\", \"parent\": {\"id\": %d}}"
                .formatted(run, gone));
        long incident = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Merged %s", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}, {"actor": {"id": %d}, "role": "TARGET"}],
                 "claims": [{"actor": {"id": %d}, "stance": "CLAIMED"}]}""".formatted(run, gone, stays, gone));
        int version = given().when().get("/api/v1/incidents/" + incident).then().extract().path("version");

        given().contentType(ContentType.JSON).body("{\"into\": {\"id\": %d}}".formatted(stays)).when()
                .post("/api/v1/actors/" + gone + "/merge").then().statusCode(200)
                .body("id", is((int) stays)).body("aliases", hasItems("Gone " + run, "Old alias " + run));

        given().when().get("/api/v1/actors/" + gone).then().statusCode(404);
        given().when().get("/api/v1/actors/" + member).then().body("parent.id", is((int) stays));
        given().when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("version", is(version + 1))
                .body("actors.find { it.role == 'PERPETRATOR' }.actor.id", is((int) stays))
                .body("claims[0].actor.id", is((int) stays));
        given().when().get("/api/v1/incidents/" + incident + "/history").then()
                .body("items[-1].operation", is("UPDATE")).body("items[-1].changedFields", hasItem("actors"));
        given().queryParam("perpetrator", "Gone " + run).when().get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", hasItem((int) incident));
    }

    /** Editors busy on the actor's incidents make the merge wait its turn, never fail: it locks them first. */
    @Test
    void shouldMergeWhileItsIncidentsAreEditedAllTheTime() throws Exception {
        String run = Fixtures.unique("Busy merge");
        long stays = Fixtures.actor("Stays " + run);
        long gone = Fixtures.actor("Gone " + run);
        java.util.List<Long> incidents = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            incidents.add(Fixtures.createdId("/api/v1/incidents", """
                    {"title": "Busy %s %d", "type": "air-drone-strike", "startDate": "2024-01-04",
                     "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}]}""".formatted(run, i, gone)));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService editors = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicInteger edits = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (long incident : incidents) {
                editors.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        int status = given().contentType("application/merge-patch+json")
                                .body("{\"summary\": \"edit " + n + "\"}").when()
                                .patch("/api/v1/incidents/" + incident).then().extract().statusCode();
                        if (status == 200) {
                            edits.incrementAndGet();
                        }
                    }
                });
            }
            org.awaitility.Awaitility.await().until(() -> edits.get() >= 8);
            given().contentType(ContentType.JSON).body("{\"into\": {\"id\": %d}}".formatted(stays)).when()
                    .post("/api/v1/actors/" + gone + "/merge").then().statusCode(200).body("id", is((int) stays));
        } finally {
            stop.set(true);
            editors.shutdown();
            editors.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        for (long incident : incidents) {
            given().when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                    .body("actors[0].actor.id", is((int) stays));
        }
        given().when().get("/api/v1/actors/" + gone).then().statusCode(404);
    }

    @Test
    void shouldRefuseASelfMergeAndAMergeIntoAMemberAndChangeNothing() {
        String run = Fixtures.unique("Cycle");
        long parent = Fixtures.actor("Parent " + run);
        long member = actor("{\"name\": \"Member %s\", \"kind\": \"MILITIA\", \"parent\": {\"id\": %d}}"
                .formatted(run, parent));
        given().contentType(ContentType.JSON).body("{\"into\": {\"id\": %d}}".formatted(parent)).when()
                .post("/api/v1/actors/" + parent + "/merge").then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"into\": {\"id\": %d}}".formatted(member)).when()
                .post("/api/v1/actors/" + parent + "/merge").then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"into\": {}}").when()
                .post("/api/v1/actors/" + parent + "/merge").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"into\": {\"id\": 999999999}}").when()
                .post("/api/v1/actors/" + parent + "/merge").then().statusCode(400);
        given().when().get("/api/v1/actors/" + parent).then().statusCode(200).body("name", is("Parent " + run))
                .body("version", is(0));
        given().when().get("/api/v1/actors/" + member).then().statusCode(200).body("parent.id", is((int) parent))
                .body("version", is(0));
        String reader = Fixtures.user("reader");
        given().auth().preemptive().basic(reader, Fixtures.PASSWORD).contentType(ContentType.JSON)
                .body("{\"into\": {\"id\": %d}}".formatted(member)).when().post("/api/v1/actors/" + parent + "/merge")
                .then().statusCode(403);
    }
}
