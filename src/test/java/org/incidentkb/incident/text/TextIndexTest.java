package org.incidentkb.incident.text;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.incidentkb.Fixtures;
import org.incidentkb.common.Database;
import org.incidentkb.common.Like;
import org.incidentkb.common.TextFold;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.write.IncidentsChanged;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * q= through the text index (ADR 0016, 0021): the same incidents as the substring scan it replaces, in Latin and
 * Arabic script, following every create, change and delete, caught up again from the database when it lost them,
 * and on PostgreSQL following what other processes write; and an ETag that changes with what the index answers.
 */
@QuarkusTest
class TextIndexTest {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Inject
    TextIndex index;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    Database database;

    private final String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
    private final Set<Long> created = new TreeSet<>();

    @BeforeEach
    void waitForTheIndex() {
        await().atMost(Duration.ofSeconds(30)).until(index::ready);
    }

    @Test
    void shouldFindWhatTheScanFindsAndFollowEveryWrite() throws Exception {
        long qaim = incident("Strike on a depot in al-Qa'im " + tag, "Reported by local sources", "القائم", "IRQ");
        long district = incident("Shelling " + tag, "Houses hit in District 7 of the old city", "Nineveh district 12",
                "IRQ");
        long syria = incident("Clash " + tag, "Fighting reported", "Deir ez-Zor district 7", "SYR");
        long named = incident("Drone strike " + tag, "A car was hit", "Baghdad", "IRQ");
        given().contentType("application/json").body("""
                {"category": "MILITANT", "killed": {"low": 1, "best": 1, "high": 1},
                 "names": [{"name": "Mushtaq Talib al-Saeedi"}, {"name": "Abu Taqwa"}]}""")
                .when().post(INCIDENTS + "/" + named + "/casualties").then().statusCode(201);

        assertThat(found("district 7 ", null)).containsExactly(district, syria);
        assertThat(found("DISTRICT 7", "SYR")).containsExactly(syria);
        assertThat(found("قائم", null)).containsExactly(qaim);
        assertThat(found("talib al-sa", null)).containsExactly(named);
        // Two names of one casualty record are two texts: a text across their border is in neither.
        assertThat(found("saeedi abu", null)).isEmpty();
        assertThat(found("-qa'im " + tag, null)).containsExactly(qaim);
        // The total of a text alone (the index's count) and of a text with another filter (counted in SQL) agree.
        given().queryParam("q", tag).when().get(INCIDENTS).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(4)).body("totalRelation", org.hamcrest.Matchers.is("eq"));
        given().queryParam("q", tag).queryParam("country", "SYR").when().get(INCIDENTS).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(1)).body("items[0].id", org.hamcrest.Matchers.is((int) syria));
        given().queryParam("q", tag).queryParam("type", "air-drone-strike").queryParam("minKilled", 1).when()
                .get(INCIDENTS).then().statusCode(200).body("total", org.hamcrest.Matchers.is(1))
                .body("items[0].id", org.hamcrest.Matchers.is((int) named));

        given().contentType("application/merge-patch+json").body("""
                {"summary": "Houses hit in the old city", "location": {"countryCode": "IRQ", "locality": "Tal Afar"}}""")
                .when().patch(INCIDENTS + "/" + district).then().statusCode(200);
        assertThat(found("district 7", null)).containsExactly(syria);
        assertThat(found("tal afar", null)).containsExactly(district);
        given().when().delete(INCIDENTS + "/" + syria).then().statusCode(204);
        assertThat(found("district 7", null)).isEmpty();

        assertThat(index.catchUp()).as("the index followed every write as the database holds it").isZero();
        // Lost: the index answers nothing of it; caught up: the same as before.
        index.clearForTest();
        assertThat(index.ids("tal afar", Set.of()).orElseThrow()).doesNotContain(district);
        assertThat(index.catchUp()).isGreaterThanOrEqualTo(3);
        assertThat(found("tal afar", null)).containsExactly(district);
        assertThat(found("قائم", null)).containsExactly(qaim);
        assertThat(found("abu taqwa", null)).containsExactly(named);
        assertThat(index.catchUp()).as("nothing left to catch up").isZero();
    }

    /**
     * The spellings of one name find each other (ADR 0022): through the index, through the database's scan while the
     * index does not answer (PostgreSQL's folded trigram index, H2's folded scan), and in the relevance order.
     */
    @Test
    void shouldFindTheSpellingVariantsOfANameThroughTheIndexAndTheDatabaseAlike() throws Exception {
        long baquba = incident("Car bomb in Baʿqūbah " + tag, "Witnesses in al-Qa'im said so", "حلبجة", "IRQ");
        long kobani = incident("Shelling " + tag, "Houses hit near دیالی", "Kobani\u0302", "SYR");
        long qaim = incident("Raid on al‑Qaʾim " + tag, "Reported", "Anbar", "IRQ");
        given().contentType("application/json").body("""
                {"category": "CIVILIAN", "killed": {"low": 1, "best": 1, "high": 1}, "names": [{"name": "Ḥamza Şırnaklı"}]}""")
                .when().post(INCIDENTS + "/" + kobani + "/casualties").then().statusCode(201);
        java.util.Map<String, List<Long>> expected = new java.util.LinkedHashMap<>();
        expected.put("baquba", List.of(baquba));
        expected.put("BAQUBAH " + tag, List.of(baquba));
        expected.put("حَلَبْجَة", List.of(baquba));
        expected.put("حلبجه", List.of(baquba));
        expected.put("ديالى", List.of(kobani));
        expected.put("kobanî", List.of(kobani));
        expected.put("hamza sirnakli", List.of(kobani));
        expected.put("al qaim", List.of(baquba, qaim));
        expected.put("AL-QA’IM", List.of(baquba, qaim));
        for (var e : expected.entrySet()) {
            assertThat(found(e.getKey(), null)).as("q=%s from the index", e.getKey()).isEqualTo(e.getValue());
        }
        List<Long> byRelevance = given().queryParam("q", "al qaim").queryParam("sort", "relevance")
                .queryParam("size", 100).when().get(INCIDENTS).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class).stream().filter(created::contains).toList();
        assertThat(byRelevance).as("the title before the summary").containsExactly(qaim, baquba);

        IncidentView unreadable = ghostOf(baquba, null);
        try {
            index.clearForTest();
            index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(null, unreadable)), "test"));
            assertThat(index.ids(tag, Set.of())).as("the index does not answer").isEmpty();
            for (var e : expected.entrySet()) {
                List<Long> scanned = given().queryParam("q", e.getKey()).queryParam("size", 100).queryParam("sort", "id")
                        .when().get(INCIDENTS).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class)
                        .stream().filter(created::contains).toList();
                assertThat(scanned).as("q=%s from the database", e.getKey()).isEqualTo(e.getValue());
            }
        } finally {
            index.catchUpLogged();
        }
        assertThat(index.state()).isEqualTo("ready");
    }

    /** Random pieces of the texts of a few incidents: the index finds exactly the incidents the scan finds. */
    @Test
    void shouldAnswerAsTheScanForAnySubstring() {
        List<String> texts = List.of("Airstrike on the Al-Rasheed camp, south of Baghdad " + tag,
                "IED explodes under a convoy near Tuz Khurmatu " + tag, "هجوم بطائرة مسيرة على قاعدة عين الأسد " + tag,
                "Shelling of Kobanî (Kobani) by Turkish forces " + tag, "ھێرشی درۆن بۆ سەر هەولێر " + tag);
        for (String text : texts) {
            incident(text, text.substring(5) + " summary", text.substring(0, 12), "IRQ");
        }
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int from = random.nextInt(text.length() - 3);
            String piece = text.substring(from, from + 3 + random.nextInt(Math.min(12, text.length() - from - 3) + 1));
            if (piece.trim().length() < 3) {
                continue;
            }
            Set<Long> scanned = scan(piece);
            Set<Long> indexed = new TreeSet<>();
            Arrays.stream(index.ids(piece, Set.of()).orElseThrow()).filter(created::contains).forEach(indexed::add);
            assertThat(indexed).as("q=%s", piece).isEqualTo(scanned).isNotEmpty();
        }
    }

    /**
     * A text alone in the default order takes its page's ids from the index (on H2): by page number and by cursor,
     * with and without a country, the same incidents in the same order as the database sorts them (latest start date
     * first, then the highest id; three share a date), and the other orders as before.
     */
    @Test
    void shouldPageATextInTheDefaultOrder() throws Exception {
        String[][] rows = { { "2024-01-04", "IRQ" }, { "2023-05-01", "IRQ" }, { "2024-01-04", "SYR" },
                { "2025-02-02", "IRQ" }, { "2022-01-01", "SYR" }, { "2024-01-04", "IRQ" }, { "2025-02-02", "SYR" } };
        record Row(long id, String start, String country) {
        }
        List<Row> made = new ArrayList<>();
        for (String[] r : rows) {
            made.add(new Row(incident("Raid " + tag, "Paged", "Sinjar", r[1], r[0]), r[0], r[1]));
        }
        java.util.Comparator<Row> newest = java.util.Comparator.comparing(Row::start).thenComparing(Row::id).reversed();
        List<Long> all = made.stream().sorted(newest).map(Row::id).toList();
        List<Long> syria = made.stream().filter(r -> r.country().equals("SYR")).sorted(newest).map(Row::id).toList();

        assertThat(byCursor(null, 3)).isEqualTo(all);
        assertThat(byCursor("SYR", 2)).isEqualTo(syria);
        List<Long> byPage = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            byPage.addAll(given().queryParam("q", tag).queryParam("size", 3).queryParam("page", page).when()
                    .get(INCIDENTS).then().statusCode(200).body("total", org.hamcrest.Matchers.is(7)).extract()
                    .jsonPath().getList("items.id", Long.class));
        }
        assertThat(byPage).isEqualTo(all);
        List<Long> oldestFirst = given().queryParam("q", tag).queryParam("size", 10).queryParam("sort", "startDate")
                .when().get(INCIDENTS).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertThat(oldestFirst).isEqualTo(made.stream().sorted(newest.reversed()).map(Row::id).toList());
        TextIndex.Page first = index.newest(tag, Set.of(), null, null, 10).orElseThrow();
        assertThat(first.ids()).containsExactly(all.stream().mapToLong(Long::longValue).toArray());
        assertThat(first.total()).isEqualTo(7);
        Row third = made.stream().filter(r -> r.id() == all.get(2)).findFirst().orElseThrow();
        TextIndex.Page after = index.newest(tag, Set.of(), java.time.LocalDate.parse(third.start()), third.id(), 2)
                .orElseThrow();
        assertThat(after.ids()).containsExactly(all.get(3), all.get(4));
        assertThat(after.total()).as("all matches, also those before the cursor").isEqualTo(7);
        assertThat(index.newest(tag, Set.of("SYR"), null, null, 1).orElseThrow().total()).isEqualTo(3);
        assertThat(index.newest(tag, Set.of(), null, null, TextIndex.MAX_REACH + 1)).isEmpty();
        // An incident the index holds and the database does not (as after a delete in SQL behind the service's
        // back, until the next start), newer than all: the paging still reaches every incident instead of
        // ending at the short page it makes.
        IncidentView ghost = ghostOf(all.get(0), "2030-01-01");
        index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(null, ghost)), "test"));
        try {
            assertThat(index.newest(tag, Set.of(), null, null, 1).orElseThrow().ids()).containsExactly(ghost.id());
            assertThat(byCursor(null, 1)).isEqualTo(all);
        } finally {
            index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(ghost, null)), "test"));
        }
    }

    /**
     * An answer to q is tagged with the state of the index it came from: when the index changes and the database
     * does not (here a ghost, as after a write it followed before the database answers show it), the tag that was
     * current no longer matches; an answer without q keeps its tag.
     */
    @Test
    void shouldTagAnAnswerToQWithTheIndexItCameFrom() throws Exception {
        long id = incident("Checkpoint attack " + tag, "Tagged", "Baiji", "IRQ");
        String withQ = INCIDENTS + "?q=" + tag;
        String withoutQ = INCIDENTS + "?country=IRQ&size=1";
        String taggedWithQ = given().when().get(withQ).then().statusCode(200).extract().header("ETag");
        String taggedWithoutQ = given().when().get(withoutQ).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", taggedWithQ).when().get(withQ).then().statusCode(304);

        IncidentView ghost = ghostOf(id, "2030-01-01");
        index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(null, ghost)), "test"));
        try {
            given().header("If-None-Match", taggedWithQ).when().get(withQ).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.not(taggedWithQ));
            given().header("If-None-Match", taggedWithoutQ).when().get(withoutQ).then().statusCode(304);
        } finally {
            index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(ghost, null)), "test"));
        }
    }

    /**
     * On PostgreSQL the index follows what other processes write (other instances of the service, SQL by hand)
     * from the change log: a title changed in SQL is found by its new words and no longer by its old ones, and an
     * incident the log says is gone leaves the index.
     */
    @Test
    void shouldFollowWhatAnotherProcessWritesOnPostgres() throws Exception {
        Assumptions.assumeTrue(isPostgres(), "H2 is embedded: this process is its only writer");
        long id = incident("Mortar fire " + tag, "Followed", "Tikrit", "IRQ");
        String renamed = "sniper" + tag;
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "update incident set title = ?, updated_at = now() where id = ?")) {
            s.setString(1, "Sniper fire " + renamed);
            s.setLong(2, id);
            assertThat(s.executeUpdate()).isOne();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(renamed, null)).containsExactly(id));
        assertThat(found("mortar fire " + tag, null)).isEmpty();

        IncidentView ghost = ghostOf(id, "2030-01-01");
        index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(null, ghost)), "test"));
        assertThat(index.ids(tag, Set.of()).orElseThrow()).contains(ghost.id());
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "insert into incident_change (xid, incidents) values (pg_current_xact_id(), array[?]::bigint[])")) {
            s.setLong(1, ghost.id());
            s.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(index.ids(tag, Set.of()).orElseThrow()).doesNotContain(ghost.id()));
        assertThat(index.catchUp()).as("nothing the change log did not bring").isZero();
    }

    /**
     * A write the index could not follow (its view unreadable) and an index that lost incidents: {@code q} reads the
     * database meanwhile, and the comparison the index schedules for itself mends it without a restart.
     */
    @Test
    void shouldMendItselfAfterAWriteItCouldNotFollow() throws Exception {
        long id = incident("Roadside bomb " + tag, "Mended", "Samarra", "IRQ");
        IncidentView unreadable = ghostOf(id, null);
        try {
            index.clearForTest();
            index.onChange(new IncidentsChanged(List.of(new IncidentsChanged.Change(null, unreadable)), "test"));
            assertThat(index.state()).isEqualTo("broken");
            assertThat(index.ids(tag, Set.of())).as("the index does not answer").isEmpty();
            assertThat(index.retryPending()).as("a comparison is scheduled").isTrue();
            given().queryParam("q", tag).when().get(INCIDENTS).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.contains((int) id));
        } finally {
            index.catchUpLogged(); // what the index thread runs TextIndex.RETRY later
        }
        assertThat(index.state()).isEqualTo("ready");
        assertThat(index.retryPending()).isFalse();
        assertThat(found(tag, null)).as("the lost incident indexed again").containsExactly(id);
    }

    /** An incident as the API shows it, under an id no incident has and with another start date. */
    private IncidentView ghostOf(long id, String startDate) throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                given().when().get(INCIDENTS + "/" + id).then().statusCode(200).extract().asString());
        tree.put("id", id + 10_000_000L).put("startDate", startDate);
        return json.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false).treeToValue(tree, IncidentView.class);
    }

    /** Every page of q=tag (and a country) after the cursor of the one before, in the default order. */
    private List<Long> byCursor(String country, int size) {
        List<Long> ids = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("q", tag).queryParam("size", size);
            if (country != null) {
                request.queryParam("country", country);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get(INCIDENTS).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            after = page.getString("cursor");
        } while (after != null && ids.size() < 20);
        return ids;
    }

    @Test
    void shouldSayInTheReadinessCheckWhoAnswersQ() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'text-index' }.status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'text-index' }.data.state",
                        org.hamcrest.Matchers.is("ready"));
    }

    @Test
    void shouldLeaveTooCommonATextToTheScan() {
        assertThat(TextIndex.query("ab", Set.of())).as("under three characters").isEmpty();
        assertThat(TextIndex.trigrams(TextFold.fold("  Mosul  "))).containsExactly("mos", "osu", "sul");
        assertThat(TextIndex.besideDatabase("jdbc:h2:file:./data/incident-kb;DB_CLOSE_ON_EXIT=FALSE"))
                .contains(java.nio.file.Path.of("./data/incident-kb.text"));
        assertThat(TextIndex.besideDatabase("jdbc:h2:mem:kb;DB_CLOSE_DELAY=-1")).isEmpty();
    }

    private List<Long> found(String q, String country) {
        var request = given().queryParam("q", q + " ").queryParam("size", 100).queryParam("sort", "id");
        if (country != null) {
            request.queryParam("country", country);
        }
        List<Long> api = request.when().get(INCIDENTS).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class).stream().filter(created::contains).toList();
        List<Long> indexed = new ArrayList<>();
        Arrays.stream(index.ids(q, country == null ? Set.of() : Set.of(country)).orElseThrow())
                .filter(created::contains).forEach(indexed::add);
        assertThat(indexed).as("the index's answer to q=%s", q).isEqualTo(api);
        return api;
    }

    /** The incidents whose title, summary or locality holds the text, both folded as the service folds them. */
    @SuppressWarnings("unchecked")
    private Set<Long> scan(String piece) {
        java.util.function.Function<String, String> folded = column -> database.renderer()
                .render(TextFold.sql(DSL.field(column, String.class), database.isPostgres()));
        List<Number> rows = em.createNativeQuery("select id from incident where (" + folded.apply("title")
                + " like ?1 escape '!' or " + folded.apply("summary") + " like ?1 escape '!' or "
                + folded.apply("locality") + " like ?1 escape '!')").setParameter(1, Like.containsFolded(piece))
                .getResultList();
        Set<Long> ids = new TreeSet<>();
        rows.stream().map(Number::longValue).filter(created::contains).forEach(ids::add);
        return ids;
    }

    private long incident(String title, String summary, String locality, String country) {
        return incident(title, summary, locality, country, "2024-01-04");
    }

    private long incident(String title, String summary, String locality, String country, String startDate) {
        long id = Fixtures.createdId(INCIDENTS, """
                {"title": "%s", "summary": "%s", "type": "air-drone-strike", "startDate": "%s",
                 "location": {"countryCode": "%s", "locality": "%s"}}""".formatted(title.replace("\"", "\\\""),
                summary.replace("\"", "\\\""), startDate, country, locality.replace("\"", "\\\"")));
        created.add(id);
        return id;
    }

    private static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("quarkus.datasource.db-kind"));
    }
}
