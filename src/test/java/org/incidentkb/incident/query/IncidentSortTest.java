package org.incidentkb.incident.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.incidentkb.common.ProblemException;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Sort orders and their keyset cursors, without a database. */
class IncidentSortTest {

    @Test
    void shouldEndEveryOrderWithTheIdInTheDirectionOfTheLastKey() {
        assertThat(IncidentSort.parse("-startDate", "id").spec()).isEqualTo("-startDate,-id");
        assertThat(IncidentSort.parse("killed,title", "id").spec()).isEqualTo("killed,title,id");
        assertThat(IncidentSort.parse("id,-killed", "id").spec()).isEqualTo("id,-killed");
        assertThat(IncidentSort.parse(null, "-startDate").spec()).isEqualTo("-startDate,-id");
        assertThat(IncidentSort.parse(" , ", "updatedAt").isFeedOrder()).isTrue();
    }

    @Test
    void shouldRefuseUnknownAndRepeatedKeys() {
        assertThatThrownBy(() -> IncidentSort.parse("severity", "id")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("unknown sort key 'severity'");
        assertThatThrownBy(() -> IncidentSort.parse("title,-title", "id")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void shouldRoundTripACursorInTheKeysOwnTypes() {
        IncidentSort sort = IncidentSort.parse("-startDate,killed,updatedAt", "id");
        IncidentSort.Cursor cursor = new IncidentSort.Cursor(sort.spec(),
                List.of(LocalDate.of(2024, 1, 16), 4, Instant.parse("2024-02-01T10:00:00Z"), 42L));
        IncidentSort.Cursor read = IncidentSort.Cursor.decode(cursor.encode(), sort);
        assertThat(read.values()).containsExactly(LocalDate.of(2024, 1, 16), 4, Instant.parse("2024-02-01T10:00:00Z"),
                42L);
        assertThat(read.encode()).isEqualTo(cursor.encode());
    }

    @Test
    void shouldRefuseACursorOfAnotherSortOrOfNothing() {
        IncidentSort byDate = IncidentSort.parse("-startDate", "id");
        String token = new IncidentSort.Cursor(byDate.spec(), List.of(LocalDate.of(2024, 1, 16), 42L)).encode();
        assertThatThrownBy(() -> IncidentSort.Cursor.decode(token, IncidentSort.parse("title", "id")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("another sort order");
        for (String junk : List.of("not-a-cursor", "W10", "", "%%%")) {
            assertThatThrownBy(() -> IncidentSort.Cursor.decode(junk, byDate)).as(junk)
                    .isInstanceOf(ProblemException.class).hasMessageContaining("after");
        }
    }

    @Test
    void shouldNarrowToTheRowsAfterTheCursorWithTheFirstKeyBoundedOutsideTheOr() {
        IncidentSort sort = IncidentSort.parse("-startDate", "id");
        String sql = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
                .renderInlined(sort.after(new IncidentSort.Cursor(sort.spec(), List.of(LocalDate.of(2024, 1, 16), 42L))));
        assertThat(sql).isEqualTo("(i.start_date <= date '2024-01-16' and (i.start_date < date '2024-01-16' or "
                + "(i.start_date = date '2024-01-16' and i.id < 42)))");
    }
}
