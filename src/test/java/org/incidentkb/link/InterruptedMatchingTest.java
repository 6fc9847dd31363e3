package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A matching run killed (kill -9) between writing a chunk of its links and recomputing the events leaves links the
 * events do not follow; the next start repairs that before it marks the run failed.
 */
@QuarkusTest
class InterruptedMatchingTest {

    @Inject
    EntityManager em;

    @Inject
    MatchingService matching;

    @Test
    void shouldRecomputeTheEventsAtStartWhenARunWasKilledAfterWritingLinks() {
        String tag = Fixtures.unique("killed-run").replace(" ", "-").toLowerCase();
        long a = incident(tag, "a");
        long b = incident(tag, "b");
        long c = incident(tag, "c");
        String job = UUID.randomUUID().toString();
        // What the killed process left: its run still active, and a chunk of links written without the events.
        QuarkusTransaction.requiringNew().run(() -> {
            MatchingJob running = new MatchingJob(job, new MatchingRequest(5.0, 2, Link.TypeMatch.CATEGORY, null, null, null,
                    null), null, "admin", matching.instanceId(), Instant.now());
            running.started(Instant.now());
            em.persist(running);
            Link link = new Link(a, b, Link.Relation.SAME_EVENT, Link.Status.PROPOSED);
            link.setCreatedBy("admin");
            em.persist(link);
        });
        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(3));

        matching.onStart(null);

        given().queryParam("tag", tag).queryParam("dedupe", "events").when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(2)).body("items.id", containsInAnyOrder((int) Math.min(a, b), (int) c))
                .body("items.find { it.id == %d }.sameAs".formatted(Math.min(a, b)),
                        containsInAnyOrder((int) Math.max(a, b)));
        given().when().get("/api/v1/matching/" + job).then().statusCode(200).body("state", is("FAILED"));
    }

    private static long incident(String tag, String name) {
        return Fixtures.createdId("/api/v1/incidents", """
                {"title": "%s %s", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "location": {"countryCode": "IRQ"}, "tags": ["%s"]}""".formatted(tag, name, tag));
    }
}
