package org.incidentkb.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.incidentkb.Fixtures;
import org.incidentkb.common.Database;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /stats/incidents over incidents made for each test (isolated by a tag). */
@QuarkusTest
class StatsResourceTest {

    private static final String STATS = "/api/v1/stats/incidents";

    @Inject
    StatsQueries queries;

    @Inject
    IncidentSearchService search;

    @Inject
    WideStatistics wide;

    @Inject
    ObjectMapper json;

    @Inject
    Database database;

    private String tag;
    private long perpetrator;
    private String perpetratorName;

    /** Three incidents: Jan 2024 (IRQ, Erbil, 4+ killed, claimed), Jan 2024 (IRQ, Baghdad, 2 killed 5 injured), Mar 2023 (SYR). */
    @BeforeEach
    void threeIncidents() {
        tag = Fixtures.unique("stats").replace(' ', '-');
        perpetratorName = Fixtures.unique("Stats perp");
        perpetrator = Fixtures.actor(perpetratorName);
        create("""
                "title": "Erbil", "type": "shelling-artillery-missile-attack", "startDate": "2024-01-16",
                "location": {"countryCode": "IRQ", "admin1": "Erbil"},
                "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                "casualties": [{"category": "CIVILIAN", "killed": {"low": 4, "best": 4, "high": null}}],
                "claims": [{"actor": {"id": %d}, "stance": "CLAIMED"}]""".formatted(perpetrator, perpetrator));
        create("""
                "title": "Baghdad", "type": "air-drone-strike", "startDate": "2024-01-04",
                "location": {"countryCode": "IRQ", "admin1": "Baghdad"},
                "actors": [{"actor": {"id": %d}, "role": "PERPETRATOR"}],
                "casualties": [{"category": "ALL", "killed": {"low": 2, "best": 2, "high": 3}, "injured": 5}]"""
                .formatted(perpetrator));
        create("""
                "title": "Syria", "type": "armed-clash", "startDate": "2023-03-01", "location": {"countryCode": "SYR"}""");
    }

    private void create(String fields) {
        Fixtures.createdId("/api/v1/incidents", "{" + fields + ", \"tags\": [\"" + tag + "\"]}");
    }

    /** Generated clients read each group key typed: the document names one property per dimension. */
    @Test
    void shouldDocumentATypedKeyForEveryDimension() {
        java.util.Map<String, Object> properties = given().accept(ContentType.JSON).when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("components.schemas.IncidentStatsRow.properties");
        for (Dimension dimension : Dimension.values()) {
            assertThat(properties).containsKey(dimension.param);
        }
        assertThat(given().accept(ContentType.JSON).when().get("/q/openapi").then().extract().jsonPath()
                .getString("components.schemas.IncidentStatsRow.properties.country.anyOf[0].$ref"))
                .isEqualTo("#/components/schemas/CountryKey");
    }

