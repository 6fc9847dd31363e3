package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.incidentkb.common.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Matching across datasets measured against known truth: overlapping ACLED-, UCDP- and GTD-like files
 * ({@link OverlapGenerator}) are imported, then matched in memory over a grid of windows (the README's table) and
 * through POST /matching at 5 km and 2 days, where precision and recall must both reach 0.95.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingTest {

    private static final LocalDate FIRST = LocalDate.of(1995, 1, 1);
    private static final String SCOPE = "\"country\": \"IRQ\", \"from\": \"1994-12-01\", \"to\": \"1998-01-31\"";

    @Inject
    MatchingData data;

    @Inject
    EntityManager em;

    private OverlapGenerator.Truth truth;
    /** Each generated record ("ACLED:GA12") by incident id. */
    private final Map<Long, String> recordOf = new HashMap<>();

    /** Imports the generated files once, on the first test that needs them (the server is up by then). */
    private void importTheFiles() throws IOException {
        if (truth != null) {
            return;
        }
        Path dir = Files.createTempDirectory("overlap");
        String prefix = "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        OverlapGenerator.Truth generated = new OverlapGenerator(7, prefix).write(1500, FIRST, 3, dir);
        GeneratedFiles.importAll(dir);
        recordOf.putAll(GeneratedFiles.records(em, prefix));
        assertThat(recordOf).hasSameSizeAs(generated.eventOf());
        truth = generated;
    }

    private record Quality(double precision, double recall, int proposed) {
    }

    private Quality quality(Set<String> proposed) {
        Set<String> expected = truth.pairs();
        long right = proposed.stream().filter(expected::contains).count();
        return new Quality(proposed.isEmpty() ? 1 : (double) right / proposed.size(),
                (double) right / expected.size(), proposed.size());
    }

    private Set<String> inMemory(double km, int days) throws IOException {
        importTheFiles();
        Matcher.Incidents in = QuarkusTransaction.requiringNew().call(() -> data.load(new MatchingData.Scope("IRQ",
                LocalDate.of(1994, 12, 1), LocalDate.of(1998, 1, 31), null)));
        Matcher.Result result = Matcher.match(in, new Matcher.Windows(km, days, Link.TypeMatch.CATEGORY, MatchingRequest.DEFAULT_MIN_SCORE), Set.of(),
                new byte[in.size()]);
        Set<String> pairs = new HashSet<>();
        for (Matcher.Pair p : result.pairs()) {
            String a = recordOf.get(in.id()[p.a()]);
            String b = recordOf.get(in.id()[p.b()]);
            if (a != null && b != null) {
                pairs.add(OverlapGenerator.pair(a, b));
            }
        }
        return pairs;
    }

    @Test
    void shouldReachPrecisionAndRecallOf95PercentAt5KmAnd2DaysAndReportTheGrid() throws IOException {
        StringBuilder table = new StringBuilder("| window | 0 days | 1 day | 2 days | 3 days |\n|---|---|---|---|---|\n");
        for (int km : List.of(1, 3, 5, 10)) {
            table.append("| ").append(km).append(" km |");
            for (int days = 0; days <= 3; days++) {
                Quality q = quality(inMemory(km, days));
                table.append(String.format(Locale.ROOT, " %.3f / %.3f |", q.precision(), q.recall()));
            }
            table.append('\n');
        }
        Files.writeString(Path.of("target", "matching-quality.md"), "Precision / recall of SAME_EVENT proposals, "
                + truth.eventOf().size() + " records, " + truth.pairs().size() + " true pairs (OverlapGenerator, seed 7)\n\n"
                + table, StandardCharsets.UTF_8);
        System.out.println(table);
        Quality q = quality(inMemory(5, 2));
        assertThat(q.precision()).as("precision at 5 km, 2 days").isGreaterThanOrEqualTo(0.95);
        assertThat(q.recall()).as("recall at 5 km, 2 days").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldProposeThroughTheApiKeepDecisionsAndReplaceOnlyProposals() throws IOException {
        importTheFiles();
        JsonPath first = runToTheEnd("{\"spatialWindowKm\": 5, \"temporalWindowDays\": 2, " + SCOPE + "}");
        assertThat(first.getLong("report.compared")).isPositive();
        Map<String, Integer> links = proposed();
        Quality q = quality(links.keySet());
        assertThat(q.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(first.getLong("report.proposed")).isGreaterThanOrEqualTo(links.size());
        // Counted as events, the scope's incidents shrink by at most one per link.
        long records = total(false);
        long events = total(true);
        assertThat(events).isLessThan(records).isGreaterThanOrEqualTo(records - first.getLong("report.proposed"));

        // Decide two proposals, then run again with other windows: the decisions stay, the rejected pair is not
        // proposed again, and proposals the new windows do not find are removed.
        var pairs = List.copyOf(links.entrySet());
        int confirmed = pairs.get(0).getValue();
        int rejected = pairs.get(1).getValue();
        given().contentType("application/merge-patch+json").body("{\"status\": \"CONFIRMED\"}").when()
                .patch("/api/v1/links/" + confirmed).then().statusCode(200);
        given().contentType("application/merge-patch+json").body("{\"status\": \"REJECTED\"}").when()
                .patch("/api/v1/links/" + rejected).then().statusCode(200);
        JsonPath second = runToTheEnd("{\"spatialWindowKm\": 1, \"temporalWindowDays\": 0, " + SCOPE + "}");
        assertThat(second.getLong("report.kept")).isGreaterThanOrEqualTo(2);
        assertThat(second.getLong("report.removed")).isPositive();
        given().when().get("/api/v1/links/" + confirmed).then().statusCode(200).body("status", is("CONFIRMED"));
        given().when().get("/api/v1/links/" + rejected).then().statusCode(200).body("status", is("REJECTED"));
        Map<String, Integer> after = proposed();
        assertThat(after).doesNotContainKey(pairs.get(1).getKey()).doesNotContainKey(pairs.get(0).getKey());
        assertThat(after.size()).isLessThan(links.size());
        // A proposal found by both runs keeps its link.
        assertThat(after.entrySet()).allMatch(e -> !links.containsKey(e.getKey()) || links.get(e.getKey()).equals(e.getValue()));
        JsonPath history = given().when().get("/api/v1/incidents/" + anyIncidentOf(after) + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.link.relation", String.class)).contains("SAME_EVENT");
    }

    @Inject
    EventGroups events;

    @Test
    void shouldComputeTheSameEventsAfterARunAsLinkByLink() throws IOException {
        importTheFiles();
        runToTheEnd("{\"spatialWindowKm\": 5, \"temporalWindowDays\": 2, " + SCOPE + "}");
        List<String> whole = eventRows();
        assertThat(whole).isNotEmpty();
        List<Long> linked = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select incident_id from incident_event").getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList());
        QuarkusTransaction.requiringNew().run(() -> events.recompute(linked));
        assertThat(eventRows()).isEqualTo(whole);
    }

    @SuppressWarnings("unchecked")
    private List<String> eventRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                "select incident_id, event_id, killed_low, killed_high, injured_low, injured_high from incident_event"
                        + " order by incident_id").getResultList()).stream().map(java.util.Arrays::toString).toList());
    }

    @Test
    void shouldRefuseWindowsOutOfRangeAndASecondRunWhileOneIsGoing() {
        for (String body : List.of("{\"spatialWindowKm\": 101}", "{\"spatialWindowKm\": -1}",
                "{\"temporalWindowDays\": 31}", "{\"typeLevel\": \"GENUS\"}", "{\"country\": \"Atlantis\"}",
                "{\"from\": \"2020-01-02\", \"to\": \"2020-01-01\"}", "{\"minScore\": 1.5}", "{\"minScore\": -0.1}")) {
            given().contentType(ContentType.JSON).body(body).when().post("/api/v1/matching").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        String running = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.persist(new MatchingJob(running,
                new MatchingRequest(null, null, null, null, null, null, null), null, "admin", "elsewhere", Timestamps.now())));
        try {
            given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/matching").then().statusCode(409)
                    .contentType("application/problem+json").header("Location", endsWith("/api/v1/matching/" + running));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.find(MatchingJob.class, running)
                    .end(MatchingJob.State.FAILED, "test", Timestamps.now()));
        }
        String reader = org.incidentkb.Fixtures.user("editor");
        given().auth().preemptive().basic(reader, org.incidentkb.Fixtures.PASSWORD).contentType(ContentType.JSON)
                .body("{}").when().post("/api/v1/matching").then().statusCode(403);
    }

    private static long total(boolean dedupe) {
        return given().queryParam("country", "IRQ").queryParam("from", "1995-01-01").queryParam("to", "1997-12-31")
                .queryParam("count", "exact").queryParam("dedupe", dedupe ? "events" : "none").queryParam("size", 1)
                .when().get("/api/v1/incidents").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static JsonPath runToTheEnd(String body) {
        String location = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/matching").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = given().when().get(location).then().statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return state.equals("DONE");
        });
        return given().when().get(location).then().extract().jsonPath();
    }

    /** The PROPOSED SAME_EVENT links between generated records, by pair. */
    private Map<String, Integer> proposed() {
        Map<String, Integer> out = new HashMap<>();
        for (int page = 1;; page++) {
            JsonPath p = given().queryParam("relation", "SAME_EVENT").queryParam("status", "PROPOSED")
                    .queryParam("size", 500).queryParam("page", page).when().get("/api/v1/links").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = p.getList("items");
            for (Map<String, Object> item : items) {
                String a = recordOf.get(((Number) ((Map<?, ?>) item.get("from")).get("id")).longValue());
                String b = recordOf.get(((Number) ((Map<?, ?>) item.get("to")).get("id")).longValue());
                if (a != null && b != null) {
                    out.put(OverlapGenerator.pair(a, b), (Integer) item.get("id"));
                }
            }
            if (items.size() < 500) {
                return out;
            }
        }
    }

    private long anyIncidentOf(Map<String, Integer> links) {
        String record = links.keySet().iterator().next().split("\\|")[0];
        return recordOf.entrySet().stream().filter(e -> e.getValue().equals(record)).findFirst().orElseThrow().getKey();
    }
}
