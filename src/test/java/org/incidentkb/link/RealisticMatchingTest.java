package org.incidentkb.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Matching on files as ACLED and UCDP really make them ({@link OverlapGenerator#realistic()}: precision codes, date
 * spans, split and folded events, busy cities, fatalities that differ), with the default settings: the imports match
 * on their own, then {@code POST /matching} with an empty body. Precision and recall of the SAME_EVENT links must both
 * reach 0.9, and {@code dedupe=events} must count the true events within 3 %. Also writes the precision/recall curve
 * over thresholds and windows to {@code target/matching-quality-realistic.md} (docs/importing-and-matching.md).
 */
@QuarkusTest
class RealisticMatchingTest {

    private static final LocalDate FIRST = LocalDate.of(2001, 1, 1);

    @Inject
    MatchingData data;

    @Inject
    EntityManager em;

    @Test
    void shouldCountOneEventOnceOnRealisticFilesWithTheDefaultSettings() throws IOException {
        Path dir = Files.createTempDirectory("realistic");
        String prefix = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        OverlapGenerator.Truth truth = new OverlapGenerator(11, prefix).realistic().write(1200, FIRST, 3, dir);
        GeneratedFiles.importAll(dir);
        Map<Long, String> recordOf = GeneratedFiles.records(em, prefix);
        assertThat(recordOf).hasSameSizeAs(truth.eventOf());

        // The curve, in memory over the same incidents.
        StringBuilder curve = new StringBuilder("| threshold | 5 km, 2 days | 10 km, 3 days | 2 km, 1 day |\n"
                + "|---|---|---|---|\n");
        Matcher.Incidents in = QuarkusTransaction.requiringNew().call(() -> data.load(new MatchingData.Scope("IRQ",
                FIRST.minusMonths(1), FIRST.plusYears(3).plusMonths(1), null)));
        for (double threshold : List.of(0.3, 0.4, 0.5, 0.55, 0.6, 0.62, 0.65, 0.7, 0.75, 0.8, 0.9)) {
            curve.append(String.format(Locale.ROOT, "| %.2f |", threshold));
            for (double[] w : List.of(new double[] { 5, 2 }, new double[] { 10, 3 }, new double[] { 2, 1 })) {
                Matcher.Result result = Matcher.match(in, new Matcher.Windows(w[0], (int) w[1],
                        Link.TypeMatch.CATEGORY, threshold), Set.of(), new byte[in.size()]);
                Set<String> pairs = new HashSet<>();
                for (Matcher.Pair p : result.pairs()) {
                    String a = recordOf.get(in.id()[p.a()]);
                    String b = recordOf.get(in.id()[p.b()]);
                    if (a != null && b != null) {
                        pairs.add(OverlapGenerator.pair(a, b));
                    }
                }
                double[] q = quality(pairs, truth.pairs());
                curve.append(String.format(Locale.ROOT, " %.3f / %.3f |", q[0], q[1]));
            }
            curve.append('\n');
        }

        if (System.getenv("MATCHING_DIAGNOSE") != null) {
            diagnose(in, recordOf, truth);
        }
        // The default settings through the API.
        String location = given().contentType("application/json").body("{}").when().post("/api/v1/matching").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(given().when().get(location).then().extract().path("state")));
        Set<String> linked = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select from_id, to_id from incident_link"
                + " where relation = 'SAME_EVENT' and status <> 'REJECTED'").getResultList().forEach(r -> {
                    Object[] row = (Object[]) r;
                    String a = recordOf.get(((Number) row[0]).longValue());
                    String b = recordOf.get(((Number) row[1]).longValue());
                    if (a != null && b != null) {
                        linked.add(OverlapGenerator.pair(a, b));
                    }
                }));
        double[] q = quality(linked, truth.pairs());
        long counted = ((Number) given().queryParam("country", "IRQ").queryParam("from", FIRST.minusMonths(1).toString())
                .queryParam("to", FIRST.plusYears(3).plusMonths(1).toString()).queryParam("dedupe", "events")
                .queryParam("count", "exact").queryParam("size", 1).when().get("/api/v1/incidents").then()
                .statusCode(200).extract().path("total")).longValue();
        String report = String.format(Locale.ROOT, "Realistic generator (seed 11): %d records of %d events, %d true "
                + "pairs. Default settings: precision %.3f, recall %.3f, %d links; dedupe=events counts %d events "
                + "(truth %d, %+.1f %%).%n%nPrecision / recall by threshold and windows (in memory):%n%n%s",
                truth.eventOf().size(), truth.events(), truth.pairs().size(), q[0], q[1], linked.size(), counted,
                truth.events(), 100.0 * (counted - truth.events()) / truth.events(), curve);
        Files.writeString(Path.of("target", "matching-quality-realistic.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        // The review queue, the doubtful proposals first, each saying what carried its score.
        io.restassured.path.json.JsonPath queue = given().queryParam("status", "PROPOSED").queryParam("sort",
                "uncertainty").queryParam("size", 50).when().get("/api/v1/links").then().statusCode(200).extract()
                .jsonPath();
        List<Float> scores = queue.getList("items.score", Float.class);
        assertThat(scores).hasSize(50);
        for (int i = 1; i < scores.size(); i++) {
            assertThat(Math.abs(scores.get(i) - MatchingRequest.DEFAULT_MIN_SCORE)).as("uncertainty order")
                    .isGreaterThanOrEqualTo((float) Math.abs(scores.get(i - 1) - MatchingRequest.DEFAULT_MIN_SCORE)
                            - 1e-6f);
        }
        assertThat(queue.getList("items.evidence.carriedBy", List.class)).allMatch(c -> !c.isEmpty());
        given().queryParam("sort", "score").when().get("/api/v1/links").then().statusCode(400);
        given().queryParam("sort", "uncertainty").queryParam("after", "bGluazo1MA").when().get("/api/v1/links").then()
                .statusCode(400);

        assertThat(q[0]).as("precision with the default settings").isGreaterThanOrEqualTo(0.9);
        assertThat(q[1]).as("recall with the default settings").isGreaterThanOrEqualTo(0.9);
        assertThat((double) Math.abs(counted - truth.events()) / truth.events()).as("dedupe=events against the truth")
                .isLessThanOrEqualTo(0.03);
    }

    private static void diagnose(Matcher.Incidents in, Map<Long, String> recordOf, OverlapGenerator.Truth truth) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < in.size(); k++) {
            index.put(recordOf.get(in.id()[k]), k);
        }
        Matcher.Result result = Matcher.match(in, new Matcher.Windows(5, 2, Link.TypeMatch.CATEGORY, 0.0), Set.of(),
                new byte[in.size()]);
        Set<String> found = new HashSet<>();
        for (Matcher.Pair p : result.pairs()) {
            found.add(OverlapGenerator.pair(recordOf.get(in.id()[p.a()]), recordOf.get(in.id()[p.b()])));
        }
        Map<String, Integer> why = new java.util.TreeMap<>();
        for (String pair : truth.pairs()) {
            if (found.contains(pair)) {
                continue;
            }
            String[] r = pair.split("\\|");
            Integer a = index.get(r[0]);
            Integer b = index.get(r[1]);
            String reason;
            if (a == null || b == null) {
                reason = "not loaded " + (a == null ? r[0].split(":")[0] : r[1].split(":")[0]);
            } else {
                double km = Matcher.distanceKm(in.lat()[a], in.lon()[a], in.lat()[b], in.lon()[b]);
                double reach = 5 + in.radius()[a] + in.radius()[b];
                int gap = Math.max(0, Math.max(in.first()[b] - in.last()[a], in.first()[a] - in.last()[b]));
                Link.TypeMatch agree = MatchingTaxonomy.agreement(in.kinds()[a], in.kinds()[b]);
                reason = km > reach ? "too far" : gap > 2 ? "too long apart" : agree.compareTo(Link.TypeMatch.CATEGORY) > 0
                        ? "types" : "taken: tiers " + Matcher.Precision.tier(in, a) + "/" + Matcher.Precision.tier(in, b)
                        + (r[0].matches(".*A\\d+[ab]$") || r[1].matches(".*A\\d+[ab]$") ? " split" : "")
                        + (truth.alsoOf().containsKey(r[0]) || truth.alsoOf().containsKey(r[1]) ? " fold" : "");
                reason = r[0].split(":")[0] + "-" + r[1].split(":")[0] + " " + reason;
            }
            why.merge(reason, 1, Integer::sum);
        }
        why.forEach((k, v) -> System.out.println("MISSED " + v + " " + k));
    }

    private static double[] quality(Set<String> proposed, Set<String> expected) {
        long right = proposed.stream().filter(expected::contains).count();
        return new double[] { proposed.isEmpty() ? 1 : (double) right / proposed.size(),
                (double) right / expected.size() };
    }
}