    @Test
    void shouldCountAndSumPerMonth() {
        given().queryParam("tag", tag).queryParam("groupBy", "month")
                .when().get(STATS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("groupBy", contains("month"))
                .body("rows", hasSize(2))
                .body("rows[0].month", is("2023-03"))
                .body("rows[0].incidents", is(1))
                // Syria gives no figure: unknown, not zero
                .body("rows[0].killed", nullValue())
                .body("rows[0].killedUnknown", is(1))
                .body("rows[0].injured", nullValue())
                .body("rows[0].injuredUnknown", is(1))
                .body("rows[1].month", is("2024-01"))
                .body("rows[1].incidents", is(2))
                .body("rows[1].killed.low", is(6))
                .body("rows[1].killed.best", is(6))
                .body("rows[1].killed.high", nullValue())
                .body("rows[1].killedUnknown", is(0))
                // Erbil has no injured figure: Baghdad's 5 are the known part, and there is no upper bound
                .body("rows[1].injured.low", is(5))
                .body("rows[1].injured.best", is(5))
                .body("rows[1].injured.high", nullValue())
                .body("rows[1].injuredUnknown", is(1));
        String json = given().queryParam("tag", tag).queryParam("groupBy", "month").when().get(STATS).asString();
        assertThat(json).as("keys come first in a row").startsWith("{\"groupBy\":[\"month\"],\"rows\":[{\"month\":\"2023-03\",\"incidents\":1,");
    }

    @Test
    void shouldGroupByYearCountryAdmin1CategoryTypeAndClaimStatus() {
        given().queryParam("tag", tag).queryParam("groupBy", "year").when().get(STATS)
                .then().statusCode(200).body("rows.year", contains(2023, 2024)).body("rows.incidents", contains(1, 2));
        given().queryParam("tag", tag).queryParam("groupBy", "country").when().get(STATS)
                .then().statusCode(200).body("rows.country.code", contains("IRQ", "SYR"))
                .body("rows.country.name", contains("Iraq", "Syria"));
        given().queryParam("tag", tag).queryParam("groupBy", "admin1").queryParam("country", "IRQ").when().get(STATS)
                .then().statusCode(200).body("rows.admin1", contains("Baghdad", "Erbil"));
        given().queryParam("tag", tag).queryParam("groupBy", "category").when().get(STATS)
                .then().statusCode(200).body("rows.category", contains("battles", "explosions-remote-violence"))
                .body("rows.incidents", contains(1, 2));
        given().queryParam("tag", tag).queryParam("groupBy", "type").when().get(STATS)
                .then().statusCode(200)
                .body("rows.type", contains("air-drone-strike", "armed-clash", "shelling-artillery-missile-attack"));
        given().queryParam("tag", tag).queryParam("groupBy", "claimStatus").when().get(STATS)
                .then().statusCode(200).body("rows.claimStatus", contains("CLAIMED", "UNCLAIMED"))
                .body("rows.incidents", contains(1, 2));
    }

    @Test
    void shouldGroupByPerpetratorAndASecondDimensionWithUnattributedLast() {
        given().queryParam("tag", tag).queryParam("groupBy", "perpetrator,month").when().get(STATS)
                .then().statusCode(200)
                .body("groupBy", contains("perpetrator", "month"))
                .body("rows", hasSize(2))
                .body("rows[0].perpetrator.id", is((int) perpetrator))
                .body("rows[0].perpetrator.name", is(perpetratorName))
                .body("rows[0].month", is("2024-01"))
                .body("rows[0].incidents", is(2))
                .body("rows[1].perpetrator", nullValue())
                .body("rows[1].incidents", is(1));
    }

    @Test
    void shouldGiveOneRowOfTotalsWithoutGroupByAndApplyFilters() {
        given().queryParam("tag", tag).when().get(STATS)
                .then().statusCode(200).body("groupBy", hasSize(0)).body("rows", hasSize(1))
                .body("rows[0].incidents", is(3)).body("rows[0].killed.low", is(6))
                .body("rows[0].killed.high", nullValue()).body("rows[0].killedUnknown", is(1))
                .body("rows[0].injuredUnknown", is(2));
        given().queryParam("tag", tag).queryParam("groupBy", "month").queryParam("perpetrator", perpetrator)
                .queryParam("minInjured", 1).when().get(STATS)
                .then().statusCode(200).body("rows", hasSize(1)).body("rows[0].killed.high", is(3))
                .body("rows[0].injured.high", is(5)).body("rows[0].killedUnknown", is(0))
                .body("rows[0].injuredUnknown", is(0));
    }

    @Test
    void shouldAnswerCsvWithFlatColumns() {
        String csv = given().queryParam("tag", tag).queryParam("groupBy", "perpetrator,year").queryParam("format", "csv")
                .when().get(STATS)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("perpetratorId,perpetrator,year,incidents,killedLow,killedBest,killedHigh,"
                + "killedUnknown,injuredLow,injuredBest,injuredHigh,injuredUnknown");
        assertThat(lines[1]).isEqualTo(perpetrator + "," + perpetratorName + ",2024,2,6,6,,0,5,5,,1");
        assertThat(lines[2]).as("unknown figures are empty cells, never 0").isEqualTo(",,2023,1,,,,1,,,,1");
        String byAccept = given().accept("text/csv").queryParam("tag", tag).queryParam("groupBy", "country")
                .when().get(STATS).then().statusCode(200).extract().asString();
        assertThat(byAccept).startsWith("countryCode,country,incidents,").contains("\r\nIRQ,Iraq,2,");
    }

    @Test
    void shouldRefuseBadGroupingsAndFilters() {
        for (String groupBy : new String[] { "week", "year,month", "country,admin1,type", "country,country" }) {
            given().queryParam("groupBy", groupBy).when().get(STATS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("groupBy"));
        }
        given().queryParam("from", "2024-02-30").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", is("from"));
        given().queryParam("format", "geojson").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", is("format"));
        given().queryParam("sort", "month").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", is("sort"));
    }

    /**
     * Rows are written as the database hands them over: the body is still the one {@link StatsApi.IncidentStats}
     * documents, byte for byte as the application's mapper writes it, in JSON and in CSV, with rows or none.
     */
    @Test
    void shouldStreamTheDocumentedRepresentation() throws Exception {
        IncidentQuery query = new IncidentQuery();
        query.tag = List.of(tag);
        IncidentFilter filter = search.filter(query);
        for (String groupBy : new String[] { "perpetrator,year", "month", "admin1", "" }) {
            List<Dimension> dimensions = StatsService.dimensions(groupBy.isEmpty() ? List.of() : List.of(groupBy));
            List<StatsApi.Row> rows = QuarkusTransaction.requiringNew()
                    .call(() -> queries.aggregate(dimensions, filter));
            String expected = json.writeValueAsString(new StatsApi.IncidentStats(
                    dimensions.stream().map(d -> d.param).toList(), rows));
            var ask = given().queryParam("tag", tag);
            if (!groupBy.isEmpty()) { // no groupBy at all: one row of totals (an empty value is a 400)
                ask = ask.queryParam("groupBy", groupBy);
            }
            String body = ask.when().get(STATS).then().statusCode(200).contentType(ContentType.JSON).extract()
                    .asString();
            assertThat(body).as("groupBy=%s", groupBy).isEqualTo(expected);
        }
        String none = given().queryParam("tag", tag).queryParam("country", "NOR").queryParam("groupBy", "year")
                .when().get(STATS).then().statusCode(200).extract().asString();
        assertThat(none).isEqualTo("{\"groupBy\":[\"year\"],\"rows\":[]}");
        String noneCsv = given().queryParam("tag", tag).queryParam("country", "NOR").queryParam("groupBy", "year")
                .queryParam("format", "csv").when().get(STATS).then().statusCode(200).extract().asString();
        assertThat(noneCsv).as("the header alone").isEqualTo("year,incidents,killedLow,killedBest,killedHigh,"
                + "killedUnknown,injuredLow,injuredBest,injuredHigh,injuredUnknown\r\n");
    }

    /**
     * A statistic is written whole before it is sent, so its transaction and connection end with the reading: one
     * larger than kb.stats.body-in-memory (2 KB in the tests) goes through a temporary file, which is gone once sent,
     * and reads as the one held in memory would.
     */
    @Test
    void shouldSendALargeStatisticThroughATemporaryFileThenDeleteIt() throws Exception {
        String admin1 = "Governorate with a name long enough to fill a row of a statistic ";
        for (int month = 1; month <= 24; month++) {
            create("""
                    "title": "Month %d", "type": "armed-clash", "startDate": "%d-%02d-10",
                    "location": {"countryCode": "IRQ", "admin1": "%s%d"}""".formatted(month, 2020 + (month - 1) / 12,
                    (month - 1) % 12 + 1, admin1, month % 3));
        }
        IncidentQuery query = new IncidentQuery();
        query.tag = List.of(tag);
        List<Dimension> dimensions = StatsService.dimensions(List.of("admin1,month"));
        List<StatsApi.Row> rows = QuarkusTransaction.requiringNew()
                .call(() -> queries.aggregate(dimensions, search.filter(query)));
        String expected = json.writeValueAsString(new StatsApi.IncidentStats(List.of("admin1", "month"), rows));
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        List<String> created = new java.util.ArrayList<>();
        String body;
        try (java.nio.file.WatchService watch = tmp.getFileSystem().newWatchService()) {
            tmp.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            body = given().queryParam("tag", tag).queryParam("groupBy", "admin1,month").when().get(STATS)
                    .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
            java.nio.file.WatchKey key = watch.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            if (key != null) {
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
            }
        }
        assertThat(created).as("files made in %s", tmp).anyMatch(n -> n.startsWith("kb-stats-") && n.endsWith(".part"));
        assertThat(rows).hasSize(27);
        assertThat(body.length()).as("past the 2 KB held in memory").isGreaterThan(2048);
        assertThat(body).isEqualTo(expected);
        String csv = given().queryParam("tag", tag).queryParam("groupBy", "admin1,month").queryParam("format", "csv")
                .when().get(STATS).then().statusCode(200).extract().asString();
        assertThat(csv.length()).isGreaterThan(2048);
        assertThat(csv.split("\r\n")).hasSize(28).contains(admin1 + "1,2020-01,1,,,,1,,,,1");
        try (var left = java.nio.file.Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("kb-stats-")))
                    .as("temporary files left").isEmpty();
        }
        String small = given().queryParam("tag", tag).when().get(STATS).then().statusCode(200).extract().asString();
        assertThat(small).startsWith("{\"groupBy\":[],\"rows\":[{\"incidents\":27,");
    }

    /**
     * On H2, statistics whose groups grow with the data (by perpetrator or admin1) are computed two at a time: a third
     * waits, and past kb.stats.wide-wait (2 s in the tests) gets a 503 problem with Retry-After; other groupings are
     * not held up meanwhile. PostgreSQL counts in its own memory and limits none.
     */
    @Test
    void shouldLetWideStatisticsWaitTheirTurnThenAnswer503() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> {
                    wide.run(List.of(Dimension.PERPETRATOR), () -> {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return null;
                });
            }
            assertThat(running.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            given().queryParam("tag", tag).queryParam("groupBy", "month").when().get(STATS)
                    .then().statusCode(200).body("rows", hasSize(2));
            for (String groupBy : new String[] { "perpetrator,year", "admin1" }) {
                if (database.isPostgres()) {
                    given().queryParam("tag", tag).queryParam("groupBy", groupBy).when().get(STATS)
                            .then().statusCode(200);
                    continue;
                }
                given().queryParam("tag", tag).queryParam("groupBy", groupBy).when().get(STATS)
                        .then().statusCode(503).contentType("application/problem+json").header("Retry-After", is("5"))
                        .header("ETag", nullValue()).body("type", is("urn:incident-kb:problem:busy"))
                        .body("detail", startsWith("Statistics grouped by perpetrator or admin1 are computed 2 at a "
                                + "time"));
            }
            release.countDown();
            given().queryParam("tag", tag).queryParam("groupBy", "perpetrator,year").when().get(STATS)
                    .then().statusCode(200).body("rows", hasSize(2));
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }
}
