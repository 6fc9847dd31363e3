package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every import proposes links for the incidents it creates, with the default windows. */
@QuarkusTest
@TestProfile(MatchOnImportTest.MatchOnImport.class)
class MatchOnImportTest {

    public static class MatchOnImport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kb.links.match-on-import", "true");
        }
    }

    @Test
    void shouldProposeLinksForTheIncidentsAnImportCreated() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String acled = """
                event_id_cnty,event_date,event_type,sub_event_type,actor1,country,latitude,longitude,fatalities
                IMP%1$s1,1993-03-04,Explosions/Remote violence,Suicide bomb,Ansar %1$s (Iraq),Iraq,33.31520,44.36610,9
                IMP%1$s2,1993-03-20,Battles,Armed clash,Ansar %1$s,Iraq,36.33500,43.11890,3
                """.formatted(run);
        String gtd = """
                eventid,iyear,imonth,iday,country_txt,latitude,longitude,attacktype1,suicide,gname,nkill
                IMP%1$s1,1993,3,5,Iraq,33.32000,44.37000,3,1,ANSAR %1$s,11
                IMP%1$s3,1993,3,20,Iraq,30.50810,47.78350,3,0,Other %1$s,1
                """.formatted(run);
        post("acled", acled);
        String gtdJob = post("gtd", gtd);

        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> jobs = given().queryParam("size", 50).when().get("/api/v1/matching").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return jobs.stream().anyMatch(j -> gtdJob.equals(j.get("importJob")) && "DONE".equals(j.get("state")));
        });
        long acledId = incident("ACLED:IMP" + run + "1");
        long gtdId = incident("GTD:IMP" + run + "1");
        JsonPath links = given().when().get("/api/v1/incidents/" + gtdId + "/links").then().statusCode(200).extract()
                .jsonPath();
        assertThat(links.getList("$")).hasSize(1);
        assertThat(links.getLong("[0].from.id") + links.getLong("[0].to.id")).isEqualTo(acledId + gtdId);
        assertThat(links.getString("[0].relation")).isEqualTo("SAME_EVENT");
        assertThat(links.getString("[0].status")).isEqualTo("PROPOSED");
        assertThat(links.getInt("[0].evidence.daysApart")).isEqualTo(1);
        assertThat(links.getString("[0].evidence.typeMatch")).isEqualTo("TYPE");
        assertThat(links.getList("[0].evidence.sharedActors.name", String.class)).hasSize(1);
        assertThat(links.getDouble("[0].score")).isBetween(0.5, 1.0);
        given().when().get("/api/v1/incidents/" + incident("GTD:IMP" + run + "3") + "/links").then()
                .body("size()", is(0));
    }

    private static String post(String format, String csv) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType("text/csv").body(csv)
                .queryParam("format", format).when().post("/api/v1/imports").then().statusCode(201)
                .body("report.failed", is(0)).extract().path("id");
    }

    private static long incident(String ref) {
        return given().queryParam("externalRef", ref).when().get("/api/v1/incidents").then().statusCode(200)
                .body("total", is(1)).extract().jsonPath().getLong("items[0].id");
    }
}
