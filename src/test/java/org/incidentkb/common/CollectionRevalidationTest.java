package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/** Conditional GETs on lists, statistics and exports: 304 while nothing changed, a fresh answer once anything did. */
@QuarkusTest
class CollectionRevalidationTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Test
    void shouldAnswer304UntilAWriteChangesTheKb() {
        String title = Fixtures.unique("Revalidated");
        Fixtures.incident(title);
        String tag = tagOf(INCIDENTS, () -> given().queryParam("q", title));
        assertThat(tag).startsWith("W/\"");
        given().queryParam("q", title).header("If-None-Match", tag).when().get(INCIDENTS).then().statusCode(304)
                .header("ETag", tag).header("Cache-Control", "private, no-cache").body(is(emptyString()));
        given().queryParam("q", title).header("If-None-Match", "W/\"h0.0-0\", " + tag).when().head(INCIDENTS).then()
                .statusCode(304);

        // Any write, even one this list does not show, moves the clock: the body is computed again.
        Fixtures.actor(Fixtures.unique("Revalidation bystander"));
        String after = tagOf(INCIDENTS, () -> given().queryParam("q", title));
        assertThat(after).isNotEqualTo(tag);
        given().queryParam("q", title).header("If-None-Match", tag).when().get(INCIDENTS).then().statusCode(200)
                .body("total", is(1)).header("ETag", after);
    }

    @Test
    void shouldTellVariantsApart() {
        String title = Fixtures.unique("Variant");
        Fixtures.incident(title);
        String json = tagOf(INCIDENTS, () -> given().queryParam("q", title));
        String csv = tagOf(INCIDENTS, () -> given().queryParam("q", title).accept("text/csv"));
        String otherQuery = tagOf(INCIDENTS, () -> given().queryParam("q", title).queryParam("size", 5));
        String anonymous = tagOf(INCIDENTS, () -> given().auth().none().queryParam("q", title));
        assertThat(List.of(csv, otherQuery, anonymous)).doesNotContain(json).doesNotHaveDuplicates();
        // The signed-in reader's tag does not revalidate the anonymous answer: it is sent in full.
        given().auth().none().queryParam("q", title).header("If-None-Match", json).when().get(INCIDENTS).then()
                .statusCode(200).header("ETag", anonymous).body("total", org.hamcrest.Matchers.is(1))
                .body("items[0].title", org.hamcrest.Matchers.is(title));
        given().auth().none().queryParam("q", title).when().get(INCIDENTS).then().statusCode(200)
                .header("Cache-Control", "no-cache");
    }

    @Test
    void shouldRevalidateStatisticsExportsAndOtherLists() {
        for (String path : List.of("/api/v1/stats/incidents?groupBy=country", "/api/v1/actors", "/api/v1/sources",
                "/api/v1/event-types", "/api/v1/links", "/api/v1/claims", INCIDENTS + "?format=geojson")) {
            String tag = tagOf(path, () -> given());
            given().header("If-None-Match", tag).when().get(path).then().statusCode(304);
        }
        // Records read by id keep their own strong tags (version and digest).
        long id = Fixtures.incident(Fixtures.unique("Strong tag"));
        given().when().get(INCIDENTS + "/" + id).then().statusCode(200).header("ETag", startsWith("\"0-"));
    }

    @Test
    void shouldMoveTheClockWhenAnImportWrites() {
        String tag = tagOf(INCIDENTS, () -> given().queryParam("size", 1));
        long before = given().queryParam("size", 1).when().get(INCIDENTS).then().statusCode(200).extract().jsonPath()
                .getLong("total");
        String title = Fixtures.unique("Imported revalidation");
        String line = """
                {"title": "%s", "category": "battles", "startDate": "2020-01-01"}
                """.formatted(title);
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .queryParam("format", "ndjson").when().post("/api/v1/imports").then().statusCode(201);
        // The old tag no longer revalidates: the answer comes in full and counts the imported incident.
        long after = given().queryParam("size", 1).header("If-None-Match", tag).when().get(INCIDENTS).then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.is(1)).extract().jsonPath().getLong("total");
        assertThat(after).isEqualTo(before + 1);
        assertThat(tagOf(INCIDENTS, () -> given().queryParam("size", 1))).isNotEqualTo(tag);
    }

    @Inject
    MeterRegistry registry;

    /**
     * A repeated ask is answered from the body kept by its tag, byte for byte, until a write retires the tag; the body
     * is kept from the second time the tag is answered.
     */
    @Test
    void shouldAnswerARepeatedAskFromTheKeptBodyUntilAWriteChangesTheKb() {
        String title = Fixtures.unique("Kept body");
        Fixtures.incident(title + " one");
        Fixtures.incident(title + " two");
        Supplier<RequestSpecification> ask = () -> given().queryParam("q", title).queryParam("size", 1);
        var first = ask.get().when().get(INCIDENTS).then().statusCode(200).body("total", is(2)).extract().response();
        double hits = keptBodiesServed();
        // Kept the second time its tag is answered (an ask made once is not copied), served from the third on.
        var second = ask.get().when().get(INCIDENTS).then().statusCode(200).extract().response();
        assertThat(keptBodiesServed()).isEqualTo(hits);
        var again = ask.get().when().get(INCIDENTS).then().statusCode(200).extract().response();
        assertThat(keptBodiesServed()).isEqualTo(hits + 1);
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        for (String header : List.of("ETag", "Link", "Content-Type", "Cache-Control")) {
            assertThat(again.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
        }
        // Cache-Control: no-cache has it computed again (the same bytes, nothing changed), and not kept.
        hits = keptBodiesServed();
        assertThat(ask.get().header("Cache-Control", "no-cache").when().get(INCIDENTS).then().statusCode(200)
                .header("ETag", first.header("ETag")).extract().asByteArray()).isEqualTo(first.asByteArray());
        assertThat(ask.get().header("Cache-Control", "no-store").when().get(INCIDENTS).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(first.asByteArray());
        assertThat(keptBodiesServed()).isEqualTo(hits);
        // Neither took the kept body away: the next plain ask is served from it.
        assertThat(ask.get().when().get(INCIDENTS).then().statusCode(200).extract().asByteArray())
                .isEqualTo(first.asByteArray());
        assertThat(keptBodiesServed()).isEqualTo(hits + 1);
        // Another representation of the same list is another body (and tag).
        String csv = ask.get().accept("text/csv").when().get(INCIDENTS).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("id,").contains(title);
        double csvHits = keptBodiesServed();
        for (int i = 0; i < 2; i++) {
            assertThat(ask.get().accept("text/csv").when().get(INCIDENTS).then().statusCode(200).extract().asString())
                    .isEqualTo(csv);
        }
        assertThat(keptBodiesServed()).as("the CSV kept at its second ask, served at its third").isEqualTo(csvHits + 1);

        // A write retires the tag: the same ask is computed again and shows it.
        Fixtures.incident(title + " three");
        hits = keptBodiesServed();
        ask.get().when().get(INCIDENTS).then().statusCode(200).body("total", is(3))
                .header("ETag", org.hamcrest.Matchers.not(first.header("ETag")));
        assertThat(keptBodiesServed()).isEqualTo(hits);
    }

    /** A kept body is sent gzipped to a client that accepts gzip, as a computed one is, and as it is to others. */
    @Test
    void shouldCompressAKeptBodyForAClientThatAcceptsGzip() throws java.io.IOException {
        String title = Fixtures.unique("Kept gzip");
        for (int i = 0; i < 20; i++) {
            Fixtures.incident(title + " " + i);
        }
        var raw = io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        Supplier<RequestSpecification> gzip = () -> given().config(raw).header("Accept-Encoding", "gzip")
                .queryParam("q", title);
        byte[] computed = gzip.get().when().get(INCIDENTS).then().statusCode(200).header("Content-Encoding", "gzip")
                .extract().asByteArray();
        double hits = keptBodiesServed();
        gzip.get().when().get(INCIDENTS).then().statusCode(200);
        var kept = gzip.get().when().get(INCIDENTS).then().statusCode(200).header("Content-Encoding", "gzip")
                .extract();
        assertThat(keptBodiesServed()).as("the third ask served from the kept body").isEqualTo(hits + 1);
        assertThat(gunzip(kept.asByteArray())).isEqualTo(gunzip(computed));
        var plain = given().config(raw).header("Accept-Encoding", "identity").queryParam("q", title).when()
                .get(INCIDENTS).then().statusCode(200).extract();
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.asByteArray()).isEqualTo(gunzip(computed));
    }

    private static byte[] gunzip(byte[] gzipped) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    /**
     * Statistics are kept as their JSON and their CSV were written, each served from the third ask with the same bytes
     * and Content-Type; the JSON written by the application's mapper for the kept answer is the framework's own.
     */
    @Test
    void shouldAnswerRepeatedStatisticsFromTheirKeptBodies() {
        String country = "KWT";
        Fixtures.incident(Fixtures.unique("Kept statistics"));
        for (String format : List.of("json", "csv")) {
            Supplier<RequestSpecification> ask = () -> given().queryParam("groupBy", "month")
                    .queryParam("country", country).queryParam("format", format);
            var first = ask.get().when().get("/api/v1/stats/incidents").then().statusCode(200).extract().response();
            ask.get().when().get("/api/v1/stats/incidents").then().statusCode(200);
            double hits = keptBodiesServed();
            var kept = ask.get().when().get("/api/v1/stats/incidents").then().statusCode(200).extract().response();
            assertThat(keptBodiesServed()).as(format).isEqualTo(hits + 1);
            assertThat(kept.asByteArray()).as(format).isEqualTo(first.asByteArray());
            assertThat(jakarta.ws.rs.core.MediaType.valueOf(kept.header("Content-Type"))).as(format)
                    .isEqualTo(jakarta.ws.rs.core.MediaType.valueOf(first.header("Content-Type")));
            assertThat(kept.header("Content-Type")).startsWith(format.equals("json") ? "application/json" : "text/csv");
            assertThat(kept.asString()).as(format).contains(format.equals("json") ? "\"groupBy\":[\"month\"]" : "month");
        }
    }

    /** A body is kept only while it is no larger than the limit; what is written goes through whole either way. */
    @Test
    void shouldKeepOnlyBodiesWithinTheLimit() throws java.io.IOException {
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        ResponseCacheWriter.Copy small = new ResponseCacheWriter.Copy(sent, 8);
        small.write("abc".getBytes(StandardCharsets.UTF_8));
        small.write('d');
        assertThat(small.kept.toString(StandardCharsets.UTF_8)).isEqualTo("abcd");
        ResponseCacheWriter.Copy large = new ResponseCacheWriter.Copy(sent, 8);
        large.write("abcdefgh".getBytes(StandardCharsets.UTF_8));
        large.write('i');
        assertThat(large.kept).isNull();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("abcdabcdefghi");
    }

    private double keptBodiesServed() {
        return registry.get("cache.gets").tag("cache", "kb-responses").tag("result", "hit").functionCounter().count();
    }

    /** An operator may let caches reuse anonymous answers for a while; by default every use revalidates. */
    @Test
    void shouldSayHowLongAnAnonymousAnswerMayBeReused() {
        assertThat(CollectionRevalidation.publicCacheControl(Duration.ZERO)).isEqualTo("no-cache");
        assertThat(CollectionRevalidation.publicCacheControl(Duration.ofSeconds(30)))
                .isEqualTo("public, max-age=30, must-revalidate");
    }

    /** Every operation the filters serve documents its 304, which the OpenAPI document builds the rest from. */
    @Test
    void shouldDocumentEveryRevalidatedOperation() throws ClassNotFoundException {
        List<Class<?>> operations = List.of(Class.forName("org.incidentkb.incident.IncidentOperations"),
                Class.forName("org.incidentkb.stats.StatsOperations"), Class.forName("org.incidentkb.actor.ActorOperations"),
                Class.forName("org.incidentkb.link.LinkOperations"));
        int revalidated = 0;
        for (Class<?> type : operations) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Revalidated.class)) {
                    revalidated++;
                    assertThat(Arrays.stream(method.getAnnotationsByType(APIResponse.class)).map(APIResponse::responseCode))
                            .as(method.toString()).contains("304");
                }
            }
        }
        assertThat(revalidated).isGreaterThanOrEqualTo(7);
        String spec = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(spec).contains("\"If-None-Match\"").contains(ApiDocs.COLLECTION_ETAG.substring(0, 40));
    }

    /**
     * The ETag of an answer, once there is one: while a background job (matching after another test's import)
     * writes to the embedded database, answers go out without one.
     */
    private static String tagOf(String path, Supplier<RequestSpecification> request) {
        String[] tag = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            tag[0] = request.get().when().get(path).then().statusCode(200).extract().header("ETag");
            return tag[0] != null;
        });
        return tag[0];
    }
}
