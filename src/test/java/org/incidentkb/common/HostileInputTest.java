package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an attacker or a careless client sends, over every write endpoint and query parameter: each case must get a
 * 4xx problem+json that names no class, SQL or stack frame, stays small, and leaves the database as it was.
 */
@QuarkusTest
class HostileInputTest {

    record Case(String name, String method, String path, String contentType, String body, int status) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String OK = """
            "title": "Hostile", "type": "air-drone-strike", "location": {"countryCode": "IRQ"}""";

    private static String incident(String extra) {
        return "{" + OK + ", " + extra + "}";
    }

    private static Case post(String name, String body) {
        return new Case(name, "POST", "/api/v1/incidents", "application/json", body, 400);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Malformed and lenient JSON
        cases.add(post("malformed JSON", "{\"title\": "));
        cases.add(post("trailing garbage", incident("\"startDate\": \"2024-01-04\"") + " {\"title\": \"x\"}"));
        cases.add(post("duplicate key", incident("\"startDate\": \"2024-01-04\", \"startDate\": \"2024-01-05\"")));
        cases.add(post("number as title", "{\"title\": 123, \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("fraction as id", incident("\"startDate\": \"2024-01-04\", \"sources\": [{\"id\": 1.5}]")));
        cases.add(post("unknown field", incident("\"startDate\": \"2024-01-04\", \"severity\": \"high\"")));
        cases.add(post("unknown nested field", incident("\"startDate\": \"2024-01-04\", \"casualties\": [{\"category\": \"ALL\", \"dead\": 3}]")));
        cases.add(post("array body", "[]"));
        cases.add(post("null body", "null"));
        cases.add(post("empty body", ""));
        cases.add(post("bad unicode escape", incident("\"startDate\": \"2024-01-04\", \"summary\": \"\\uZZZZ\"")));
        cases.add(post("deep nesting", "{\"title\": " + "[".repeat(3000) + "]".repeat(3000) + "}"));
        // Dates
        cases.add(post("Julian-calendar date", incident("\"startDate\": \"1582-10-10\"")));
        cases.add(post("year zero", incident("\"startDate\": \"0000-01-01\"")));
        cases.add(post("far-future date", incident("\"startDate\": \"+999999999-12-31\"")));
        cases.add(post("number as date", incident("\"startDate\": 20240202")));
        cases.add(post("timestamp as date", incident("\"startDate\": \"2024-02-02T10:00:00Z\"")));
        cases.add(post("month 13", incident("\"startDate\": \"2024-13-01\"")));
        cases.add(post("array as date", incident("\"startDate\": [2024, 2, 2]")));
        cases.add(post("date with a leading space", incident("\"startDate\": \" 2024-02-02\"")));
        cases.add(post("date with a trailing space", incident("\"startDate\": \"2024-02-02 \"")));
        cases.add(post("version in a create", incident("\"startDate\": \"2024-01-04\", \"version\": 3")));
        cases.add(new Case("actor created with a version", "POST", "/api/v1/actors", "application/json", "{\"name\": \"versioned\", \"kind\": \"MILITIA\", \"version\": 0}", 400));
        cases.add(post("end before start", incident("\"startDate\": \"2024-01-04\", \"endDate\": \"2024-01-03\"")));
        // Text
        cases.add(post("lone surrogate", incident("\"startDate\": \"2024-01-04\", \"summary\": \"a\\ud800b\"")));
        cases.add(post("NUL character", incident("\"startDate\": \"2024-01-04\", \"summary\": \"a\\u0000b\"")));
        cases.add(post("bell character", incident("\"startDate\": \"2024-01-04\", \"tags\": [\"a\\u0007\"]")));
        cases.add(post("right-to-left override in the title", "{\"title\": \"abc\u202Etxt.exe\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("bidi isolate in a tag", incident("\"startDate\": \"2024-01-04\", \"tags\": [\"a\u2066b\"]")));
        cases.add(post("byte order mark in the title", "{\"title\": \"\uFEFFErbil\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("non-character U+FFFF", "{\"title\": \"Erbil\uFFFF\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("non-character U+1FFFE", "{\"title\": \"Erbil\uD83F\uDFFE\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("non-character U+10FFFF", "{\"title\": \"Erbil\\uDBFF\\uDFFF\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        // Filters that would silently match everything or nothing
        cases.add(new Case("empty filter value", "GET", "/api/v1/incidents?country=", null, null, 400));
        cases.add(new Case("empty statistics filter value", "GET", "/api/v1/stats/incidents?perpetrator=&groupBy=year", null, null, 400));
        cases.add(new Case("unknown dataset of links", "GET", "/api/v1/links?dataset=bogus", null, null, 400));
        cases.add(post("non-character U+FDD0", incident("\"startDate\": \"2024-01-04\", \"summary\": \"a\uFDD0\"")));
        cases.add(post("title too long", "{\"title\": \"" + "x".repeat(301) + "\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\"}"));
        cases.add(post("9 MB unknown value", incident("\"startDate\": \"2024-01-04\", \"padding\": \"" + "x".repeat(9_000_000) + "\"")));
        cases.add(post("9 MB bad value", incident("\"startDate\": \"" + "9".repeat(9_000_000) + "\"")));
        // Numbers and ranges
        cases.add(post("latitude out of range", "{\"title\": \"x\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\", \"location\": {\"countryCode\": \"IRQ\", \"latitude\": 91, \"longitude\": 44}}"));
        cases.add(post("text as longitude", "{\"title\": \"x\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\", \"location\": {\"countryCode\": \"IRQ\", \"latitude\": 33, \"longitude\": \"east\"}}"));
        cases.add(post("unknown country", "{\"title\": \"x\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\", \"location\": {\"countryCode\": \"XXX\"}}"));
        cases.add(post("negative killed", incident("\"startDate\": \"2024-01-04\", \"casualties\": [{\"category\": \"ALL\", \"killed\": -1}]")));
        cases.add(post("killed beyond int", incident("\"startDate\": \"2024-01-04\", \"casualties\": [{\"category\": \"ALL\", \"killed\": 2147483648}]")));
        cases.add(post("fraction killed", incident("\"startDate\": \"2024-01-04\", \"casualties\": [{\"category\": \"ALL\", \"killed\": 1.5}]")));
        cases.add(post("low above best", incident("\"startDate\": \"2024-01-04\", \"casualties\": [{\"category\": \"ALL\", \"killed\": {\"low\": 5, \"best\": 3}}]")));
        cases.add(post("unknown enum", incident("\"startDate\": \"2024-01-04\", \"actors\": [{\"actor\": {\"id\": {actor}}, \"role\": \"BOSS\"}]")));
        cases.add(post("enum as number", incident("\"startDate\": \"2024-01-04\", \"datePrecision\": 1")));
        cases.add(post("unknown actor", incident("\"startDate\": \"2024-01-04\", \"actors\": [{\"actor\": {\"id\": 99999999}, \"role\": \"TARGET\"}]")));
        // Sizes of lists
        cases.add(post("101 tags", incident("\"startDate\": \"2024-01-04\", \"tags\": [" + String.join(",",
                java.util.Collections.nCopies(101, "\"t\"")) + "]")));
        cases.add(post("501 casualty records", incident("\"startDate\": \"2024-01-04\", \"casualties\": [" + String.join(",",
                java.util.Collections.nCopies(501, "{\"category\": \"ALL\", \"killed\": 1}")) + "]")));
        // Other writes
        cases.add(new Case("form post", "POST", "/api/v1/incidents", "text/plain", incident("\"startDate\": \"2024-01-04\""), 415));
        cases.add(new Case("patch with a bad date", "PATCH", "/api/v1/incidents/{target}", "application/merge-patch+json", "{\"startDate\": \"1582-10-10\"}", 400));
        cases.add(new Case("patch with an unknown field", "PATCH", "/api/v1/incidents/{target}", "application/merge-patch+json", "{\"severity\": 1}", 400));
        cases.add(new Case("patch that is an array", "PATCH", "/api/v1/incidents/{target}", "application/merge-patch+json", "[1]", 400));
        cases.add(new Case("patch removing the title", "PATCH", "/api/v1/incidents/{target}", "application/merge-patch+json", "{\"title\": null}", 400));
        cases.add(new Case("put with a control character", "PUT", "/api/v1/incidents/{target}", "application/json", incident("\"startDate\": \"2024-01-04\", \"title\": \"x\\u001b[31m\"").replace("\"title\": \"Hostile\", ", ""), 400));
        cases.add(new Case("actor name with NUL", "POST", "/api/v1/actors", "application/json", "{\"name\": \"a\\u0000\", \"kind\": \"MILITIA\"}", 400));
        cases.add(new Case("actor with unknown kind", "POST", "/api/v1/actors", "application/json", "{\"name\": \"x\", \"kind\": \"GANG\"}", 400));
        cases.add(new Case("source with a script URL", "POST", "/api/v1/sources", "application/json", "{\"publisher\": \"x\", \"url\": \"javascript:alert(1)\"}", 400));
        cases.add(new Case("claim with a 17th-century date", "POST", "/api/v1/incidents/{target}/claims", "application/json", "{\"actor\": {\"id\": {actor}}, \"stance\": \"CLAIMED\", \"statedOn\": \"1700-01-01\"}", 400));
        cases.add(new Case("claim with unknown stance", "POST", "/api/v1/incidents/{target}/claims", "application/json", "{\"actor\": {\"id\": {actor}}, \"stance\": \"BOASTED\"}", 400));
        cases.add(new Case("casualty with text figures", "POST", "/api/v1/incidents/{target}/casualties", "application/json", "{\"category\": \"ALL\", \"killed\": \"many\"}", 400));
        cases.add(new Case("user with a short password", "POST", "/api/v1/users", "application/json", "{\"username\": \"x\", \"password\": \"short\", \"roles\": [\"reader\"]}", 400));
        cases.add(new Case("user with an unknown role", "POST", "/api/v1/users", "application/json", "{\"username\": \"x\", \"password\": \"long-enough-password\", \"roles\": [\"root\"]}", 400));
        // Query parameters and paths
        for (String query : List.of("q=%00", "q=%zz", "q=%C0%AF", "q=a%", "size=0", "size=501", "size=abc", "page=-1",
                "page=99999999999", "from=2024-02-30", "from=yesterday", "to=1582-13-01", "bbox=1,2,3", "bbox=0,0,999,0",
                "near=abc", "near=33,44&radiusKm=-5", "minKilled=-1", "minKilled=1e9999", "sort=title%3Bdrop%20table%20incident",
                "claimStatus=MAYBE", "updatedSince=yesterday", "from=%2B999999999-12-31", "to=-999999999-01-01",
                "from=+999999999-12-31", "from=%202024-01-01", "to=2024-1-5", "from=1799-12-31", "to=2101-01-01",
                "updatedSince=%2B999999999-12-31T00:00:00Z", "updatedSince=1000-01-01", "after=not-a-cursor", "format=xml", "severity=high",
                "size=1&size=2", "sort=title&sort=id")) {
            cases.add(new Case("GET /incidents?" + query, "GET", "/api/v1/incidents?" + query, null, null, 400));
        }
        for (String path : List.of("/api/v1/actors?foo=1", "/api/v1/sources?foo=1", "/api/v1/event-types?x=1",
                "/api/v1/incidents/{target}?x=1", "/api/v1/stats/incidents?groupBy=nope", "/api/v1/claims?stance=BOASTED",
                "/api/v1/casualties?category=ALIENS",
                "/api/v1/stats/incidents?from=%2B999999999-12-31", "/api/v1/stats/incidents?to=-999999999-01-01",
                "/api/v1/claims?from=%2B999999999-12-31", "/api/v1/actors?size=1&size=2", "/api/v1/incidents/abc")) {
            cases.add(new Case("GET " + path, "GET", path, null, null, 400));
        }
        cases.add(new Case("unknown API path", "GET", "/api/v1/nothing-here", null, null, 404));
        cases.add(new Case("unknown path", "GET", "/wp-admin/setup.php", null, null, 404));
        cases.add(new Case("method not allowed", "DELETE", "/api/v1/event-types", null, null, 405));
        return cases.stream();
    }

    /**
     * Sends a GET as written, over a socket, and checks its status line. Vert.x refuses a broken %-escape with a bare
     * 400 before any handler of the service runs, so there is no problem document to check here.
     */
    private static String raw(Case c) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write((c.method() + " " + c.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 " + c.status());
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Snapshot(long incidents, long actors, long sources, long users, long version, long revisions) {
    }

    /** The incident and actor the cases write to, made for this test (no case leans on the demo data). */
    private static Long target;
    private static Long actor;

    private static String resolve(String text) {
        if (text == null) {
            return null;
        }
        if (target == null) {
            target = org.incidentkb.Fixtures.incident(org.incidentkb.Fixtures.unique("Hostile target"));
            actor = org.incidentkb.Fixtures.actor(org.incidentkb.Fixtures.unique("Hostile actor"));
        }
        return text.replace("{target}", target.toString()).replace("{actor}", actor.toString());
    }

    private static Snapshot snapshot() {
        resolve(""); // the targets first, so that making them is not counted as a change
        return new Snapshot(total("/api/v1/incidents"), total("/api/v1/actors"), total("/api/v1/sources"),
                total("/api/v1/users"),
                given().when().get(resolve("/api/v1/incidents/{target}")).then().statusCode(200).extract().jsonPath()
                        .getLong("version"),
                given().when().get(resolve("/api/v1/incidents/{target}/history")).then().statusCode(200).extract().jsonPath()
                        .getList("items").size());
    }

    private static long total(String path) {
        return given().queryParam("size", 1).when().get(path).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @org.junit.jupiter.api.Test
    void shouldNotGrowTheMetricsWithRandomPaths() {
        for (int i = 0; i < 20; i++) {
            String random = "zz" + java.util.UUID.randomUUID().toString().substring(0, 8);
            given().when().delete("/api/v1/event-types/" + random).then().statusCode(org.hamcrest.Matchers.either(
                    is(404)).or(is(405)));
            given().when().post("/api/v1/" + random).then().statusCode(org.hamcrest.Matchers.either(is(404)).or(is(405)));
            given().when().put("/" + random).then().statusCode(org.hamcrest.Matchers.either(is(404)).or(is(405)));
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests").doesNotContain("uri=\"/api/v1/zz")
                .doesNotContain("/event-types/zz").doesNotContain("uri=\"/zz");
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseABodyWithoutContentTypeWith415() throws Exception {
        Snapshot before = snapshot();
        var client = java.net.http.HttpClient.newHttpClient();
        var auth = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password"
                .getBytes(StandardCharsets.UTF_8));
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + RestAssured.port + "/api/v1/incidents"))
                .header("Authorization", auth).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        incident("\"startDate\": \"2024-01-04\""))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Content-Type");
        assertThat(snapshot()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAWeakIfMatchWith412() {
        Snapshot before = snapshot();
        String etag = given().when().get(resolve("/api/v1/incidents/{target}")).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", "W/" + etag).contentType("application/merge-patch+json").body("{\"summary\": \"weak\"}")
                .when().patch(resolve("/api/v1/incidents/{target}")).then().statusCode(412).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("weak"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseWithAProblemAndChangeNothing(Case written) {
        Case c = new Case(written.name(), written.method(), resolve(written.path()), written.contentType(),
                resolve(written.body()), written.status());
        Snapshot before = snapshot();
        var request = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).urlEncodingEnabled(false);
        if (c.contentType() != null) {
            request = request.contentType(c.contentType()).body(c.body().getBytes(StandardCharsets.UTF_8));
        }
        String body;
        if (c.path().matches(".*%(?![0-9A-Fa-f]{2}).*")) {
            body = raw(c); // no HTTP client sends a broken escape; a socket does
        } else {
            Response response = request.when().request(c.method(), c.path());
            response.then().statusCode(c.status()).contentType("application/problem+json")
                    .body("status", is(c.status())).body("title", notNullValue()).body("detail", notNullValue());
            body = response.asString();
        }
        assertThat(body.length()).as("problem size").isLessThan(4000);
        assertThat(body).doesNotContain("Exception", "org.", "java.", "com.fasterxml", "SQL", "\tat ", "jackson",
                "Jackson", "JsonReadFeature", "quarkus");
        // What a request was refused for is named, never echoed: no bidirectional override or non-character comes back.
        assertThat(body).doesNotContain("\u202E", "\u2066", "\uFEFF", "\uFFFF", "\uD83F\uDFFE");
        assertThat(snapshot()).as("database after " + c.name()).isEqualTo(before);
    }
}
