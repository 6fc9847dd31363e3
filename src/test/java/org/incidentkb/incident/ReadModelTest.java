package org.incidentkb.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import org.incidentkb.Fixtures;
import org.incidentkb.incident.api.IncidentApi;
import org.incidentkb.incident.readmodel.DocumentRebuilder;
import org.incidentkb.incident.readmodel.IncidentDocuments;
import org.junit.jupiter.api.Test;

/** Reads by id come from the stored representation: every write must show on the very next read. */
@QuarkusTest
class ReadModelTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Inject
    EntityManager em;

    @Test
    void shouldShowEveryKindOfWriteOnTheNextRead() {
        long actor = Fixtures.actor(Fixtures.unique("Read model group"));
        long source = Fixtures.source(Fixtures.unique("Read model press"));
        long id = Fixtures.incident(Fixtures.unique("Read model"));
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).body("version", is(0)).header("ETag", org.hamcrest.Matchers.startsWith("\"0-"));

        given().contentType("application/merge-patch+json").body("{\"summary\": \"Patched\", \"actors\": [{\"actor\": {\"id\": "
                + actor + "}, \"role\": \"PERPETRATOR\"}]}").when().patch(INCIDENTS + "/" + id).then().statusCode(200);
        given().when().get(INCIDENTS + "/" + id).then().body("summary", is("Patched")).body("version", is(1));

        long casualty = given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 4}").when()
                .post(INCIDENTS + "/" + id + "/casualties").then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get(INCIDENTS + "/" + id).then().body("casualtySummary.killed.best", is(4)).body("version", is(2));
        given().contentType(ContentType.JSON).body("{\"category\": \"ALL\", \"killed\": 6}").when()
                .put(INCIDENTS + "/" + id + "/casualties/" + casualty).then().statusCode(200);
        given().when().get(INCIDENTS + "/" + id).then().body("casualtySummary.killed.best", is(6));
        given().contentType(ContentType.JSON).body("{\"actor\": {\"id\": " + actor + "}, \"stance\": \"CLAIMED\"}").when()
                .post(INCIDENTS + "/" + id + "/claims").then().statusCode(201);
        given().when().get(INCIDENTS + "/" + id).then().body("claimStatus", is("CLAIMED"));
        given().when().put(INCIDENTS + "/" + id + "/sources/" + source).then().statusCode(204);
        given().when().get(INCIDENTS + "/" + id).then().body("sources.id", contains((int) source));
        given().when().delete(INCIDENTS + "/" + id + "/casualties/" + casualty).then().statusCode(204);
        given().when().get(INCIDENTS + "/" + id).then().body("casualtySummary.killed", nullValue());

        // A renamed actor or source shows under its new name at once.
        String renamed = Fixtures.unique("Renamed group");
        given().contentType("application/merge-patch+json").body("{\"name\": \"" + renamed + "\"}").when()
                .patch("/api/v1/actors/" + actor).then().statusCode(200);
        given().when().get(INCIDENTS + "/" + id).then().body("actors[0].actor.name", is(renamed))
                .body("claims[0].actor.name", is(renamed));
        given().contentType("application/merge-patch+json").body("{\"publisher\": \"Renamed press\"}").when()
                .patch("/api/v1/sources/" + source).then().statusCode(200);
        given().when().get(INCIDENTS + "/" + id).then().body("sources[0].name", is("Renamed press"));

        given().when().delete(INCIDENTS + "/" + id).then().statusCode(204);
        given().when().get(INCIDENTS + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldChangeTheETagWhenARenamedActorOrSourceChangesTheBody() {
        long actor = Fixtures.actor(Fixtures.unique("Tagged group"));
        long source = Fixtures.source(Fixtures.unique("Tagged press"));
        long id = Fixtures.incident(Fixtures.unique("Tagged"));
        given().contentType("application/merge-patch+json").body("{\"actors\": [{\"actor\": {\"id\": " + actor
                + "}, \"role\": \"PERPETRATOR\"}], \"sources\": [{\"id\": " + source + "}]}").when()
                .patch(INCIDENTS + "/" + id).then().statusCode(200);
        var first = given().when().get(INCIDENTS + "/" + id).then().statusCode(200).extract();
        String etag = first.header("ETag");

        String renamed = Fixtures.unique("Renamed tagged group");
        given().contentType("application/merge-patch+json").body("{\"name\": \"" + renamed + "\"}").when()
                .patch("/api/v1/actors/" + actor).then().statusCode(200);
        var afterActor = given().header("If-None-Match", etag).when().get(INCIDENTS + "/" + id).then().statusCode(200)
                .body("actors[0].actor.name", is(renamed)).body("version", is(1)).extract();
        String actorTag = afterActor.header("ETag");
        org.assertj.core.api.Assertions.assertThat(actorTag).isNotEqualTo(etag).startsWith("\"1-");

        given().contentType("application/merge-patch+json").body("{\"publisher\": \"" + Fixtures.unique("Renamed press")
                + "\"}").when().patch("/api/v1/sources/" + source).then().statusCode(200);
        String sourceTag = given().header("If-None-Match", actorTag).when().get(INCIDENTS + "/" + id).then()
                .statusCode(200).extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(sourceTag).isNotEqualTo(actorTag);
        // The same bytes keep the same tag, and a write based on the version still passes If-Match.
        given().header("If-None-Match", sourceTag).when().get(INCIDENTS + "/" + id).then().statusCode(304);
        given().header("If-Match", etag).contentType("application/merge-patch+json").body("{\"summary\": \"still v1\"}")
                .when().patch(INCIDENTS + "/" + id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"2-"));
    }

    /**
     * Edits of an actor's incidents while the actor is renamed again and again: whatever the interleaving, no stored
     * document keeps a name the actor no longer has (a write that read the old name before a rename committed does not
     * store what it built).
     */
    @Test
    void shouldNotStoreAnOldNameWhenAnEditRacesARename() throws Exception {
        String run = Fixtures.unique("Racing group");
        long actor = Fixtures.actor(run);
        java.util.List<Long> incidents = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = Fixtures.incident(run + " incident " + i);
            given().contentType("application/merge-patch+json").body("{\"actors\": [{\"actor\": {\"id\": " + actor
                    + "}, \"role\": \"PERPETRATOR\"}]}").when().patch(INCIDENTS + "/" + id).then().statusCode(200);
            incidents.add(id);
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService editors = java.util.concurrent.Executors.newFixedThreadPool(4);
        String last = run;
        try {
            for (long id : incidents) {
                editors.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        given().contentType("application/merge-patch+json").body("{\"summary\": \"edit " + n + "\"}")
                                .when().patch(INCIDENTS + "/" + id);
                    }
                });
            }
            for (int r = 0; r < 15; r++) {
                last = run + " renamed " + r;
                given().contentType("application/merge-patch+json").body("{\"name\": \"" + last + "\"}").when()
                        .patch("/api/v1/actors/" + actor).then().statusCode(200);
            }
        } finally {
            stop.set(true);
            editors.shutdown();
            editors.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        String finalName = last;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            for (long id : incidents) {
                given().when().get(INCIDENTS + "/" + id).then().statusCode(200)
                        .body("actors[0].actor.name", is(finalName));
            }
        });
    }

    @Test
    void shouldShowTheNewNameOfAnActorNamedOnlyInAClaimOrACasualtyRecord() {
        long speaker = Fixtures.actor(Fixtures.unique("Spokesman office"));
        long unit = Fixtures.actor(Fixtures.unique("Border unit"));
        long id = Fixtures.incident(Fixtures.unique("Named in records"));
        Fixtures.createdId(INCIDENTS + "/" + id + "/claims", """
                {"actor": {"id": %d}, "stance": "ATTRIBUTED", "statedBy": {"actor": {"id": %d}}}""".formatted(unit, speaker));
        Fixtures.createdId(INCIDENTS + "/" + id + "/casualties", """
                {"category": "MILITANT", "affiliation": {"actor": {"id": %d}}, "killed": 2}""".formatted(unit));
        String before = given().when().get(INCIDENTS + "/" + id).then().statusCode(200).extract().header("ETag");

        String speakerName = Fixtures.unique("Renamed spokesman office");
        String unitName = Fixtures.unique("Renamed border unit");
        for (var rename : java.util.Map.of(speaker, speakerName, unit, unitName).entrySet()) {
            given().contentType("application/merge-patch+json").body("{\"name\": \"" + rename.getValue() + "\"}")
                    .when().patch("/api/v1/actors/" + rename.getKey()).then().statusCode(200);
        }

        given().when().get(INCIDENTS + "/" + id).then().statusCode(200)
                .body("claims[0].statedBy.actor.name", is(speakerName))
                .body("claims[0].actor.name", is(unitName))
                .body("casualties[0].affiliation.actor.name", is(unitName))
                .header("ETag", org.hamcrest.Matchers.not(before));
    }

    @Test
    void shouldGiveAWriteTheETagOfWhatTheNextReadAnswers() {
        long id = Fixtures.incident(Fixtures.unique("Same tag"));
        String written = given().contentType("application/merge-patch+json").body("{\"summary\": \"tagged\"}").when()
                .patch(INCIDENTS + "/" + id).then().statusCode(200).extract().header("ETag");
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).header("ETag", written);
        long actor = Fixtures.actor(Fixtures.unique("Same tag group"));
        String actorTag = given().when().get("/api/v1/actors/" + actor).then().statusCode(200).extract().header("ETag");
        String patched = given().header("If-Match", actorTag).contentType("application/merge-patch+json")
                .body("{\"description\": \"x\"}").when().patch("/api/v1/actors/" + actor).then().statusCode(200)
                .body("description", is("x")).body("version", is(1))
                .header("ETag", org.hamcrest.Matchers.startsWith("\"1-")).extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(patched).isNotEqualTo(actorTag);
        given().when().get("/api/v1/actors/" + actor).then().statusCode(200).header("ETag", patched)
                .body("description", is("x"));
        // A write based on the old version is refused and changes nothing.
        given().header("If-Match", actorTag).contentType("application/merge-patch+json").body("{\"description\": \"y\"}")
                .when().patch("/api/v1/actors/" + actor).then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/v1/actors/" + actor).then().statusCode(200).body("description", is("x"));
    }

    @Test
    void shouldAnswerAConditionalReadWith304AndRebuildAMissingDocument() {
        long id = Fixtures.incident(Fixtures.unique("Conditional"));
        String etag = given().when().get(INCIDENTS + "/" + id).then().statusCode(200).header("Cache-Control", "no-cache")
                .header("Vary", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Accept"),
                        org.hamcrest.Matchers.containsString("Accept-Encoding"), org.hamcrest.Matchers.containsString("Origin")))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(INCIDENTS + "/" + id).then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "W/" + etag).when().get(INCIDENTS + "/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"0\"").when().get(INCIDENTS + "/" + id).then().statusCode(200)
                .body("id", is((int) id));
        given().header("If-None-Match", etag).when().get(INCIDENTS + "/987654321").then().statusCode(404);

        // An incident without a document (dropped by a rename, or by a migration) reads the same, with the same tag,
        // built from its entities; the read stores nothing, the rebuilder does.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from incident_document where incident_id = :id").setParameter("id", id).executeUpdate());
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).body("id", is((int) id)).header("ETag", etag);
        given().header("If-None-Match", etag).when().get(INCIDENTS + "/" + id).then().statusCode(304);
        org.assertj.core.api.Assertions.assertThat(storedDocuments(id)).as("a read writes nothing").isZero();
        rebuilder.schedule();
        // The readiness check says when the pass is over (UP all along: reads work meanwhile); by then it is stored.
        org.awaitility.Awaitility.await("the rebuilder's pass ends").pollInSameThread()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "idle".equals(given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'documents' }.status", is("UP")).extract().jsonPath()
                        .getString("checks.find { it.name == 'documents' }.data.state")));
        org.assertj.core.api.Assertions.assertThat(storedDocuments(id)).isEqualTo(1);
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).header("ETag", etag);
    }

    private long storedDocuments(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from incident_document where incident_id = :id").setParameter("id", id)
                .getSingleResult()).longValue());
    }

    @Inject
    DocumentRebuilder rebuilder;

    @Inject
    IncidentDocuments documents;

    @Inject
    IncidentService incidents;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void shouldReadListsFromTheStoredRepresentationsAsTheSameViews() throws Exception {
        for (long id : new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }) {
            var flat = QuarkusTransaction.requiringNew().call(() -> documents.flatViews(java.util.List.of(id)));
            var stored = QuarkusTransaction.requiringNew().call(() -> documents.json(java.util.List.of(id)));
            var built = QuarkusTransaction.requiringNew().call(() -> incidents.get(id).orElseThrow());
            // JSON pages and NDJSON write the stored JSON: it reads back as the incident, casualty records included.
            org.assertj.core.api.Assertions.assertThat(json.readValue(stored.get(id).utf8(),
                    IncidentApi.IncidentView.class)).usingRecursiveComparison().isEqualTo(built);
            // CSV and GeoJSON read it without what no row shows: the casualty records (the summary is shown), the
            // uid, and of each claim all but its actor and stance.
            org.assertj.core.api.Assertions.assertThat(flat.get(id)).usingRecursiveComparison()
                    .ignoringFields("casualties", "uid", "claims").isEqualTo(built);
            org.assertj.core.api.Assertions.assertThat(flat.get(id).casualties()).isNull();
            org.assertj.core.api.Assertions.assertThat(flat.get(id).claims())
                    .extracting(c -> c.actor().id() + " " + c.actor().name() + " " + c.stance())
                    .containsExactlyElementsOf(built.claims().stream()
                            .map(c -> c.actor().id() + " " + c.actor().name() + " " + c.stance()).toList());
        }
    }

    /**
     * An export's chunk is decoded on every core: the documents of 260 incidents read at once are those read one by
     * one, and the CSV and NDJSON of them hold every incident once, in order.
     */
    @Test
    void shouldReadAChunkOfDocumentsAtOnceAsOneByOne() {
        String tag = Fixtures.unique("chunk").replace(' ', '-');
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 260; i++) {
            lines.append("""
                    {"title": "Chunk %d", "category": "battles", "startDate": "2022-01-%02d", "tags": ["%s"],                     "location": {"countryCode": "IRQ", "locality": "Place %d"},                     "actors": [{"actor": {"name": "%s"}, "role": "PERPETRATOR"}],                     "claims": [{"actor": {"name": "%s"}, "stance": "CLAIMED", "quote": "quote %d"}],                     "casualties": [{"category": "CIVILIAN", "killed": {"best": %d}}]}
                    """.formatted(i, i % 28 + 1, tag, i, tag + " group", tag + " group", i, i % 7));
        }
        Fixtures.actor(tag + " group");
        String job = given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("format", "ndjson").when()
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        org.awaitility.Awaitility.await("the import ends").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> given().when().get(job).then().statusCode(200).extract().jsonPath().getString("state"),
                        state -> !state.equals("QUEUED") && !state.equals("RUNNING"));
        given().when().get(job).then().body("state", is("DONE")).body("report.created", is(260));
        java.util.List<Long> ids = given().queryParam("tag", tag).queryParam("sort", "id").queryParam("size", 500)
                .queryParam("fields", "id").when().get(INCIDENTS).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
        org.assertj.core.api.Assertions.assertThat(ids).hasSize(260);

        var flat = QuarkusTransaction.requiringNew().call(() -> documents.flatViews(ids));
        var stored = QuarkusTransaction.requiringNew().call(() -> documents.json(ids));
        org.assertj.core.api.Assertions.assertThat(flat).hasSize(260);
        org.assertj.core.api.Assertions.assertThat(stored).hasSize(260);
        for (long id : ids) {
            var one = QuarkusTransaction.requiringNew().call(() -> documents.flatViews(java.util.List.of(id)));
            org.assertj.core.api.Assertions.assertThat(flat.get(id)).usingRecursiveComparison().isEqualTo(one.get(id));
            org.assertj.core.api.Assertions.assertThat(new String(stored.get(id).utf8(), StandardCharsets.UTF_8))
                    .isEqualTo(given().header("Accept-Encoding", "identity").when().get(INCIDENTS + "/" + id).then()
                            .statusCode(200).extract().asString());
        }
        org.assertj.core.api.Assertions.assertThat(flat.get(ids.get(5)).title()).isEqualTo("Chunk 5");
        org.assertj.core.api.Assertions.assertThat(flat.get(ids.get(5)).casualtySummary().killed().best()).isEqualTo(5);

        String csv = given().queryParam("tag", tag).queryParam("sort", "id").queryParam("format", "csv").when()
                .get(INCIDENTS).then().statusCode(200).extract().asString();
        String[] rows = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(261);
        for (int i = 0; i < 260; i++) {
            org.assertj.core.api.Assertions.assertThat(rows[i + 1]).startsWith(ids.get(i) + ",0,Chunk " + i + ",")
                    .contains(",CLAIMED," + tag + " group,");
        }
        String ndjson = given().queryParam("tag", tag).queryParam("sort", "id").queryParam("format", "ndjson").when()
                .get(INCIDENTS).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(ndjson.split("\n")).hasSize(260)
                .allSatisfy(line -> org.assertj.core.api.Assertions.assertThat(line).contains("\"quote\""));
    }

    @Test
    void shouldGzipForClientsThatAcceptIt() {
        given().header("Accept-Encoding", "gzip").when().get(INCIDENTS + "?size=20").then().statusCode(200)
                .header("Content-Encoding", "gzip").body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().header("Accept-Encoding", "gzip").queryParam("format", "csv").when().get(INCIDENTS).then()
                .statusCode(200).header("Content-Encoding", "gzip");
    }

    /**
     * An incident read by a client that accepts gzip gets its stored document's gzip bytes as they are: the same JSON
     * and ETag as the plain read, compressed once at write time rather than at every read.
     */
    @Test
    void shouldSendTheStoredGzipAsItIs() throws Exception {
        long id = Fixtures.incident(Fixtures.unique("Stored gzip"));
        var plain = given().header("Accept-Encoding", "identity").when().get(INCIDENTS + "/" + id).then().statusCode(200)
                .extract();
        var uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + INCIDENTS + "/" + id);
        var gzipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "gzip, br").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.assertj.core.api.Assertions.assertThat(gzipped.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        org.assertj.core.api.Assertions.assertThat(gzipped.headers().firstValue("ETag")).hasValue(plain.header("ETag"));
        // A cache keeps the two apart by the coding the client accepts.
        org.assertj.core.api.Assertions.assertThat(gzipped.headers().firstValue("Vary").orElse(""))
                .containsIgnoringCase("Accept-Encoding");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            org.assertj.core.api.Assertions.assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(plain.asString());
        }
        // gzip;q=0 is a refusal: the plain JSON.
        var refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "gzip;q=0").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(refused.body()).isEqualTo(plain.asString());
    }

    /** Brotli for clients that prefer it; the body decodes to the same JSON (brotli4j, as the server uses it). */
    @Test
    void shouldBrotliForClientsThatAcceptIt() throws Exception {
        var uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + INCIDENTS + "?size=20");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "br").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Encoding")).hasValue("br");
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        try (var in = new com.aayushatharva.brotli4j.decoder.BrotliInputStream(
                new java.io.ByteArrayInputStream(response.body()))) {
            var page = json.readTree(in);
            org.assertj.core.api.Assertions.assertThat(page.get("items").size()).isPositive();
        }
    }
}
