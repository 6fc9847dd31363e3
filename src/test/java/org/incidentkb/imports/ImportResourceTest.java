package org.incidentkb.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** POST /imports through HTTP with small files written for the tests; each test imports its own copy (ids made unique). */
@QuarkusTest
class ImportResourceTest {

    @Inject
    ImportJobRepository jobs;

    @Inject
    jakarta.persistence.EntityManager em;

    private static final String IMPORTS = "/api/v1/imports";

    @jakarta.inject.Inject
    ImportService importService;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void shouldFailAnNdjsonLineLongerThanARequestBodyAloneWithoutHoldingIt() {
        String run = run();
        String array = "[" + "{\"title\": \"not one incident per line\"},".repeat(400_000) + "{}]\n";
        String body = array + """
                {"title": "After %s", "category": "battles", "startDate": "2020-01-01"}
                """.formatted(run);
        String location = post("ndjson", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(202).extract().header("Location");

        JsonPath job = finished(location);
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("report.received")).isEqualTo(2);
        assertThat(job.getInt("report.created")).isEqualTo(1);
        assertThat(job.getInt("report.failed")).isEqualTo(1);
        assertThat(job.getLong("report.errors[0].line")).isEqualTo(1);
        assertThat(job.getString("report.errors[0].message")).contains("longer than 10485760 characters")
                .contains("a JSON array is not NDJSON");
        given().queryParam("q", "After " + run).when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", is(1));
    }

    /** "ISLAMIC BRIGADE X (Iraq)" in a file is the actor "Islamic Brigade X" already here, not a new one. */
    @Test
    void shouldMatchActorNamesOnTheirNormalisedForm() {
        String run = run().replace("-", "");
        long known = org.incidentkb.Fixtures.actor("Islamic Brigade " + run);
        long actorsBefore = org.incidentkb.Fixtures.count("/api/v1/actors");
        String line = """
                {"title": "Normalised %s", "category": "battles", "startDate": "2020-01-01", \
                "actors": [{"actor": {"name": "ISLAMIC BRIGADE %s (Iraq)"}, "role": "PARTY"}]}
                """.formatted(run, run.toUpperCase(java.util.Locale.ROOT));
        post("ndjson", "application/x-ndjson", line.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("report.created", is(1));
        assertThat(org.incidentkb.Fixtures.count("/api/v1/actors")).isEqualTo(actorsBefore);
        given().queryParam("q", "Normalised " + run).when().get("/api/v1/incidents").then().statusCode(200)
                .body("items[0].actors[0].actor.id", is((int) known));
    }

    @Test
    void shouldFailACsvRowWithAQuoteLeftOpenWithAPlainMessageInABackgroundJob() throws IOException {
        String run = run();
        String[] lines = new String(fixture("acled-sample.csv", run, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .split("\n");
        String body = lines[0] + "\n" + lines[1] + "\n\"" + "z".repeat(21_000_000) + "\n";
        String location = post("acled", "text/csv", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(202).extract().header("Location");

        JsonPath job = finished(location);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("DONE");
        assertThat(job.getInt("report.created")).as(job.prettify()).isEqualTo(1);
        assertThat(job.getInt("report.failed")).isEqualTo(1);
        assertThat(job.getLong("report.errors[0].line")).isEqualTo(3);
        assertThat(job.getString("report.errors[0].message")).contains("longer than the 20000000 characters allowed")
                .contains("quote left open").doesNotContain("StreamReadConstraints");
        incident("ACLED:IRQ" + run + "1");
    }

    @Test
    void shouldReadAFileStartingWithAByteOrderMarkAndRefuseAFileOfAnotherFormatWhole() throws IOException {
        String run = run();
        byte[] acled = fixture("acled-sample.csv", run, StandardCharsets.UTF_8);
        long before = Fixtures.count("/api/v1/incidents");

        post("gtd", "text/csv", acled).statusCode(201)
                .body("state", is("FAILED")).body("report.received", is(0)).body("report.created", is(0))
                .body("message", containsString("no column 'eventid', which every GTD export has"))
                .body("message", containsString("format=gtd"));
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);

        byte[] withMark = new byte[acled.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(acled, 0, withMark, 3, acled.length);
        post("acled", "text/csv", withMark).statusCode(201)
                .body("state", is("DONE")).body("report.received", is(7)).body("report.created", is(4));
        incident("ACLED:IRQ" + run + "1");
    }

    @Test
    void shouldAcceptNothingAndLeaveNoSpooledFileWhenAnUploadBreaksOff() throws Exception {
        Path spool = Path.of("target/import-spool");
        long before = Fixtures.count("/api/v1/incidents");
        long jobsBefore = Fixtures.count(IMPORTS);
        String answer;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports?format=ndjson HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n"
                    + "{\"title\": \"cut short\", \"category\": \"battles\", \"startDate\": \"2020-01-01\"}\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput(); // the body ends long before its declared length
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        // The server closes the connection of a body that ends early; no job is accepted from it.
        assertThat(answer).doesNotContain("HTTP/1.1 20");
        org.awaitility.Awaitility.await("the spooled body is deleted").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> spooled(spool) == 0);
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
        assertThat(Fixtures.count(IMPORTS)).isEqualTo(jobsBefore);
    }

    private static long spooled(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("kb-import-")).count();
        }
    }

    /** Polls a job until it ends. */
    private static JsonPath finished(String location) {
        return org.awaitility.Awaitility.await("job " + location + " ends").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> given().when().get(location).then().statusCode(200).extract().jsonPath(),
                        job -> job.getString("state").equals("DONE") || job.getString("state").equals("FAILED"));
    }

