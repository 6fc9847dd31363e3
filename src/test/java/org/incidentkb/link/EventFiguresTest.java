package org.incidentkb.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.incidentkb.common.Figures;
import org.incidentkb.link.EventFigures.Member;
import org.incidentkb.link.EventFigures.Row;
import org.junit.jupiter.api.Test;

/** The rule of an event's rows alone: its lead and its one triple of figures (DESIGN §3). */
class EventFiguresTest {

    private static final List<String> PRIORITY = List.of("API", "UCDP", "ACLED");

    @Test
    void shouldLeadWithTheDatasetFirstInPriorityThenTheLowestId() {
        Member acled = new Member(3, new Figures(1, 1, 2), null, "ACLED");
        Member ucdp = new Member(9, Figures.exactly(4), null, "UCDP");
        Member mixed = new Member(1, new Figures(0, 0, 1), null, null);
        assertThat(EventFigures.rows(List.of(acled, ucdp, mixed), PRIORITY)).extracting(Row::eventId)
                .containsOnly(9L);
        Member otherUcdp = new Member(5, Figures.exactly(4), null, "UCDP");
        assertThat(EventFigures.rows(List.of(ucdp, otherUcdp), PRIORITY)).extracting(Row::eventId).containsOnly(5L);
        // a dataset the priority does not name, and an incident of two datasets, come after every named one
        Member gtd = new Member(2, new Figures(0, 0, 1), null, "GTD");
        assertThat(EventFigures.rows(List.of(gtd, mixed, acled), PRIORITY)).extracting(Row::eventId).containsOnly(3L);
        assertThat(EventFigures.rows(List.of(gtd, mixed), PRIORITY)).extracting(Row::eventId).containsOnly(1L);
    }

    @Test
    void shouldTakeTheBestOfTheFirstMemberThatKnowsIt() {
        // the lead (entered through the API) does not know; UCDP's best is the event's, not dropped
        List<Row> rows = EventFigures.rows(List.of(new Member(1, null, null, "API"),
                new Member(2, new Figures(60, 67, 80), null, "UCDP"), new Member(3, Figures.exactly(73), null,
                        "ACLED")), PRIORITY);
        assertThat(rows.get(0)).isEqualTo(new Row(1, 1, new Figures(60, 67, 80), null));
        assertThat(rows.subList(1, 3)).allMatch(r -> r.eventId() == 1 && r.killed() == null && r.injured() == null);
    }

    @Test
    void shouldKeepLowAtMostBestAndHighAtLeastBest() {
        // ACLED's 73 is above UCDP's best: it widens the high, never the low above the best
        Figures killed = EventFigures.reconcile(List.of(new Figures(60, 67, 70), Figures.exactly(73)));
        assertThat(killed).isEqualTo(new Figures(60, 67, 73));
        // a lower figure lowers the low; the best stays the first's
        assertThat(EventFigures.reconcile(List.of(Figures.exactly(10), new Figures(2, 3, 4))))
                .isEqualTo(new Figures(2, 10, 10));
    }

    @Test
    void shouldHaveNoHighWhenAMemberWithAFigureHasNoUpperBoundButIgnoreMembersThatKnowNothing() {
        assertThat(EventFigures.reconcile(List.of(Figures.exactly(5), Figures.atLeast(3))))
                .isEqualTo(new Figures(3, 5, null));
        assertThat(EventFigures.reconcile(java.util.Arrays.asList(null, Figures.exactly(5), null)))
                .isEqualTo(Figures.exactly(5));
        assertThat(EventFigures.reconcile(java.util.Arrays.asList(null, null))).isNull();
    }

    @Test
    void shouldAlwaysGiveAnOrderedTripleOnWhateverFiguresTheMembersHave() {
        Random random = new Random(49);
        for (int n = 0; n < 2_000; n++) {
            List<Figures> members = new ArrayList<>();
            for (int k = 0; k < 2 + random.nextInt(4); k++) {
                if (random.nextInt(4) == 0) {
                    members.add(null);
                    continue;
                }
                int best = random.nextInt(100);
                members.add(new Figures(best - random.nextInt(best + 1), best,
                        random.nextInt(3) == 0 ? null : best + random.nextInt(50)));
            }
            Figures event = EventFigures.reconcile(members);
            if (members.stream().allMatch(java.util.Objects::isNull)) {
                assertThat(event).isNull();
                continue;
            }
            assertThat(event.isOrdered()).as("%s from %s", event, members).isTrue();
            assertThat(event.best()).isEqualTo(members.stream().filter(java.util.Objects::nonNull).findFirst()
                    .orElseThrow().best());
        }
    }

    @Test
    void shouldMakeNoEventOfOneIncident() {
        assertThat(EventFigures.rows(List.of(new Member(1, Figures.exactly(3), null, "UCDP")), PRIORITY)).isEmpty();
    }
}
