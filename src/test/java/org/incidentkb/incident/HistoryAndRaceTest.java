package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryAndRaceTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Test
    void shouldRecordWhoChangedWhatAndKeepTheTrailOfADeletedIncidentForAdmins() {
        String editor = org.incidentkb.Fixtures.user("editor");
        long id = given().auth().preemptive().basic(editor, "a-long-enough-password").contentType(ContentType.JSON)
                .body("""
                        {"title": "Audited", "type": "air-drone-strike", "startDate": "2024-01-04", "tags": ["a"]}""")
                .when().post(INCIDENTS).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().preemptive().basic(editor, "a-long-enough-password").contentType("application/merge-patch+json")
                .body("{\"tags\": [\"b\"], \"summary\": \"More\"}").when().patch(INCIDENTS + "/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 2}").when()
                .post(INCIDENTS + "/" + id + "/casualties").then().statusCode(201);
        long source = org.incidentkb.Fixtures.source(org.incidentkb.Fixtures.unique("Cited"));
        given().when().put(INCIDENTS + "/" + id + "/sources/" + source).then().statusCode(204);
        // A write that changes nothing leaves no revision.
        given().contentType("application/merge-patch+json").body("{\"tags\": [\"b\"]}").when()
                .patch(INCIDENTS + "/" + id).then().statusCode(200);

        given().when().get(INCIDENTS + "/" + id + "/history").then().statusCode(200)
                .body("items.revision", contains(1, 2, 3, 4))
                .body("items.operation", contains("CREATE", "UPDATE", "UPDATE", "UPDATE"))
                .body("items.author", contains(editor, editor, "admin", "admin"))
                .body("items[0].changedFields", hasItems("title", "type", "startDate", "tags"))
                .body("items[1].changedFields", contains("summary", "tags"))
                .body("items[2].changedFields", contains("casualties", "casualtySummary"))
                .body("items[3].changedFields", contains("sources"))
                .body("items[0].at", notNullValue());

        given().when().delete(INCIDENTS + "/" + id).then().statusCode(204);
        given().when().get(INCIDENTS + "/" + id + "/history").then().statusCode(200)
                .body("items.operation", contains("CREATE", "UPDATE", "UPDATE", "UPDATE", "DELETE"))
                .body("items[4].author", is("admin"));
        given().auth().preemptive().basic(editor, "a-long-enough-password").when()
                .get(INCIDENTS + "/" + id + "/history").then().statusCode(404).contentType("application/problem+json");
        given().auth().none().when().get(INCIDENTS + "/" + id + "/history").then().statusCode(404);
        given().when().get(INCIDENTS + "/987654321/history").then().statusCode(404);
    }

    @Test
    void shouldRecordImportsUnderTheUserWhoRanThem() {
        String ref = Fixtures.unique("imp").replace(' ', '-');
        String row = """
                {"title": "Imported %s", "category": "battles", "startDate": "2020-01-01", "externalRefs": [{"dataset": "HIST", "externalId": "%s"}]}
                """;
        given().contentType("application/x-ndjson").body(row.formatted("once", ref).getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("format", "ndjson")
                .when().post("/api/v1/imports").then().statusCode(201).body("report.created", is(1));
        given().contentType("application/x-ndjson").body(row.formatted("twice", ref).getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("format", "ndjson")
                .when().post("/api/v1/imports").then().statusCode(201).body("report.updated", is(1));
        long id = given().queryParam("externalRef", "HIST:" + ref).when().get(INCIDENTS).then().statusCode(200)
                .body("items[0].title", is("Imported twice")).extract().jsonPath().getLong("items[0].id");
        given().when().get(INCIDENTS + "/" + id).then().body("title", is("Imported twice")).body("version", is(1));
        given().when().get(INCIDENTS + "/" + id + "/history").then().statusCode(200)
                .body("items.operation", contains("CREATE", "UPDATE")).body("items.author", contains("admin", "admin"))
                .body("items[1].changedFields", contains("title"));
    }

    private static List<Integer> race(int n, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGiveExactlyOneWinnerTo412ForRacingIfMatchWrites() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = Fixtures.incident(Fixtures.unique("Raced"));
            List<Integer> statuses = race(8, () -> given().contentType("application/merge-patch+json")
                    .header("If-Match", "\"0\"").body("{\"summary\": \"" + Thread.currentThread().getName() + "\"}")
                    .when().patch(INCIDENTS + "/" + id).then().extract().statusCode());
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            given().when().get(INCIDENTS + "/" + id).then().body("version", is(1));
        }
    }

    @Test
    void shouldNeverAnswer500WhenDeletesRaceWithWrites() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = Fixtures.incident(Fixtures.unique("Deleted while patched"));
            List<Integer> statuses = race(6, () -> {
                String name = Thread.currentThread().getName();
                int pick = Math.floorMod(name.hashCode(), 3);
                if (pick == 0) {
                    return given().when().delete(INCIDENTS + "/" + id).then().extract().statusCode();
                } else if (pick == 1) {
                    return given().contentType("application/merge-patch+json").body("{\"summary\": \"x\"}").when()
                            .patch(INCIDENTS + "/" + id).then().extract().statusCode();
                }
                return given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 1}").when()
                        .post(INCIDENTS + "/" + id + "/casualties").then().extract().statusCode();
            });
            assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 204, 404, 409, 412));
        }
    }

    @Test
    void shouldCreateOnlyOneIncidentForParallelPostsWithTheSameExternalReference() throws Exception {
        String ref = Fixtures.unique("r").replace(' ', '-');
        List<Integer> statuses = race(10, () -> given().contentType(ContentType.JSON).body("""
                {"title": "Twin", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "externalRefs": [{"dataset": "RACE", "externalId": "%s"}]}""".formatted(ref))
                .when().post(INCIDENTS).then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        given().queryParam("externalRef", "RACE:" + ref).when().get(INCIDENTS).then().body("total", is(1));
    }

    @Test
    void shouldKeepListColumnsUnambiguousAndOfferCsvAsADownload() {
        String tag = Fixtures.unique("sep").replace(' ', '-');
        long source = Fixtures.source("SECURITY; Vol. 10 \\\\ " + tag); // JSON text: a backslash
        given().contentType(ContentType.JSON).body("""
                {"title": "Separators", "type": "air-drone-strike", "startDate": "2024-01-04", "tags": ["%s", "a;b"],
                 "sources": [{"id": 1}, {"id": %d}]}""".formatted(tag, source))
                .when().post(INCIDENTS).then().statusCode(201);
        var response = given().queryParam("tag", tag).queryParam("format", "csv").when().get(INCIDENTS).then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"incidents.csv\"").extract();
        String row = response.asString().split("\r\n")[1];
        assertThat(row).contains("Rudaw; SECURITY\\; Vol. 10 \\\\ " + tag).contains("a\\;b; " + tag);
        given().queryParam("tag", tag).queryParam("format", "ndjson").when().get(INCIDENTS).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"incidents.ndjson\"");
        given().queryParam("format", "csv").when().get("/api/v1/stats/incidents").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"));
    }

    @Test
    void shouldNeutraliseSpreadsheetFormulasInCsv() {
        String tag = Fixtures.unique("csv").replace(' ', '-');
        given().contentType(ContentType.JSON).body("""
                {"title": "=HYPERLINK(\\"http://evil.example\\",\\"click\\")", "summary": "@SUM(A1:A2)",
                 "type": "air-drone-strike", "startDate": "2024-01-04", "tags": ["%s", "+cmd"],
                 "location": {"countryCode": "IRQ", "admin1": "-2+3", "admin2": " =1+1", "locality": "＝1+1"}}""".formatted(tag))
                .when().post(INCIDENTS).then().statusCode(201);
        String csv = given().queryParam("tag", tag).queryParam("format", "csv").when().get(INCIDENTS).then()
                .statusCode(200).extract().asString();
        String row = csv.split("\r\n")[1];
        assertThat(row).contains("'=HYPERLINK(").contains("'-2+3").contains("' =1+1").contains("'＝1+1")
                .doesNotContain(", =").doesNotContain(",＝").doesNotContain(",=").doesNotContain(",+")
                .doesNotContain(",-").doesNotContain(",@").doesNotContain("\"=").doesNotContain("\"@");
    }
}
