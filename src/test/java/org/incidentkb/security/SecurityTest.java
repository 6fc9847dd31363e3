package org.incidentkb.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;
import org.incidentkb.Fixtures;
import org.incidentkb.SignedIn;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    private static final String PASSWORD = Fixtures.PASSWORD;

    static String user(String role) {
        return Fixtures.user(role);
    }

    private static String incidentBody(String title) {
        return """
                {"title": "%s", "type": "air-drone-strike", "startDate": "2024-01-04", "location": {"countryCode": "IRQ"}}"""
                .formatted(title);
    }

    private static void assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", is(status))
                .body("title", notNullValue()).body("detail", notNullValue())
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldLetAnyoneReadButRefuseAnonymousWritesWith401Problem() {
        long id = Fixtures.incident(Fixtures.unique("Public"));
        given().auth().none().when().get("/api/v1/incidents/" + id).then().statusCode(200).body("id", is((int) id));
        long before = Fixtures.count("/api/v1/incidents");
        var response = given().auth().none().contentType(ContentType.JSON).body(incidentBody("anonymous"))
                .when().post("/api/v1/incidents").then();
        assertProblem(response, 401);
        response.header("WWW-Authenticate", containsString("Basic"));
        assertProblem(given().auth().none().when().delete("/api/v1/incidents/" + id).then(), 401);
        assertProblem(given().auth().none().contentType("text/csv").body("eventid\n1\n")
                .when().post("/api/v1/imports?format=gtd").then(), 401);
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
        given().when().get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void shouldLetEditorsWriteButNotDelete() {
        String editor = user("editor");
        long id = given().auth().preemptive().basic(editor, PASSWORD).contentType(ContentType.JSON)
                .body(incidentBody("by an editor")).when().post("/api/v1/incidents")
                .then().statusCode(201).body("title", is("by an editor")).extract().jsonPath().getLong("id");
        assertProblem(given().auth().preemptive().basic(editor, PASSWORD).when().delete("/api/v1/incidents/" + id)
                .then(), 403);
        assertProblem(given().auth().preemptive().basic(editor, PASSWORD).when().get("/api/v1/users").then(), 403);
        given().when().get("/api/v1/incidents/" + id).then().statusCode(200);
        given().when().delete("/api/v1/incidents/" + id).then().statusCode(204);
    }

    @Test
    void shouldRefuseWritesOfReadersWith403() {
        String reader = user("reader");
        assertProblem(given().auth().preemptive().basic(reader, PASSWORD).contentType(ContentType.JSON)
                .body(incidentBody("by a reader")).when().post("/api/v1/incidents").then(), 403);
        given().auth().preemptive().basic(reader, PASSWORD).when().get("/api/v1/users/me").then().statusCode(200)
                .body("username", is(reader)).body("roles", equalTo(java.util.List.of("reader")))
                .body("scheme", is("basic"));
    }

    @Test
    void shouldRefuseAWrongPasswordWith401EvenOnReads() {
        assertProblem(given().auth().preemptive().basic(SignedIn.ADMIN, "wrong password here").when()
                .get("/api/v1/users/me").then(), 401);
        assertProblem(given().auth().preemptive().basic("nobody-at-all", "wrong password here").when()
                .get("/api/v1/incidents").then(), 401);
    }

    @Test
    void shouldThrottleRepeatedFailedLoginsWith429() {
        String name = user("reader");
        for (int i = 0; i < 5; i++) {
            assertProblem(given().auth().preemptive().basic(name, "guess number " + i).when().get("/api/v1/users/me")
                    .then(), 401);
        }
        var locked = given().auth().preemptive().basic(name, PASSWORD).when().get("/api/v1/users/me").then();
        assertProblem(locked, 429);
        locked.header("Retry-After", notNullValue());
    }

    @Test
    void shouldThrottleGuessesSentAtOnceLikeGuessesSentOneByOne() throws Exception {
        String name = user("reader");
        int guesses = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(guesses);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "parallel guess " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(name, guess).when().get("/api/v1/users/me").then()
                            .extract().statusCode();
                }));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            // Five attempts (kb.security.login.max-failures) were checked; the others were refused unchecked.
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(guesses - 5);
        } finally {
            pool.shutdownNow();
        }
        assertProblem(given().auth().preemptive().basic(name, PASSWORD).when().get("/api/v1/users/me").then(), 429);
    }

    @Test
    void shouldNotLetWhitespaceAroundANameBypassTheThrottle() {
        String name = user("reader");
        // Padded names are nobody's name: refused even with the right password, and counted against the name.
        for (String padded : java.util.List.of(" " + name, name + " ", "\t" + name, " " + name + "  ")) {
            assertProblem(given().auth().preemptive().basic(padded, PASSWORD).when().get("/api/v1/users/me").then(), 401);
        }
        assertProblem(given().auth().preemptive().basic(name, "one more wrong guess").when().get("/api/v1/users/me")
                .then(), 401);
        // Five failures in all: the name is locked from here, however it is padded or cased.
        for (String padded : java.util.List.of(name, " " + name, name + " ", "\t" + name, name.toUpperCase())) {
            assertProblem(given().auth().preemptive().basic(padded, PASSWORD).when().get("/api/v1/users/me").then(), 429);
        }
    }

    @Test
    void shouldNameTheUserAsStoredWhateverCaseTheClientTyped() {
        String name = user("reader");
        given().auth().preemptive().basic(name.toUpperCase(), PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(200).body("username", is(name));
    }

    @Test
    void shouldRefuseUserNamesWithSpaceOrControlCharacters() {
        long before = given().when().get("/api/v1/users?size=1").then().extract().jsonPath().getLong("total");
        for (String bad : java.util.List.of(" padded", "padded ", "tab\\tname", "bell\\u0007", "new\\nline")) {
            assertProblem(given().contentType(ContentType.JSON).body("""
                    {"username": "%s", "password": "a-long-enough-password", "roles": ["reader"]}""".formatted(bad))
                    .when().post("/api/v1/users").then(), 400);
        }
        assertThat(given().when().get("/api/v1/users?size=1").then().extract().jsonPath().getLong("total"))
                .isEqualTo(before);
    }

    @Test
    void shouldShowHistoryAuthorsToSignedInUsersOnly() {
        String editor = user("editor");
        long id = given().auth().preemptive().basic(editor, PASSWORD).contentType(ContentType.JSON)
                .body(incidentBody("authored")).when().post("/api/v1/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().none().when().get("/api/v1/incidents/" + id + "/history").then().statusCode(200)
                .body("items[0].operation", is("CREATE")).body("items[0].author", org.hamcrest.Matchers.nullValue())
                .body(not(containsString(editor)));
        given().auth().preemptive().basic(user("reader"), PASSWORD).when().get("/api/v1/incidents/" + id + "/history")
                .then().statusCode(200).body("items[0].author", is(editor));
    }

    @Test
    void shouldManageUsersWithoutEverShowingAHash() {
        String name = user("editor");
        long id = given().when().get("/api/v1/users?size=500").then().statusCode(200)
                .body(not(containsString("$2a$"))).body(not(containsString("password")))
                .extract().jsonPath().getLong("items.find { it.username == '" + name + "' }.id");
        given().contentType(ContentType.JSON).body("{\"roles\": [\"reader\"]}").when()
                .put("/api/v1/users/" + id + "/roles").then().statusCode(200).body("roles", equalTo(java.util.List.of("reader")));
        assertProblem(given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON)
                .body(incidentBody("demoted")).when().post("/api/v1/incidents").then(), 403);
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"username": "%s", "password": "another-long-password", "roles": ["reader"]}""".formatted(name.toUpperCase()))
                .when().post("/api/v1/users").then(), 409);
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"username": "short-pw", "password": "short", "roles": ["reader"]}""").when().post("/api/v1/users").then(), 400);
        given().when().delete("/api/v1/users/" + id).then().statusCode(204);
        assertProblem(given().auth().preemptive().basic(name, PASSWORD).when().get("/api/v1/users/me").then(), 401);
    }

    @Test
    void shouldKeepTheLastAdmin() {
        var users = given().when().get("/api/v1/users?size=500").then().statusCode(200).extract().jsonPath();
        long adminId = users.getLong("items.find { it.username == 'admin' }.id");
        // Make the bootstrap admin the only admin, whatever other tests left behind.
        for (Object other : users.getList("items.findAll { it.roles.contains('admin') && it.username != 'admin' }.id")) {
            given().when().delete("/api/v1/users/" + other).then().statusCode(204);
        }
        var delete = given().when().delete("/api/v1/users/" + adminId).then();
        assertProblem(delete, 409);
        delete.body("detail", containsString("last admin"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"roles\": [\"editor\"]}").when()
                .put("/api/v1/users/" + adminId + "/roles").then(), 409);
        given().when().get("/api/v1/users/" + adminId).then().statusCode(200).body("roles", hasItem("admin"));

        // Beside another admin, an admin may be demoted and deleted.
        String second = user("admin");
        long secondId = given().when().get("/api/v1/users?size=500").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + second + "' }.id");
        given().contentType(ContentType.JSON).body("{\"roles\": [\"reader\"]}").when()
                .put("/api/v1/users/" + secondId + "/roles").then().statusCode(200).body("roles", contains("reader"));
        given().when().delete("/api/v1/users/" + secondId).then().statusCode(204);
        given().when().get("/api/v1/users/" + secondId).then().statusCode(404);
    }

    @Test
    void shouldRefusePasswordsBcryptWouldShorten() {
        var response = given().contentType(ContentType.JSON).body("""
                {"username": "long-pw-%s", "password": "%s", "roles": ["reader"]}""".formatted(
                java.util.UUID.randomUUID().toString().substring(0, 6), "é".repeat(40)))
                .when().post("/api/v1/users").then();
        assertProblem(response, 400);
        response.body("errors[0].field", is("password")).body("errors[0].message", containsString("72 bytes"));
    }

    @Test
    void shouldChangeOwnPassword() {
        String name = user("reader");
        assertProblem(given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON).body("""
                {"currentPassword": "not the password", "newPassword": "a-brand-new-password"}""")
                .when().put("/api/v1/users/me/password").then(), 400);
        given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON).body("""
                {"currentPassword": "%s", "newPassword": "a-brand-new-password"}""".formatted(PASSWORD))
                .when().put("/api/v1/users/me/password").then().statusCode(204);
        assertProblem(given().auth().preemptive().basic(name, PASSWORD).when().get("/api/v1/users/me").then(), 401);
        given().auth().preemptive().basic(name, "a-brand-new-password").when().get("/api/v1/users/me").then()
                .statusCode(200).body("username", is(name));
    }

    @Test
    void shouldAcceptBearerJwtsWithTheSameRoles() {
        String editorToken = Jwt.issuer("https://idp.incident-kb.test").upn("jwt-editor").groups(Set.of("editor"))
                .expiresAt(Instant.now().plusSeconds(300)).sign();
        given().auth().none().header("Authorization", "Bearer " + editorToken).when().get("/api/v1/users/me").then()
                .statusCode(200).body("username", is("jwt-editor")).body("roles", equalTo(java.util.List.of("editor", "reader")))
                .body("scheme", is("bearer"));
        long id = given().auth().none().header("Authorization", "Bearer " + editorToken).contentType(ContentType.JSON)
                .body(incidentBody("by a token")).when().post("/api/v1/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertProblem(given().auth().none().header("Authorization", "Bearer " + editorToken).when()
                .delete("/api/v1/incidents/" + id).then(), 403);
        assertProblem(given().auth().none().header("Authorization", "Bearer " + editorToken).contentType(ContentType.JSON)
                .body("{\"currentPassword\": \"x\", \"newPassword\": \"a-brand-new-password\"}")
                .when().put("/api/v1/users/me/password").then(), 403);

        String foreign = Jwt.issuer("https://somewhere-else.test").upn("mallory").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(300)).sign();
        assertProblem(given().auth().none().header("Authorization", "Bearer " + foreign).when()
                .delete("/api/v1/incidents/" + id).then(), 401);
        String expired = Jwt.issuer("https://idp.incident-kb.test").upn("late").groups(Set.of("admin"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        assertProblem(given().auth().none().header("Authorization", "Bearer " + expired).when()
                .delete("/api/v1/incidents/" + id).then(), 401);
        given().when().get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void shouldNotWriteOnACrossSiteFormPost() {
        long before = Fixtures.count("/api/v1/incidents");
        // A browser form can send text/plain or a form encoding, with the user's remembered Basic credentials.
        given().contentType("text/plain").body(incidentBody("csrf")).when().post("/api/v1/incidents").then()
                .statusCode(415);
        given().contentType("application/x-www-form-urlencoded").formParam("title", "csrf").when()
                .post("/api/v1/incidents").then().statusCode(415);
        given().contentType("text/plain").body("eventid\n1\n").when().post("/api/v1/imports?format=gtd").then()
                .statusCode(415);
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body(incidentBody("csrf"))
                .when().post("/api/v1/incidents").then().statusCode(403).contentType("application/problem+json");
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
    }

    @Test
    void shouldAnswerCorsPreflightsOnlyForConfiguredOrigins() {
        given().auth().none().header("Origin", "https://explorer.incident-kb.test")
                .header("Access-Control-Request-Method", "POST").when().options("/api/v1/incidents").then()
                .header("Access-Control-Allow-Origin", is("https://explorer.incident-kb.test"));
        given().auth().none().header("Origin", "https://explorer.incident-kb.test").when()
                .get("/api/v1/incidents/" + Fixtures.incident(Fixtures.unique("Cors")))
                .then().statusCode(200).header("Access-Control-Expose-Headers", containsString("ETag"));
        given().auth().none().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").when().options("/api/v1/incidents").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldLetPagesOfAnyOriginReadAnonymouslyButNotSignedInOrWrite() {
        long id = Fixtures.incident(Fixtures.unique("Public CORS"));
        given().auth().none().header("Origin", "https://any-dashboard.example").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).header("Access-Control-Allow-Origin", is("*"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.nullValue());
        given().auth().none().header("Origin", "https://any-dashboard.example")
                .header("Access-Control-Request-Method", "GET").when().options("/api/v1/incidents").then()
                .statusCode(204).header("Access-Control-Allow-Origin", is("*"))
                .header("Access-Control-Allow-Methods", is("GET, HEAD"));
        // Writing, or reading with credentials, still needs a listed origin.
        given().auth().none().header("Origin", "https://any-dashboard.example")
                .header("Access-Control-Request-Method", "POST").when().options("/api/v1/incidents").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://any-dashboard.example")
                .when().get("/api/v1/incidents/" + id).then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.not(is("*")));
        // A listed origin is answered as before, by name.
        given().auth().none().header("Origin", "https://explorer.incident-kb.test").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).header("Access-Control-Allow-Origin", is("https://explorer.incident-kb.test"));
    }

    @Test
    void shouldSendSecurityHeaders() {
        given().auth().none().when().get("/api/v1/incidents/" + Fixtures.incident(Fixtures.unique("Headers")))
                .then().statusCode(200).header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void shouldDocumentTheSchemesAndEachOperationsRequirement() {
        var doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("components.securitySchemes")).containsKeys("basic", "bearer");
        assertThat(doc.getList("paths.'/api/v1/incidents'.post.security")).hasSize(2);
        assertThat(doc.getString("paths.'/api/v1/incidents'.post.description")).contains("editor");
        assertThat(doc.getString("paths.'/api/v1/incidents/{id}'.delete.description")).contains("admin");
        assertThat(doc.getMap("paths.'/api/v1/incidents/{id}'.delete.responses")).containsKeys("401", "403");
        assertThat(doc.getList("paths.'/api/v1/incidents'.get.security")).contains(java.util.Map.of());
    }
}
