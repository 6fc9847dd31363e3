package org.incidentkb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.incidentkb.common.Figures;
import org.incidentkb.stats.Contributions.Change;
import org.incidentkb.stats.Contributions.Contribution;
import org.incidentkb.stats.Contributions.Counted;
import org.incidentkb.stats.Contributions.EventRole;
import org.incidentkb.stats.Contributions.Key;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The roll-up arithmetic alone: incremental changes, rebuilds, keys, corrections, and its SQL form. */
class ContributionsTest {

    private final Random random = new Random(48);

    @Test
    void shouldLeaveNothingOfAnIncidentCreatedThenDeleted() {
        for (int i = 0; i < 200; i++) {
            Counted incident = incident(i);
            SortedMap<Key, Contribution> sum = new TreeMap<>();
            add(sum, Contributions.of(List.of(new Change(null, incident, null))));
            add(sum, Contributions.of(List.of(new Change(incident, null, null))));
            assertThat(Contributions.withoutZeros(sum)).as("%s", incident).isEmpty();
        }
    }

    @Test
    void shouldLeaveAfterEveryIncrementalChangeWhatARebuildComputes() {
        Map<Long, Counted> now = new HashMap<>();
        SortedMap<Key, Contribution> incremental = new TreeMap<>();
        for (int step = 0; step < 2_000; step++) {
            long id = random.nextInt(150);
            Counted before = now.get(id);
            Counted after = random.nextInt(5) == 0 ? null : incident(id);
            if (before == null && after == null) {
                continue;
            }
            add(incremental, Contributions.of(List.of(new Change(before, after, null))));
            if (after == null) {
                now.remove(id);
            } else {
                now.put(id, after);
            }
        }
        assertThat(Contributions.withoutZeros(incremental)).isEqualTo(Contributions.whole(now.values()));
    }

    @Test
    void shouldCountAnIncidentInEveryGrainOnceForAllAndOncePerPerpetrator() {
        Counted incident = new Counted(1, "IRQ", 202307, "air-drone-strike", "STRIKE", "CLAIMED", List.of(7L, 9L),
                new Figures(3, 4, null), null);
        SortedMap<Key, Contribution> rows = Contributions.whole(List.of(incident));
        assertThat(rows).hasSize(3 * Grain.values().length);
        assertThat(rows.keySet()).extracting(Key::perpetratorId).containsOnly(Contributions.ALL, 7L, 9L);
        Key fine = new Key(Grain.FINE, 7, "IRQ", 202307, "air-drone-strike", "STRIKE", "CLAIMED");
        Key year = new Key(Grain.PERPETRATOR_YEAR, Contributions.ALL, "", 202312, "", "", "");
        Key countryYear = new Key(Grain.COUNTRY_YEAR, 9, "IRQ", 202312, "", "", "");
        assertThat(rows).containsKeys(fine, year, countryYear);
        // one incident; killed 3 / 4 / no high (open); injured unknown, not zero
        assertThat(rows.get(fine).measures()).containsExactly(1, 3, 4, 0, 1, 0, 0, 0, 0, 0, 1);

        Counted alone = new Counted(2, "", 202301, "", "STRIKE", "UNCLAIMED", List.of(), null, null);
        assertThat(Contributions.whole(List.of(alone)).keySet()).extracting(Key::perpetratorId)
                .containsOnly(Contributions.ALL, Contributions.NO_PERPETRATOR);
    }

    @Test
    void shouldCountAnEventOnceThroughItsLeadsCorrection() {
        Counted lead = new Counted(1, "IRQ", 202307, "", "STRIKE", "CLAIMED", List.of(), new Figures(3, 4, 6), null);
        Counted member = new Counted(2, "IRQ", 202307, "", "STRIKE", "CLAIMED", List.of(), new Figures(5, 5, 9),
                new Figures(1, 1, 1));
        Map<Counted, EventRole> roles = new java.util.LinkedHashMap<>();
        roles.put(lead, new EventRole(1, 1, new Figures(3, 4, 9), new Figures(1, 1, null)));
        roles.put(member, new EventRole(2, 1, null, null));
        SortedMap<Key, Contribution> deduplicated = Contributions.whole(List.of(lead, member));
        Contributions.correctAll(deduplicated, roles, 1);
        Contribution all = deduplicated.get(new Key(Grain.PERPETRATOR_YEAR, Contributions.ALL, "", 202312, "", "",
                ""));
        // one incident with the event's figures: killed 3 / 4 / 9; injured 1 / 1 / no high (open), known though the
        // lead's own was not
        assertThat(all.measures()).containsExactly(1, 3, 4, 9, 0, 1, 1, 0, 1, 0, 0);

        SortedMap<Key, Contribution> undone = new TreeMap<>(deduplicated);
        Contributions.correctAll(undone, roles, -1);
        assertThat(Contributions.withoutZeros(undone)).isEqualTo(Contributions.whole(List.of(lead, member)));
    }

