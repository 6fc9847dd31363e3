package org.incidentkb.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.incidentkb.link.EventFigures.Member;
import org.incidentkb.link.EventFigures.Row;
import org.junit.jupiter.api.Test;

/** The rule of an event's rows alone: its lead and its reconciled figures. */
class EventFiguresTest {

    private static final List<String> PRIORITY = List.of("UCDP", "ACLED", "API");

    @Test
    void shouldLeadWithTheDatasetFirstInPriorityThenTheLowestId() {
        Member acled = new Member(3, 1, 2, null, null, "ACLED");
        Member ucdp = new Member(9, 4, 4, null, null, "UCDP");
        Member mixed = new Member(1, 0, 1, null, null, null);
        assertThat(EventFigures.rows(List.of(acled, ucdp, mixed), PRIORITY)).extracting(Row::eventId)
                .containsOnly(9L);
        Member otherUcdp = new Member(5, 4, 4, null, null, "UCDP");
        assertThat(EventFigures.rows(List.of(ucdp, otherUcdp), PRIORITY)).extracting(Row::eventId).containsOnly(5L);
        // a dataset the priority does not name, and an incident of two datasets, come after every named one
        Member gtd = new Member(2, 0, 1, null, null, "GTD");
        assertThat(EventFigures.rows(List.of(gtd, mixed, acled), PRIORITY)).extracting(Row::eventId)
                .containsOnly(3L);
        assertThat(EventFigures.rows(List.of(gtd, mixed), PRIORITY)).extracting(Row::eventId).containsOnly(1L);
    }

    @Test
    void shouldGiveTheLeadTheSmallestKnownLowAndTheLargestHighOrNoneWhenOneIsUnknown() {
        List<Row> rows = EventFigures.rows(List.of(new Member(1, 3, 9, null, null, "UCDP"),
                new Member(2, 5, 12, 1, 1, "ACLED"), new Member(3, null, null, 2, null, "API")), PRIORITY);
        assertThat(rows).containsExactly(new Row(1, 1, 3, null, 1, null), new Row(2, 1, null, null, null, null),
                new Row(3, 1, null, null, null, null));
        assertThat(EventFigures.rows(List.of(new Member(1, 3, 9, null, null, "UCDP"),
                new Member(2, 5, 12, null, null, "ACLED")), PRIORITY).get(0))
                .isEqualTo(new Row(1, 1, 3, 12, null, null));
    }

    @Test
    void shouldMakeNoEventOfOneIncident() {
        assertThat(EventFigures.rows(List.of(new Member(1, 3, 9, null, null, "UCDP")), PRIORITY)).isEmpty();
    }
}