    /** A fixture with {run} replaced by a value no other test uses, in the fixture's own charset. */
    static byte[] fixture(String name, String run, Charset charset) throws IOException {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), charset).replace("{run}", run).getBytes(charset);
        }
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse post(String format, String contentType, byte[] body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body).queryParam("format", format)
                .when().post(IMPORTS).then();
    }

    private static JsonPath incident(String externalRef) {
        JsonPath page = given().queryParam("externalRef", externalRef).when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", is(1)).extract().jsonPath();
        return JsonPath.from(page.prettify()).setRootPath("items[0]");
    }

    @Test
    void shouldImportGtdInWindows1252MappingDatesActorsClaimsCasualtiesAndSources() throws IOException {
        String run = run();
        byte[] file = fixture("gtd-sample.csv", run, WINDOWS_1252);

        post("gtd", "text/csv", file)
                .statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/imports/"))
                .body("state", is("DONE"))
                .body("format", is("gtd"))
                .body("charset", is("windows-1252"))
                .body("report.received", is(8))
                .body("report.created", is(5))
                .body("report.updated", is(0))
                .body("report.failed", is(3))
                .body("report.errors.line", hasItems(5, 6, 7))
                .body("report.errors[0].message", containsString("2001-2-30 is not a date"))
                .body("report.errors[1].message", containsString("iyear 'abc'"))
                .body("report.errors[2].message", containsString("Atlantis"))
                .body("progress.percent", is(100.0f))
                .body("progress.secondsLeft", is(0));

        JsonPath bombing = incident("GTD:" + run + "01");
        assertThat(bombing.getString("dataset")).isEqualTo("GTD");
        assertThat(bombing.getString("title")).isEqualTo("Bombing/Explosion in Montréal, Canada");
        assertThat(bombing.getString("summary")).contains("café in Montréal");
        assertThat(bombing.getString("type.code")).isEqualTo("suicide-bomb");
        assertThat(bombing.getString("startDate")).isEqualTo("2017-05-04");
        assertThat(bombing.getString("datePrecision")).isEqualTo("DAY");
        assertThat(bombing.getString("location.countryCode")).isEqualTo("CAN");
        assertThat(bombing.getString("location.geoPrecision")).isEqualTo("EXACT");
        assertThat(bombing.getList("actors.actor.name")).containsExactly("Test Front " + run, "Second Cell " + run);
        assertThat(bombing.getList("actors.confidence")).containsExactly("CONFIRMED", "SUSPECTED");
        assertThat(bombing.getList("claims.channel")).containsExactly("PERSONAL", "LETTER");
        assertThat(bombing.getString("claimStatus")).isEqualTo("COMPETING");
        assertThat(bombing.getList("casualties.category")).containsExactly("ALL", "UNKNOWN", "MILITANT");
        assertThat(bombing.getInt("casualties[0].killed.best")).isEqualTo(3);
        assertThat(bombing.getString("casualties[0].injured")).isNull(); // -9: unknown, not a number
        assertThat(bombing.getString("casualties[1].affiliation.text")).isEqualTo("US citizens");
        assertThat(bombing.getInt("casualties[2].killed.best")).isEqualTo(1);
        assertThat(bombing.getInt("casualtySummary.killed.best")).isEqualTo(3);
        assertThat(bombing.getList("sources.name")).containsExactlyInAnyOrder("Le Devoir", "CBC News");
        assertThat(bombing.getList("tags")).contains("attack-type:bombing-explosion", "target-type:business",
                "suicide-attack", "competing-claims");

        JsonPath yearOnly = incident("GTD:" + run + "02");
        assertThat(yearOnly.getString("datePrecision")).isEqualTo("YEAR");
        assertThat(yearOnly.getString("startDate")).isEqualTo("2009-01-01");
        assertThat(yearOnly.getString("endDate")).isEqualTo("2009-12-31");
        assertThat(yearOnly.getList("actors")).isEmpty(); // "Unknown" is no actor
        assertThat(yearOnly.getList("casualties")).isEmpty(); // -99 and blank
        assertThat(yearOnly.getString("location.geoPrecision")).isEqualTo("COUNTRY");

        JsonPath extended = incident("GTD:" + run + "03");
        assertThat(extended.getString("endDate")).isEqualTo("2003-03-19");
        assertThat(extended.getString("actors[0].confidence")).isEqualTo("SUSPECTED");
        assertThat(extended.getString("location.geoPrecision")).isEqualTo("NEAR");
        assertThat(incident("GTD:" + run + "07").getString("endDate")).isEqualTo("2007-05-05");
        assertThat(incident("GTD:" + run + "07").getString("claims[0].channel")).isEqualTo("NOTE_AT_SCENE");
        JsonPath monthOnly = incident("GTD:" + run + "08");
        assertThat(monthOnly.getString("datePrecision")).isEqualTo("MONTH");
        assertThat(monthOnly.getString("endDate")).isEqualTo("2015-08-31");
        assertThat(monthOnly.getInt("casualties[0].injured.best")).isEqualTo(1);

        given().queryParam("q", "Test Front " + run).when().get("/api/v1/actors")
                .then().statusCode(200).body("total", is(1)).body("items[0].kind", is("NON_STATE_ARMED_GROUP"));
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgainAndUpdateOnlyChangedRows() throws IOException {
        String run = run();
        byte[] file = fixture("gtd-sample.csv", run, WINDOWS_1252);
        post("gtd", "text/csv", file).statusCode(201).body("report.created", is(5));
        JsonPath before = incident("GTD:" + run + "01");

        post("gtd", "text/csv", file).statusCode(201)
                .body("report.created", is(0)).body("report.updated", is(0)).body("report.skipped", is(5))
                .body("report.failed", is(3));
        JsonPath after = incident("GTD:" + run + "01");
        assertThat(after.getInt("version")).isEqualTo(before.getInt("version"));
        assertThat(after.getString("updatedAt")).isEqualTo(before.getString("updatedAt"));
        assertThat(after.getList("casualties.id")).isEqualTo(before.getList("casualties.id"));
        assertThat(after.getList("claims.id")).isEqualTo(before.getList("claims.id"));

        byte[] changed = new String(file, WINDOWS_1252).replace("A suicide bomber attacked", "A bomber attacked")
                .getBytes(WINDOWS_1252);
        post("gtd", "text/csv", changed).statusCode(201)
                .body("report.created", is(0)).body("report.updated", is(1)).body("report.skipped", is(4));
        JsonPath updated = incident("GTD:" + run + "01");
        assertThat(updated.getString("summary")).contains("A bomber attacked");
        assertThat(updated.getInt("version")).isEqualTo(before.getInt("version") + 1);
        assertThat(updated.getList("casualties.id")).isEqualTo(before.getList("casualties.id"));
    }

    @Test
    void shouldImportAcledWithBothDateFormatsActorsRolesAndSources() throws IOException {
        String run = run();
        post("acled", "text/csv; charset=UTF-8", fixture("acled-sample.csv", run, StandardCharsets.UTF_8))
                .statusCode(201)
                .body("charset", is("UTF-8"))
                .body("report.received", is(7))
                .body("report.created", is(4))
                .body("report.failed", is(3))
                .body("report.errors.line", hasItems(5, 6, 7))
                .body("report.errors[0].message", containsString("sub_event_type 'Teleportation'"))
                .body("report.errors[1].message", containsString("event_date 'yesterday'"))
                .body("report.errors[2].message", containsString("fatalities 'many'"));

        JsonPath erbil = incident("ACLED:IRQ" + run + "1");
        assertThat(erbil.getString("startDate")).isEqualTo("2024-01-16");
        assertThat(erbil.getString("category.code")).isEqualTo("explosions-remote-violence");
        assertThat(erbil.getString("type.code")).isEqualTo("shelling-artillery-missile-attack");
        assertThat(erbil.getString("title")).isEqualTo("Shelling/artillery/missile attack in Erbil, Iraq");
        assertThat(erbil.getString("summary")).contains("\"spy headquarters\"");
        assertThat(erbil.getList("actors.role")).containsExactly("PERPETRATOR", "TARGET");
        assertThat(erbil.getInt("casualtySummary.killed.best")).isEqualTo(4);
        assertThat(erbil.getList("sources.name")).containsExactly("Rudaw " + run, "Haaretz " + run);
        assertThat(erbil.getList("tags")).contains("disorder:political-violence", "civilian-targeting");

        JsonPath baghdad = incident("ACLED:IRQ" + run + "2");
        assertThat(baghdad.getString("startDate")).isEqualTo("2024-01-04");
        assertThat(baghdad.getString("datePrecision")).isEqualTo("WEEK");
        assertThat(baghdad.getString("location.geoPrecision")).isEqualTo("NEAR");
        assertThat(baghdad.getList("actors.actor.name")).contains("Coalition partner " + run);
        assertThat(incident("ACLED:IRQ" + run + "3").getList("actors.role")).containsExactly("OTHER");
        // A battle's two actors are sides of a clash, not an attacker and its target.
        JsonPath battle = incident("ACLED:IRQ" + run + "7");
        assertThat(battle.getList("actors.role")).containsExactly("PARTY", "PARTY");
        assertThat(battle.getList("actors.actor.name")).containsExactlyInAnyOrder("Militia " + run, "Army " + run);
        given().queryParam("perpetrator", "Militia " + run).when().get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(0));
        given().queryParam("party", "Militia " + run).when().get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(1)).body("items[0].title", containsString("Armed clash"));
        String csv = given().queryParam("party", "Army " + run).queryParam("format", "csv").when()
                .get("/api/v1/incidents").then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",targetConfidence,parties,otherActors,");
        assertThat(csv).contains("Army " + run);

        given().queryParam("q", "Military Forces of Iran " + run).when().get("/api/v1/actors")
                .then().statusCode(200).body("items[0].kind", is("STATE_FORCE")).body("items[0].countryCode", is("IRQ"));
    }

    @Test
    void shouldImportUcdpGedWithRangesAndDeathsBySide() throws IOException {
        String run = run();
        post("ucdp-ged", "text/csv", fixture("ucdp-sample.csv", run, StandardCharsets.UTF_8))
                .statusCode(201)
                .body("report.created", is(2))
                .body("report.failed", is(2))
                .body("report.errors[0].message", containsString("type_of_violence"))
                .body("report.errors[1].message", containsString("before date_start"));

        JsonPath mosul = incident("UCDP:" + run + "1");
        assertThat(mosul.getString("type.code")).isEqualTo("armed-clash");
        assertThat(mosul.getString("startDate")).isEqualTo("2014-06-10");
        assertThat(mosul.getString("endDate")).isEqualTo("2014-06-12");
        assertThat(mosul.getString("location.admin1")).isEqualTo("Nineveh governorate");
        assertThat(mosul.getString("location.geoPrecision")).isEqualTo("EXACT");
        assertThat(mosul.getList("actors.actor.name")).containsExactly("Government of Iraq " + run, "IS " + run);
        assertThat(mosul.getList("actors.role")).as("state-based conflict: two sides").containsExactly("PARTY", "PARTY");
        assertThat(mosul.getList("casualties.category")).containsExactly("ALL", "MILITARY", "MILITANT", "CIVILIAN");
        assertThat(mosul.getInt("casualtySummary.killed.low")).isEqualTo(18);
        assertThat(mosul.getInt("casualtySummary.killed.best")).isEqualTo(20);
        assertThat(mosul.getInt("casualtySummary.killed.high")).isEqualTo(25);
        assertThat(mosul.getList("sources.name")).containsExactly("AFP", "BBC News");

        JsonPath sinjar = incident("UCDP:" + run + "2");
        assertThat(sinjar.getString("category.code")).isEqualTo("violence-against-civilians");
        assertThat(sinjar.getString("datePrecision")).isEqualTo("MONTH");
        assertThat(sinjar.getString("endDate")).isNull();
        assertThat(sinjar.getString("location.geoPrecision")).isEqualTo("ADMIN2");
        assertThat(sinjar.getList("tags")).containsExactly("one-sided-violence");
        assertThat(sinjar.getList("actors.role")).as("one-sided violence").containsExactly("PERPETRATOR", "TARGET");
    }

    @Test
    void shouldImportNdjsonMatchingActorsAndSourcesByNameAndSkippingTombstones() throws IOException {
        String run = run();
        post("ndjson", "application/x-ndjson", fixture("incidents.ndjson", run, StandardCharsets.UTF_8))
                .statusCode(201)
                .body("report.received", is(7))
                .body("report.created", is(2))
                .body("report.skipped", is(1))
                .body("report.failed", is(4))
                .body("report.errors.line", hasItems(4, 5, 7, 8))
                .body("report.errors.find { it.line == 5 }.message", containsString("location.latitude"))
                .body("report.errors.find { it.line == 7 }.message", containsString("teleportation"));

        JsonPath strike = incident("NDJ:" + run + "-1");
        assertThat(strike.getString("actors[0].actor.name")).isEqualTo("NDJSON Force " + run);
        assertThat(strike.getString("claims[0].actor.name")).isEqualTo("NDJSON Force " + run);
        assertThat(strike.getString("claimStatus")).isEqualTo("CLAIMED"); // derived, not taken from the file
        assertThat(strike.getInt("casualtySummary.killed.best")).isEqualTo(2);
        assertThat(strike.getString("casualties[0].source.name")).isEqualTo("NDJSON Wire " + run);
        assertThat(strike.getInt("version")).isZero();
        given().queryParam("publisher", "NDJSON Wire " + run).when().get("/api/v1/sources")
                .then().statusCode(200).body("total", is(1));
    }

    /**
     * New incidents are written as rows in bulk (COPY on PostgreSQL), not through Hibernate: what the tables hold must
     * read back as the document stored with them, for every field, text that needs quoting included. A second row
     * with the same reference in the same batch changes the incident before it is written.
     */
    @Test
    void shouldWriteImportedRowsThatReadBackAsTheirStoredDocument() {
        String run = run();
        String actor = "Bulk Front " + run;
        long source = Fixtures.source("Bulk Wire " + run);
        String row = """
                {"title": "Bulk \\"quoted\\", comma; ü %1$s", "summary": "Line one\\nline two, \\"three\\"",
                 "type": "air-drone-strike", "startDate": "2019-03-04", "endDate": "2019-03-06", "datePrecision": "DAY",
                 "location": {"countryCode": "IRQ", "admin1": "Nineveh", "admin2": "Mosul", "locality": "Al-Zuhur",
                  "latitude": 36.3566, "longitude": 43.1580, "geoPrecision": "NEAR"},
                 "actors": [{"actor": {"name": "%2$s"}, "role": "PERPETRATOR", "confidence": "SUSPECTED"},
                  {"actor": {"name": "Civilians (Iraq)"}, "role": "TARGET"}],
                 "casualties": [{"category": "CIVILIAN", "killed": {"low": 2, "best": 3, "high": 5}, "injured": 4,
                   "missing": {"best": 1}, "affiliation": {"text": "Residents"}, "source": {"id": %3$d},
                   "names": [{"name": "Ali \\"Abu\\" Hassan", "description": "teacher, 41"}, {"name": "Omar"}]}],
                 "claims": [{"actor": {"name": "%2$s"}, "stance": "CLAIMED", "channel": "VIDEO", "credibility": "PLAUSIBLE",
                   "statedOn": "2019-03-05", "statedBy": {"text": "a spokesman"}, "quote": "We did it, \\"all\\" of it",
                   "source": {"id": %3$d}}],
                 "sources": [{"id": %3$d}], "tags": ["bulk", "%1$s"],
                 "externalRefs": [{"dataset": "BLK", "externalId": "%1$s-1"}]}""".formatted(run, actor, source);
        String plain = """
                {"title": "Bulk plain %1$s", "type": "armed-clash", "startDate": "2020-01-01",
                 "externalRefs": [{"dataset": "BLK", "externalId": "%1$s-2"}]}""".formatted(run);
        String changed = plain.replace("Bulk plain", "Bulk plain, changed in the same batch");
        post("ndjson", "application/x-ndjson", String.join("\n", row.replace("\n", " "), plain.replace("\n", " "),
                changed.replace("\n", " ")).getBytes(StandardCharsets.UTF_8))
                .log().ifValidationFails().statusCode(201).body("report.created", is(2)).body("report.updated", is(1))
                .body("report.failed", is(0));

        for (String ref : List.of("BLK:" + run + "-1", "BLK:" + run + "-2")) {
            long id = incident(ref).getLong("id");
            String stored = given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().asString();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from incident_document where incident_id = :id").setParameter("id", id).executeUpdate());
            String fromTables = given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().asString();
            assertThat(JsonPath.from(fromTables).getMap("")).isEqualTo(JsonPath.from(stored).getMap(""));
        }
        JsonPath bulk = incident("BLK:" + run + "-1");
        assertThat(bulk.getString("title")).isEqualTo("Bulk \"quoted\", comma; ü " + run);
        assertThat(bulk.getString("summary")).isEqualTo("Line one\nline two, \"three\"");
        assertThat(bulk.getString("casualties[0].names[0].name")).isEqualTo("Ali \"Abu\" Hassan");
        assertThat(bulk.getString("claims[0].quote")).isEqualTo("We did it, \"all\" of it");
        assertThat(bulk.getString("claims[0].statedBy.text")).isEqualTo("a spokesman");
        assertThat(bulk.getInt("casualties[0].missing.best")).isEqualTo(1);
        assertThat(bulk.getString("claimStatus")).isEqualTo("CLAIMED");
        assertThat(incident("BLK:" + run + "-2").getString("title")).isEqualTo("Bulk plain, changed in the same batch " + run);
        given().when().get("/api/v1/incidents/" + bulk.getLong("id") + "/history").then().statusCode(200)
                .body("items.size()", is(1)).body("items[0].operation", is("CREATE"));
        // Lists by actor read incident_by_actor, written with the batch.
        given().queryParam("perpetrator", actor).queryParam("minKilled", 3).when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(1)).body("items[0].id", is((int) bulk.getLong("id")));
        given().queryParam("perpetrator", actor).queryParam("minKilled", 4).when().get("/api/v1/incidents").then()
                .statusCode(200).body("total", is(0));
    }

    /** A row's error that quotes a NUL from the file is stored (escaped) and the job goes on to DONE. */
    @Test
    void shouldStoreAnErrorQuotingAControlCharacterAndFinishTheJob() {
        String run = run();
        String body = """
                {"title": "Nul \\u0000 inside %1$s", "category": "battles", "startDate": "2020-01-01", "externalRefs": [{"dataset": "NUL", "externalId": "%1$s-1"}]}
                {"title": "After the nul %1$s", "category": "battles", "startDate": "2020-01-01", "externalRefs": [{"dataset": "NUL", "externalId": "%1$s-2"}]}
                """.formatted(run);
        post("ndjson", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("state", is("DONE")).body("report.created", is(1)).body("report.failed", is(1))
                .body("report.errors[0].line", is(1))
                .body("report.errors[0].message", org.hamcrest.Matchers.not(containsString("\u0000")));
        assertThat(incident("NUL:" + run + "-2").getString("title")).isEqualTo("After the nul " + run);
    }

    @Test
    void shouldRoundTripItsOwnNdjsonExport() {
        String tag = Fixtures.unique("roundtrip").replace(' ', '-');
        String actor = Fixtures.unique("Round trip actor");
        Fixtures.actor(actor);
        for (int i = 0; i < 3; i++) {
            Fixtures.createdId("/api/v1/incidents", """
                    {"title": "Round trip %d", "type": "armed-clash", "startDate": "2023-0%d-01", "tags": ["%s"],
                     "actors": [{"actor": {"name": "%s"}, "role": "PERPETRATOR"}],
                     "casualties": [{"category": "MILITARY", "killed": {"low": 1, "best": 2, "high": null}}],
                     "externalRefs": [{"dataset": "RT", "externalId": "%s-%d"}]}""".formatted(i, i + 1, tag, actor, tag, i));
        }
        String export = given().queryParam("tag", tag).queryParam("format", "ndjson").when().get("/api/v1/incidents")
                .then().statusCode(200).extract().asString();

        post("ndjson", "application/x-ndjson", export.getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("report.received", is(3)).body("report.skipped", is(3))
                .body("report.created", is(0)).body("report.failed", is(0));
    }

    @Test
    void shouldUpdateInsteadOfCopyingIncidentsWithoutExternalReferencesWhenTheirExportComesBack() {
        String tag = Fixtures.unique("no-refs").replace(' ', '-');
        String publisher = Fixtures.unique("Twice Press");
        long first = Fixtures.createdId("/api/v1/sources", "{\"publisher\": \"" + publisher + "\", \"title\": \"One\"}");
        long second = Fixtures.createdId("/api/v1/sources", "{\"publisher\": \"" + publisher + "\", \"title\": \"Two\"}");
        long cited = Fixtures.createdId("/api/v1/incidents", """
                {"title": "No reference 1", "category": "battles", "startDate": "2023-05-01", "tags": ["%s"],
                 "sources": [{"id": %d}]}""".formatted(tag, second));
        Fixtures.createdId("/api/v1/incidents", """
                {"title": "No reference 2", "category": "battles", "startDate": "2023-05-02", "tags": ["%s"]}"""
                .formatted(tag));
        String export = given().queryParam("tag", tag).queryParam("format", "ndjson").when().get("/api/v1/incidents")
                .then().statusCode(200).extract().asString();
        assertThat(export).contains("\"uid\":");

        for (int round = 0; round < 2; round++) {
            post("ndjson", "application/x-ndjson", export.getBytes(StandardCharsets.UTF_8))
                    .statusCode(201).body("report.received", is(2)).body("report.created", is(0))
                    .body("report.updated", is(0)).body("report.skipped", is(2)).body("report.failed", is(0));
        }
        given().queryParam("tag", tag).when().get("/api/v1/incidents").then().statusCode(200).body("total", is(2));
        // The incident still cites the second report of that publisher, not the first.
        given().when().get("/api/v1/incidents/" + cited).then().statusCode(200).body("sources.id",
                org.hamcrest.Matchers.contains((int) second)).body("sources.id", org.hamcrest.Matchers.not(hasItem((int) first)));
    }

    @Test
    void shouldRefuseATypedLineOfAnUnknownKindOrShape() {
        String run = run();
        long actorsBefore = Fixtures.count("/api/v1/actors");
        long sourcesBefore = Fixtures.count("/api/v1/sources");
        String lines = """
                {"kind": "weapon", "weapon": {"name": "x"}}
                {"kind": "actor"}
                {"kind": "incident", "incident": {"title": "Bad uid", "category": "battles", "startDate": "2023-01-01", "uid": "a b"}}
                {"kind": "actor", "actor": {"name": "Gang %1$s", "kind": "GANG"}}
                {"kind": "actor", "actor": {"name": "Orphan %1$s", "kind": "MILITIA", "parent": {"id": 5}}}
                {"kind": "source", "source": {"publisher": "Script %1$s", "url": "javascript:alert(1)"}}
                """.formatted(run);
        post("ndjson", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("report.failed", is(6)).body("report.created", is(0)).body("report.updated", is(0))
                .body("report.errors.line", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5, 6))
                .body("report.errors.message", hasItems(containsString("unknown kind"), containsString("typed line"),
                        containsString("uid"), containsString("by name"), containsString("url")))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        assertThat(Fixtures.count("/api/v1/actors")).isEqualTo(actorsBefore);
        assertThat(Fixtures.count("/api/v1/sources")).isEqualTo(sourcesBefore);
    }

    @Test
    void shouldRunLargeImportsAsJobsWithProgress() {
        String run = run();
        StringBuilder body = new StringBuilder();
        int rows = 1_200; // three batches of at most 500, written on the job's writer thread one after the other
        for (int i = 0; i < rows; i++) {
            body.append("""
                    {"title": "Bulk %s %d", "category": "battles", "startDate": "2020-01-01", "summary": "%s", "externalRefs": [{"dataset": "BULK", "externalId": "%s-%d"}]}
                    """.formatted(run, i, "x".repeat(80), run, i));
        }
        String location = post("ndjson", "application/x-ndjson", body.toString().getBytes(StandardCharsets.UTF_8))
                .statusCode(202).header("Location", containsString("/api/v1/imports/"))
                .body("id", notNullValue()).body("progress.bytesTotal", is(body.length()))
                .extract().header("Location");

        JsonPath job = finished(location);
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("report.created")).isEqualTo(rows);
        assertThat(job.getInt("progress.rowsRead")).isEqualTo(rows);
        assertThat(job.getFloat("progress.rowsPerSecond")).isPositive();
        assertThat(job.getString("finishedAt")).isNotNull();
        given().queryParam("q", "Bulk " + run).when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", is(rows));
        given().when().get(IMPORTS).then().statusCode(200).body("items.id", hasItem(job.getString("id")));
    }

    @Test
    void shouldRefuseBadImportRequestsWithProblemsAndWriteNothing() {
        long before = Fixtures.count("/api/v1/incidents");
        post("xlsx", "text/csv", "a,b\n1,2\n".getBytes()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("format"));
        given().contentType("text/csv").body("a,b\n1,2\n").when().post(IMPORTS)
                .then().statusCode(400).body("errors[0].field", is("format"));
        post("acled", "text/csv", new byte[0]).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("empty"));
        post("acled", "text/csv; charset=klingon", "a\n".getBytes()).statusCode(400)
                .body("errors[0].field", is("Content-Type"));
        post("acled", "image/png", "a\n".getBytes()).statusCode(415).contentType("application/problem+json");
        post("ndjson", "application/x-ndjson", "not json at all\n".getBytes()).statusCode(201)
                .body("report.failed", is(1)).body("report.errors[0].line", is(1))
                .body("report.errors[0].message", containsString("not valid JSON"));
        given().when().get(IMPORTS + "/no-such-job").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("page", 0).when().get(IMPORTS).then().statusCode(400).body("errors[0].field", is("page"));
        assertThat(Fixtures.count("/api/v1/incidents")).isEqualTo(before);
    }

    @Test
    void shouldFailOnlyTheRowWhoseActorTheModelRefuses() {
        String run = run();
        String longName = "Group " + "x".repeat(320);
        String body = """
                {"title": "Fine %s", "category": "battles", "startDate": "2020-01-01", "actors": [{"actor": {"name": "Fine group %s"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "LONG", "externalId": "%s-1"}]}
                {"title": "Too long %s", "category": "battles", "startDate": "2020-01-01", "actors": [{"actor": {"name": "%s"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "LONG", "externalId": "%s-2"}]}
                """.formatted(run, run, run, run, longName, run);
        post("ndjson", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("state", is("DONE"))
                .body("report.created", is(1)).body("report.failed", is(1))
                .body("report.errors[0].line", is(2))
                .body("report.errors[0].message", containsString("cannot create actor"))
                .body("report.errors[0].message", containsString("size must be between"));
        incident("LONG:" + run + "-1");
        given().queryParam("externalRef", "LONG:" + run + "-2").when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", is(0));
        given().queryParam("q", "Group xxxx").when().get("/api/v1/actors").then().statusCode(200).body("total", is(0));
    }

    @Test
    void shouldFailAMalformedCsvRowAloneAndReadOn() throws IOException {
        String run = run();
        String[] lines = new String(fixture("acled-sample.csv", run, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .split("\n");
        String body = lines[0] + "\n" + lines[1] + ",extra,columns\n" + lines[2] + "\n";
        post("acled", "text/csv", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("state", is("DONE"))
                .body("report.received", is(2)).body("report.created", is(1)).body("report.failed", is(1))
                .body("report.errors[0].line", is(2))
                .body("report.errors[0].message", containsString("Too many entries"));
        incident("ACLED:IRQ" + run + "2");
    }

    @Test
    void shouldShowAJobWhoseProcessStoppedAsFailed() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        String running = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob(running, ImportFormat.GTD, "windows-1252", 1000, longAgo, null, "another-instance");
            job.start(longAgo);
            jobs.persist(job);
            jobs.persist(new ImportJob(queued, ImportFormat.ACLED, "UTF-8", 1000, longAgo, null, "another-instance"));
            jobs.persist(new ImportJob(waiting, ImportFormat.ACLED, "UTF-8", 1000, longAgo, null, "another-instance"));
        });
        QuarkusTransaction.requiringNew().run(() -> jobs.keepAlive(List.of(waiting), Instant.now()));

        given().when().get(IMPORTS + "/" + running)
                .then().statusCode(200).body("state", is("FAILED"))
                .body("message", containsString("Run the same import again"))
                .body("progress.secondsLeft", nullValue())
                .body("startedAt", notNullValue());
        given().when().get(IMPORTS + "/" + queued)
                .then().statusCode(200).body("state", is("FAILED"))
                .body("message", containsString("Run the same import again"));
        given().when().get(IMPORTS + "/" + waiting).then().statusCode(200).body("state", is("QUEUED"));

        int marked = QuarkusTransaction.requiringNew().call(() -> jobs.failAbandoned(
                Instant.now().minus(ImportJob.ABANDONED_AFTER), Instant.now()));
        assertThat(marked).isGreaterThanOrEqualTo(2);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(jobs.findById(running).getState()).isEqualTo(ImportJob.State.FAILED);
            assertThat(jobs.findById(queued).getState()).isEqualTo(ImportJob.State.FAILED);
            assertThat(jobs.findById(waiting).getState()).isEqualTo(ImportJob.State.QUEUED);
        });
    }

    @Test
    void shouldFailItsOwnInterruptedJobsAtOnceOnRestartAndDeleteTheirSpooledBodies() throws IOException {
        String interrupted = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob mine = new ImportJob(interrupted, ImportFormat.GTD, "windows-1252", 1000, now, "admin",
                    importService.instanceId());
            mine.start(now);
            jobs.persist(mine);
            ImportJob theirs = new ImportJob(elsewhere, ImportFormat.GTD, "windows-1252", 1000, now, "admin", "other-host");
            theirs.start(now);
            jobs.persist(theirs);
        });
        Path dir = Path.of("target/import-spool");
        Files.createDirectories(dir);
        Path mineFile = Files.writeString(dir.resolve("kb-import-" + interrupted + ".upload"), "eventid\n1\n");
        Path theirFile = Files.writeString(dir.resolve("kb-import-" + elsewhere + ".upload"), "eventid\n1\n");

        importService.onStart(null); // what a restart of this instance does

        given().when().get(IMPORTS + "/" + interrupted).then().statusCode(200).body("state", is("FAILED"))
                .body("message", containsString("Run the same import again"));
        given().when().get(IMPORTS + "/" + elsewhere).then().statusCode(200).body("state", is("RUNNING"));
        assertThat(mineFile).doesNotExist();
        assertThat(theirFile).exists();
        QuarkusTransaction.requiringNew().run(() -> jobs.findById(elsewhere).finish(ImportJob.State.DONE, null, now));
        Files.deleteIfExists(theirFile);
    }

    @Test
    void shouldLeaveNoActorBehindForARowThatFails() {
        String run = run();
        String body = """
                {"title": "", "category": "battles", "startDate": "2020-01-01", "actors": [{"actor": {"name": "Invalid row group %s"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "ORPHAN", "externalId": "%s-1"}]}
                {"title": "Bad date %s", "category": "battles", "startDate": "1500-01-01", "actors": [{"actor": {"name": "Bad date group %s"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "ORPHAN", "externalId": "%s-2"}]}
                {"title": "First %s", "category": "battles", "startDate": "2020-01-01", "externalRefs": [{"dataset": "ORPHAN", "externalId": "%s-a"}]}
                {"title": "Second %s", "category": "battles", "startDate": "2020-01-01", "externalRefs": [{"dataset": "ORPHAN", "externalId": "%s-b"}]}
                {"title": "Both %s", "category": "battles", "startDate": "2020-01-01", "actors": [{"actor": {"name": "Conflict group %s"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "ORPHAN", "externalId": "%s-a"}, {"dataset": "ORPHAN", "externalId": "%s-b"}]}
                """.formatted(run, run, run, run, run, run, run, run, run, run, run, run, run);
        post("ndjson", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("state", is("DONE")).body("report.created", is(2)).body("report.failed", is(3))
                .body("report.errors.line", org.hamcrest.Matchers.contains(1, 2, 5));
        for (String name : List.of("Invalid row group", "Bad date group", "Conflict group")) {
            given().queryParam("q", name + " " + run).when().get("/api/v1/actors").then().statusCode(200)
                    .body("total", is(0));
        }
    }

}