    @Test
    void shouldMoveACorrectionWithTheIncidentWhenAMemberChanges() {
        Counted before = new Counted(2, "IRQ", 202307, "", "STRIKE", "CLAIMED", List.of(4L), new Figures(5, 5, 9),
                null);
        Counted after = new Counted(2, "SYR", 202401, "", "STRIKE", "CLAIMED", List.of(), null, null);
        EventRole member = new EventRole(2, 1, null, null);
        SortedMap<Key, Contribution> moved = Contributions.of(List.of(new Change(before, after, member)));
        add(moved, Contributions.corrections(List.of(new Change(before, after, member))));
        // a member that is not the lead counts for nothing, wherever it was and goes
        assertThat(Contributions.withoutZeros(moved)).isEmpty();
    }

    /**
     * The SQL form adds what the Java form adds, for plain incidents and for leads (whose figures are the event's):
     * run on H2 over every kind of figure, including a lead whose own figure is unknown and an event no member knows.
     */
    @Test
    void shouldComputeInSqlWhatItComputesInJava() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:contributions")) {
            DSLContext sql = DSL.using(c, SQLDialect.H2,
                    new org.jooq.conf.Settings().withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER));
            sql.execute("create table t (id bigint, low int, best int, high int, in_event boolean, ev_low int,"
                    + " ev_best int, ev_high int)");
            List<Counted> incidents = new ArrayList<>();
            Map<Long, EventRole> roles = new HashMap<>();
            for (long id = 0; id < 300; id++) {
                Counted incident = incident(id);
                incidents.add(incident);
                Figures f = incident.killed();
                boolean lead = random.nextBoolean();
                Figures event = figures();
                if (lead) {
                    roles.put(id, new EventRole(id, id, event, null));
                }
                sql.execute("insert into t values (?, ?, ?, ?, ?, ?, ?, ?)", id, f == null ? null : f.low(),
                        f == null ? null : f.best(), f == null ? null : f.high(), lead,
                        lead && event != null ? event.low() : null, lead && event != null ? event.best() : null,
                        lead && event != null ? event.high() : null);
            }
            Field<Integer> low = field(name("low"), Integer.class);
            Field<Integer> best = field(name("best"), Integer.class);
            Field<Integer> high = field(name("high"), Integer.class);
            var inEvent = field(name("in_event"), Boolean.class).isTrue();
            List<Field<?>> fields = new ArrayList<>();
            fields.add(field(name("id"), Long.class));
            Field<Integer> countedBest = Contributions.counted(inEvent, field(name("ev_best"), Integer.class), best);
            fields.addAll(Contributions.measure(
                    Contributions.counted(inEvent, field(name("ev_low"), Integer.class), low), countedBest,
                    Contributions.counted(inEvent, field(name("ev_high"), Integer.class), high)));
            fields.add(Contributions.unknown(countedBest));
            for (Record r : sql.select(fields).from("t").fetch()) {
                long id = r.get(0, Long.class);
                Counted incident = incidents.get((int) id);
                SortedMap<Key, Contribution> java = Contributions.whole(List.of(incident));
                if (roles.containsKey(id)) {
                    Contributions.correctAll(java, Map.of(incident, roles.get(id)), 1);
                }
                long[] m = java.get(new Key(Grain.PERPETRATOR_YEAR, Contributions.ALL, "", incident.month() / 100 * 100
                        + 12, "", "", "")).measures();
                assertThat(new long[] { r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class) })
                        .as("incident %s, event %s", incident, roles.get(id))
                        .containsExactly(m[1], m[2], m[3], m[4], m[9]);
            }
        }
    }

    private Counted incident(long id) {
        List<String> countries = List.of("", "IRQ", "SYR");
        List<Long> perpetrators = switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of(1L + random.nextInt(3));
            default -> List.of(1L, 2L + random.nextInt(2));
        };
        return new Counted(id, countries.get(random.nextInt(3)), 202000 + 100 * random.nextInt(3)
                + 1 + random.nextInt(12), random.nextBoolean() ? "" : "armed-clash", "BATTLE",
                random.nextBoolean() ? "CLAIMED" : "UNCLAIMED", perpetrators, figures(), figures());
    }

    private Figures figures() {
        if (random.nextInt(4) == 0) {
            return null;
        }
        int best = random.nextInt(20);
        return new Figures(Math.max(0, best - random.nextInt(3)), best,
                random.nextBoolean() ? null : best + random.nextInt(5));
    }

    private static void add(SortedMap<Key, Contribution> into, SortedMap<Key, Contribution> deltas) {
        deltas.forEach((k, c) -> into.computeIfAbsent(k, x -> Contribution.zero()).plus(c));
    }
}
