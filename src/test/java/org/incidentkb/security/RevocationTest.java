package org.incidentkb.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A user that loses its rights (deleted, demoted, its password changed) loses them from the moment that change is
 * answered: no request of it that starts afterwards is let in, however many of its requests were running while the
 * change was made (they must not refill a cache with the old state), and on every instance sharing the database.
 */
@QuarkusTest
class RevocationTest {

    private static final int CLIENTS = 12;
    private static final int ROUNDS = 4;

    @Inject
    UserRepository users;

    /** One request a revoked user's client sends: when it started, and the answer. */
    record Attempt(long startedAt, int status) {
    }

    private static long idOf(String name) {
        return given().when().get("/api/v1/users?size=500").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.username == '" + name + "' }.id");
    }

    /**
     * Runs {@code CLIENTS} clients sending {@code request} as the user until a while after {@code revoke} was
     * answered, and returns the attempts that started after that answer.
     */
    private static List<Attempt> attemptsAfter(Runnable revoke, Function<Integer, Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                pool.submit(() -> {
                    running.countDown();
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        attempts.add(new Attempt(started, request.apply(client).statusCode()));
                    }
                });
            }
            running.await();
            Thread.sleep(150);
            revoke.run();
            long answeredAt = System.nanoTime();
            // Until every client has had answers to requests it sent after that (or 15 s).
            long deadline = answeredAt + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && attemptsSince(attempts, answeredAt) < 2L * CLIENTS) {
                Thread.sleep(50);
            }
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            synchronized (attempts) {
                return attempts.stream().filter(a -> a.startedAt() > answeredAt).toList();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long attemptsSince(List<Attempt> attempts, long since) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.startedAt() > since).count();
        }
    }

    @Test
    void shouldRefuseADeletedAdminFromTheMomentItsDeletionIsAnswered() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String admin = Fixtures.user("admin");
            long id = idOf(admin);
            given().auth().preemptive().basic(admin, Fixtures.PASSWORD).when().get("/api/v1/users/me").then()
                    .statusCode(200);
            List<Attempt> after = attemptsAfter(
                    () -> given().when().delete("/api/v1/users/" + id).then().statusCode(204),
                    client -> given().auth().preemptive().basic(admin, Fixtures.PASSWORD).contentType(ContentType.JSON)
                            .body("""
                                    {"username": "%s", "password": "%s", "roles": ["admin"]}"""
                                    .formatted("x" + UUID.randomUUID().toString().substring(0, 8), Fixtures.PASSWORD))
                            .when().post("/api/v1/users"));
            // Refused as a wrong sign-in, or (the same client keeps trying) as a locked one; never let in.
            assertThat(after).as("round %d: requests sent after the deletion was answered", round).isNotEmpty()
                    .extracting(Attempt::status).isSubsetOf(401, 429);
        }
    }

    @Test
    void shouldNotLetADemotedAdminPromoteItselfBack() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String admin = Fixtures.user("admin");
            long id = idOf(admin);
            List<Attempt> after = attemptsAfter(
                    () -> given().contentType(ContentType.JSON).body("{\"roles\": [\"reader\"]}").when()
                            .put("/api/v1/users/" + id + "/roles").then().statusCode(200),
                    client -> given().auth().preemptive().basic(admin, Fixtures.PASSWORD).contentType(ContentType.JSON)
                            .body("{\"roles\": [\"admin\"]}").when().put("/api/v1/users/" + id + "/roles"));
            assertThat(after).as("round %d", round).isNotEmpty().extracting(Attempt::status).doesNotContain(200);
            given().when().get("/api/v1/users/" + id).then().statusCode(200).body("roles", contains("reader"));
        }
    }

    @Test
    void shouldRefuseTheOldPasswordFromTheMomentTheChangeIsAnswered() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String user = Fixtures.user("editor");
            List<Attempt> after = attemptsAfter(
                    () -> given().auth().preemptive().basic(user, Fixtures.PASSWORD).contentType(ContentType.JSON)
                            .body("""
                                    {"currentPassword": "%s", "newPassword": "another-long-password"}"""
                                    .formatted(Fixtures.PASSWORD))
                            .when().put("/api/v1/users/me/password").then().statusCode(204),
                    client -> given().auth().preemptive().basic(user, Fixtures.PASSWORD).when()
                            .get("/api/v1/users/me"));
            assertThat(after).as("round %d", round).isNotEmpty().extracting(Attempt::status).isSubsetOf(401, 429);
            // The new password works (once the lock the old one's failures earned from this address has passed).
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> given().auth()
                    .preemptive().basic(user, "another-long-password").when().get("/api/v1/users/me").statusCode() == 200);
        }
    }

    @Test
    void shouldRefuseAUserDeletedThroughAnotherInstance() {
        String editor = Fixtures.user("editor");
        given().auth().preemptive().basic(editor, Fixtures.PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(200);
        // Another instance sharing the database deletes it: this one's memory of the sign-in is not told.
        QuarkusTransaction.requiringNew().run(() -> users.delete("usernameKey", editor.toLowerCase()));
        given().auth().preemptive().basic(editor, Fixtures.PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(401).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("urn:incident-kb:problem:unauthorized"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"));
    }

    @Test
    void shouldApplyARoleChangeMadeThroughAnotherInstanceAtOnce() {
        String editor = Fixtures.user("editor");
        given().auth().preemptive().basic(editor, Fixtures.PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(200).body("roles", containsInAnyOrder("reader", "editor"));
        QuarkusTransaction.requiringNew().run(() -> users.findByName(editor).orElseThrow()
                .setRoles(java.util.Set.of("reader")));
        given().auth().preemptive().basic(editor, Fixtures.PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(200).body("roles", contains("reader"));
        given().auth().preemptive().basic(editor, Fixtures.PASSWORD).contentType(ContentType.JSON)
                .body("{\"name\": \"" + Fixtures.unique("Refused") + "\", \"kind\": \"OTHER\"}").when()
                .post("/api/v1/actors").then().statusCode(403);
    }
}
