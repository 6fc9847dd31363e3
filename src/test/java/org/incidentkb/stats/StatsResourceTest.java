package org.incidentkb.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /stats/incidents over incidents made for each test (isolated by a tag). */
@QuarkusTest
class StatsResourceTest {

    private static final String STATS = "/api/v1/stats/incidents";

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
}
