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
            return Map.of("quarkus.datasource.jdbc.url", url(), "kb.imports.sync-max-bytes", "10000000");
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

        emptyTheKnowledgeBase();
        assertThat(Fixtures.count("/api/v1/incidents")).isZero();
        assertThat(Fixtures.count("/api/v1/actors")).isZero();

        var first = importFile(backup);
        first.body("report.failed", is(0)).body("report.updated", is(0))
                .body("report.created", is((int) backup.lines().count()));
        assertThat(content(export())).isEqualTo(content(backup));

        var second = importFile(backup);
        second.body("report.failed", is(0)).body("report.created", is(0)).body("report.updated", is(0))
                .body("report.skipped", is((int) backup.lines().count()));
        assertThat(content(export())).isEqualTo(content(backup));
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
            lines.add(JSON.writeValueAsString(strip(JSON.readTree(line))));
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
