package org.incidentkb.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.incidentkb.Fixtures;
import org.incidentkb.SignedIn;
import org.incidentkb.common.Roles;
import org.incidentkb.security.UserService;
import org.junit.jupiter.api.Test;

/**
 * GET /export is a backup: restored into an empty knowledge base it gives the same content, ids aside, and
 * imported a second time it changes nothing. Runs on a database of its own, which it empties.
 */
@QuarkusTest
@TestProfile(BackupRestoreTest.OwnDatabase.class)
class BackupRestoreTest {

    /** A database of its own (H2 in memory, or a database on the same PostgreSQL server), with the demo data. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Matching on import on, as in production: a restore must not rematch what it restores.
            return Map.of("quarkus.datasource.jdbc.url", url(), "kb.imports.sync-max-bytes", "10000000",
                    "kb.links.match-on-import", "true");
        }

        private static String url() {
            return org.incidentkb.TestDatabases.fresh("backup");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a copy may change: ids, versions and the times of its own writes. */
    private static final Set<String> NOT_CONTENT = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    Flyway flyway;

    @Inject
    UserService users;

    @Test
    void shouldRestoreTheWholeKnowledgeBaseIntoAnEmptyOneAndChangeNothingTheSecondTime() throws Exception {
        addWhatTheDemoDataLacks();
        String backup = export();
        assertThat(backup.lines().map(l -> l.substring(0, l.indexOf(',')))).contains("{\"kind\":\"actor\"",
                "{\"kind\":\"source\"", "{\"kind\":\"incident\"", "{\"kind\":\"link\"");
        assertThat(backup.lines().findFirst().orElseThrow()).startsWith("{\"kind\":\"backup\",\"backup\":{\"format\":1,");
        assertThat(backup.lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("{\"kind\":\"end\",\"end\":{\"lines\":" + (backup.lines().count() - 2) + "}}");

        emptyTheKnowledgeBase();
        assertThat(Fixtures.count("/api/v1/incidents")).isZero();
        assertThat(Fixtures.count("/api/v1/actors")).isZero();

        // Every line but the backup's own first and last is a record.
        int records = (int) backup.lines().count() - 2;
        var first = importFile(backup);
        first.body("report.failed", is(0)).body("report.updated", is(0)).body("report.created", is(records))
                .body("report.received", is(records));
        assertThat(content(export())).isEqualTo(content(backup));
        // The proposal restored as it was (score and evidence of the run at 50 km), not rematched: the restore
        // started no matching run (an import that does, does so before it answers).
        String restore = first.extract().path("id");
        given().queryParam("size", 500).when().get("/api/v1/matching").then().statusCode(200)
                .body("items.findAll { it.importJob == '%s' }".formatted(restore), org.hamcrest.Matchers.empty());
        given().queryParam("status", "PROPOSED").when().get("/api/v1/links").then().statusCode(200)
                .body("total", is(1)).body("items[0].evidence.distanceKm", org.hamcrest.Matchers.greaterThan(5f))
                // Its authors are the file's word; who restored it here says so.
                .body("items[0].createdBy", is(SignedIn.ADMIN)).body("items[0].restoredBy", is(SignedIn.ADMIN))
                .body("items[0].restoredAt", org.hamcrest.Matchers.notNullValue());
        assertThat(content(export())).isEqualTo(content(backup));

        var second = importFile(backup);
        second.body("report.failed", is(0)).body("report.created", is(0)).body("report.updated", is(0))
                .body("report.skipped", is(records));
        assertThat(content(export())).isEqualTo(content(backup));
    }

    @Test
    void shouldRefuseABackupCutShortAndWriteNothing() {
        String backup = export();
        List<String> lines = backup.lines().toList();
        long incidents = Fixtures.count("/api/v1/incidents");
        long actors = Fixtures.count("/api/v1/actors");
        // Cut at a line boundary, as a download that failed and was saved anyway: no end line.
        String cut = String.join("\n", lines.subList(0, lines.size() / 2)) + "\n";
        importFailing(cut).body("message", org.hamcrest.Matchers.containsString("cut short"));
        // The end line kept, records taken out: the count it expects is said.
        List<String> shorter = new ArrayList<>(lines);
        shorter.remove(lines.size() / 2);
        importFailing(String.join("\n", shorter)).body("message",
                org.hamcrest.Matchers.containsString("counts " + (lines.size() - 2) + " records"));
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(incidents);
        assertThat(Fixtures.count("/api/v1/actors")).isEqualTo(actors);
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8RatherThanStoreReplacementCharacters() {
        long incidents = Fixtures.count("/api/v1/incidents");
        byte[] good = """
                {"title": "Fine line", "type": "air-drone-strike", "startDate": "2024-01-04", "location": {"countryCode": "IRQ"}}
                """.getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"title\": \"Bad \u00ff\u00fe bytes\", \"type\": \"air-drone-strike\", \"startDate\": \"2024-01-04\", \"location\": {\"countryCode\": \"IRQ\"}}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[good.length + bad.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);
        given().contentType("application/x-ndjson; charset=UTF-8").body(file).when()
                .post("/api/v1/imports?format=ndjson").then().statusCode(201).body("state", is("FAILED"))
                .body("message", org.hamcrest.Matchers.containsString("not valid UTF-8: line 2"));
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(incidents);
    }

    private static io.restassured.response.ValidatableResponse importFailing(String file) {
        return given().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/imports?format=ndjson").then().statusCode(201).body("state", is("FAILED"));
    }

    /** Actors with every field, an actor and a source nothing cites, and two reports of one publisher. */
    private void addWhatTheDemoDataLacks() {
        long umbrella = Fixtures.createdId("/api/v1/actors", """
                {"name": "Backup umbrella", "kind": "COALITION", "countryCode": "IRQ"}""");
        long backer = Fixtures.createdId("/api/v1/actors", """
                {"name": "Backup backer", "kind": "GOVERNMENT", "countryCode": "IRN", "description": "A state"}""");
        long member = Fixtures.createdId("/api/v1/actors", """
                {"name": "Backup member", "aliases": ["BM", "Member group"], "kind": "MILITIA", "countryCode": "IRQ",
                 "description": "Cites nothing of its own", "parent": {"id": %d}, "backers": [{"id": %d}],
                 "designations": [{"designatedBy": "United States", "designation": "Specially Designated Global Terrorist",
                                   "since": "2020-01-03"}]}""".formatted(umbrella, backer));
        Fixtures.createdId("/api/v1/actors", """
                {"name": "Backup bystander", "kind": "OTHER"}""");
        long first = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Backup Press", "title": "First report", "language": "en", "publishedOn": "2024-02-01"}""");
        long second = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Backup Press", "title": "Second report", "language": "ar"}""");
        Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Uncited Press", "url": "https://uncited.example/report"}""");
        long linked = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Backup incident", "summary": "Two reports of one publisher", "type": "air-drone-strike",
                 "startDate": "2024-02-02", "location": {"countryCode": "IRQ", "admin1": "Baghdad"},
                 "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR", "confidence": "SUSPECTED"}],
                 "casualties": [{"category": "ALL", "killed": {"low": 2, "best": 3, "high": null}, "source": {"id": %d},
                                 "names": [{"name": "A. Person", "description": "commander"}]}],
                 "claims": [{"actor": {"id": %d}, "stance": "DENIED", "statedBy": {"text": "a spokesman"},
                             "source": {"id": %d}, "quote": "We had no part in it"}],
                 "sources": [{"id": %d}, {"id": %d}], "tags": ["backup"]}""".formatted(member, second, member, first,
                first, second));
        // A decided SAME_EVENT link (the demo data has RELATED ones).
        long other = Fixtures.incident("Backup other record");
        int link = given().contentType("application/json").body("""
                {"to": {"id": %d}, "relation": "SAME_EVENT", "note": "two records"}""".formatted(other)).when()
                .post("/api/v1/incidents/" + linked + "/links").then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").body("{\"status\": \"REJECTED\"}").when()
                .patch("/api/v1/links/" + link).then().statusCode(200);
        // Sources whose titles begin with white space, as files have them: a second restore must find them again.
        long tabbed = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Spacing Press", "title": "\\tTabbed report"}""");
        long broken = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Spacing Press", "title": "\\r\\nBroken report"}""");
        long spaced = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Spacing Press", "title": "  Spaced report"}""");
        Fixtures.createdId("/api/v1/incidents", """
                {"title": "Spacing incident", "type": "air-drone-strike", "startDate": "2024-02-03",
                 "location": {"countryCode": "IRQ"}, "sources": [{"id": %d}, {"id": %d}, {"id": %d}]}"""
                .formatted(tabbed, broken, spaced));
        // A proposal of a matching run with a wide window (50 km), which the default windows would not make.
        long acled = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Backup ACLED record", "type": "air-drone-strike", "startDate": "2024-03-01",
                 "location": {"countryCode": "IRQ", "latitude": 33.30, "longitude": 44.40},
                 "externalRefs": [{"dataset": "ACLED", "externalId": "IRQ9001"}]}""");
        long ucdp = Fixtures.createdId("/api/v1/incidents", """
                {"title": "Backup UCDP record", "type": "air-drone-strike", "startDate": "2024-03-01",
                 "location": {"countryCode": "IRQ", "latitude": 33.50, "longitude": 44.40},
                 "externalRefs": [{"dataset": "UCDP", "externalId": "9001"}]}""");
        String location = given().contentType("application/json").body("""
                {"spatialWindowKm": 50, "temporalWindowDays": 2, "from": "2024-03-01", "to": "2024-03-01"}""").when()
                .post("/api/v1/matching").then().statusCode(202).extract().header("Location");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).until(() -> "DONE".equals(
                given().when().get(location).then().statusCode(200).extract().path("state")));
        given().queryParam("status", "PROPOSED").when().get("/api/v1/links").then().statusCode(200)
                .body("total", is(1)).body("items[0].from.id", org.hamcrest.Matchers.oneOf((int) acled, (int) ucdp))
                .body("items[0].restoredBy", org.hamcrest.Matchers.nullValue());
    }

    private static String export() {
        return given().when().get("/api/v1/export").then().statusCode(200).contentType("application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"incident-kb.ndjson\"").extract().asString();
    }

    private static io.restassured.response.ValidatableResponse importFile(String file) {
        return given().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/imports?format=ndjson").then().statusCode(201).body("state", is("DONE"));
    }

    /** The database as a new one: no rows but the reference data of the migrations, and the admin to sign in. */
    private void emptyTheKnowledgeBase() {
        flyway.clean();
        flyway.migrate();
        users.createIfAbsent(SignedIn.ADMIN, SignedIn.ADMIN_PASSWORD, Roles.implied(Roles.ADMIN));
    }

    /** The lines of a backup without ids, versions and write times, sorted: what must survive a round trip. */
    private static List<String> content(String backup) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : backup.lines().toList()) {
            JsonNode node = strip(JSON.readTree(line));
            if (node.has("backup")) {
                ((ObjectNode) node.get("backup")).remove("exportedAt");
            }
            lines.add(JSON.writeValueAsString(node));
        }
        return lines.stream().sorted().toList();
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(NOT_CONTENT);
            object.fields().forEachRemaining(e -> strip(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(BackupRestoreTest::strip);
        }
        return node;
    }
}
