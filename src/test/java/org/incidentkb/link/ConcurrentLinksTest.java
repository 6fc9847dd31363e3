package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Editors linking, confirming, rejecting and unlinking the same incidents at once, while matching runs over them one
 * after another: no answer is a 5xx (link writes take turns; a conflict is a 404/409 with nothing written), no run
 * fails, and afterwards the events the service counts are exactly the groups the SAME_EVENT links
 * that are not rejected make.
 */
@QuarkusTest
class ConcurrentLinksTest {

    private static final int INCIDENTS = 14;
    private static final int CLIENTS = 12;
    private static final int WRITES_EACH = 30;

    /** A day no other test uses, so that the matching runs here see only these incidents. */
    private static final String DAY = "1999-07-04";

    /** Records of two datasets a few hundred metres apart: matching proposes links among them. */
    private static long incident(String title, String tag, int i) {
        return Fixtures.createdId("/api/v1/incidents", """
                {"title": "%s", "type": "air-drone-strike", "startDate": "%s",
                 "location": {"countryCode": "IRQ", "latitude": %s, "longitude": 44.40}, "tags": ["%s"],
                 "externalRefs": [{"dataset": "%s", "externalId": "%s"}]}""".formatted(title, DAY,
                33.30 + i * 0.003, tag, i % 2 == 0 ? "ACLED" : "UCDP", tag + "-" + i));
    }

    /** Matching runs over the day, one after another, until told to stop; returns how they ended. */
    private static List<String> matchingRuns(java.util.concurrent.atomic.AtomicBoolean stop) {
        List<String> ended = new ArrayList<>();
        while (!stop.get()) {
            var started = given().contentType(ContentType.JSON).body("""
                    {"from": "%s", "to": "%s"}""".formatted(DAY, DAY)).when().post("/api/v1/matching").then()
                    .extract();
            if (started.statusCode() != 202) {
                ended.add(String.valueOf(started.statusCode()));
                continue;
            }
            String location = started.header("Location");
            String state;
            do {
                pause();
                state = given().when().get(location).then().statusCode(200).extract().path("state");
            } while (!state.equals("DONE") && !state.equals("FAILED"));
            ended.add(state);
        }
        return ended;
    }

    @Test
    void shouldKeepEventsEqualToTheLinksUnderConcurrentLinkWrites() throws Exception {
        String tag = Fixtures.unique("concurrent-links").replace(" ", "-").toLowerCase();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            ids.add(incident(tag + " " + i, tag, i));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService matcher = Executors.newSingleThreadExecutor();
        Future<List<String>> runs = matcher.submit(() -> matchingRuns(stop));
        List<Integer> linkIds = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(c);
                clients.add(pool.submit(() -> {
                    for (int w = 0; w < WRITES_EACH; w++) {
                        int status = write(random, ids, linkIds);
                        answers.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        List<String> ended = runs.get();
        matcher.shutdown();
        // Link writes take turns on the events' lock: none collides, so none is even a 503.
        assertThat(answers.keySet()).as("answers %s", answers).allMatch(s -> s < 500).contains(201);
        assertThat(ended).as("matching runs beside the editors").isNotEmpty().doesNotContain("FAILED");

        Set<Set<Long>> expected = groupsOfLinks(ids);
        Set<Set<Long>> shown = new HashSet<>();
        JsonPath page = given().queryParam("tag", tag).queryParam("dedupe", "events").queryParam("size", 500).when()
                .get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            Set<Long> event = new HashSet<>();
            event.add(((Number) item.get("id")).longValue());
            ((List<?>) item.get("sameAs")).forEach(m -> event.add(((Number) m).longValue()));
            shown.add(event);
        }
        assertThat(shown).as("events the list shows, against the links (answers %s)", answers)
                .isEqualTo(expected);
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/stats/incidents").then()
                .statusCode(200).body("rows[0].incidents", org.hamcrest.Matchers.is(expected.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One editor's write: a new SAME_EVENT link, a decision on a link, or an unlink; returns the status. */
    private static int write(Random random, List<Long> ids, List<Integer> linkIds) {
        int op = random.nextInt(4);
        if (op <= 1 || linkIds.isEmpty()) {
            long from = ids.get(random.nextInt(ids.size()));
            long to = ids.get(random.nextInt(ids.size()));
            if (from == to) {
                to = ids.get((ids.indexOf(from) + 1) % ids.size());
            }
            var response = given().contentType(ContentType.JSON).body("""
                    {"to": {"id": %d}, "relation": "SAME_EVENT"}""".formatted(to)).when()
                    .post("/api/v1/incidents/" + from + "/links").then().extract();
            if (response.statusCode() == 201) {
                linkIds.add(response.path("id"));
            }
            return response.statusCode();
        }
        int link = linkIds.get(random.nextInt(linkIds.size()));
        if (op == 2) {
            String status = random.nextBoolean() ? "REJECTED" : "CONFIRMED";
            return given().contentType("application/merge-patch+json").body("{\"status\": \"" + status + "\"}").when()
                    .patch("/api/v1/links/" + link).then().extract().statusCode();
        }
        return given().when().delete("/api/v1/links/" + link).then().extract().statusCode();
    }

    /** The groups the SAME_EVENT links that are not rejected make among the incidents, singletons included. */
    private static Set<Set<Long>> groupsOfLinks(List<Long> ids) {
        Map<Long, Long> parent = new HashMap<>();
        ids.forEach(id -> parent.put(id, id));
        for (long id : ids) {
            JsonPath links = given().when().get("/api/v1/incidents/" + id + "/links").then().statusCode(200).extract()
                    .jsonPath();
            for (Map<String, Object> link : links.<Map<String, Object>>getList("$")) {
                if ("SAME_EVENT".equals(link.get("relation")) && !"REJECTED".equals(link.get("status"))) {
                    long from = ((Number) ((Map<?, ?>) link.get("from")).get("id")).longValue();
                    long to = ((Number) ((Map<?, ?>) link.get("to")).get("id")).longValue();
                    parent.put(root(parent, from), root(parent, to));
                }
            }
        }
        Map<Long, Set<Long>> groups = new HashMap<>();
        ids.forEach(id -> groups.computeIfAbsent(root(parent, id), k -> new HashSet<>()).add(id));
        return new HashSet<>(groups.values());
    }

    private static long root(Map<Long, Long> parent, long id) {
        long r = id;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        return r;
    }
}
