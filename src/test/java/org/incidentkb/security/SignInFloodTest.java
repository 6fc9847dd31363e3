package org.incidentkb.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A flood of failing sign-ins does not starve anonymous reads: password checks hold no database connection and run a
 * bounded number at once. Run with a pool of two connections that gives up after a second, where sign-ins that held
 * a connection through bcrypt made reads answer 503.
 */
@QuarkusTest
@TestProfile(SignInFloodTest.SmallPool.class)
class SignInFloodTest {

    private static final int FLOODERS = 40;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "1s",
                    "kb.security.login.concurrent-checks", "1", "kb.security.login.check-wait", "1s");
        }
    }

    @Test
    void shouldKeepAnsweringAnonymousReadsDuringAFloodOfFailingSignIns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        AtomicBoolean stop = new AtomicBoolean();
        Set<Integer> signInAnswers = ConcurrentHashMap.newKeySet();
        List<Integer> reads = new ArrayList<>();
        try {
            for (int i = 0; i < FLOODERS; i++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        // A new name each time, so the login throttle (per name and address) never steps in.
                        String name = "flood" + UUID.randomUUID().toString().substring(0, 8);
                        signInAnswers.add(given().auth().preemptive().basic(name, "wrong password").when()
                                .get("/api/v1/incidents?size=1").then().extract().statusCode());
                    }
                });
            }
            Thread.sleep(500);
            for (int i = 0; i < 8; i++) {
                reads.add(given().auth().none().when().get("/api/v1/incidents?size=5").then().extract().statusCode());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(reads).containsOnly(200);
        // The sign-ins themselves were refused (401) or, waiting too long for their check, told to come back (503).
        assertThat(signInAnswers).isNotEmpty().isSubsetOf(401, 503);
    }

    @Test
    void shouldAnswerASignInThatWaitedTooLongWithAProblemAndRetryAfter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < FLOODERS; i++) {
                String name = "busy" + UUID.randomUUID().toString().substring(0, 8);
                answers.add(pool.submit(() -> given().auth().preemptive().basic(name, "wrong password").when()
                        .get("/api/v1/users/me")));
            }
            List<io.restassured.response.Response> busy = new ArrayList<>();
            for (var answer : answers) {
                io.restassured.response.Response r = answer.get();
                assertThat(r.statusCode()).isIn(401, 503);
                if (r.statusCode() == 503) {
                    busy.add(r);
                }
            }
            // Forty checks of ~50 ms or more, one at a time, cannot all start within a second.
            assertThat(busy).isNotEmpty();
            io.restassured.response.Response first = busy.get(0);
            assertThat(first.contentType()).startsWith("application/problem+json");
            assertThat(first.header("Retry-After")).isEqualTo("1");
            assertThat(first.jsonPath().getString("type")).isEqualTo("urn:incident-kb:problem:unavailable");
            assertThat(first.jsonPath().getString("detail")).contains("sign-ins");
        } finally {
            pool.shutdownNow();
        }
    }
}
