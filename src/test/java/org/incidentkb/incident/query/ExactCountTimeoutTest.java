package org.incidentkb.incident.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.function.Function;
import org.hibernate.QueryTimeoutException;
import org.incidentkb.common.Database;
import org.incidentkb.common.ProblemException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/**
 * {@code count=exact} past its time: the database's cancellation (SQLSTATE 57014 on PostgreSQL and H2, or the
 * driver's SQLTimeoutException) becomes a 503 saying what to ask instead; any other failure stays what it is.
 */
class ExactCountTimeoutTest {

    /** A database whose every query fails with this exception, as the driver would raise it. */
    private static IncidentQueries failingWith(SQLException cause) {
        return new IncidentQueries(new Database(null, "h2", null, null) {
            @Override
            public <T> T read(Function<DSLContext, T> query) {
                throw new DataAccessException("SQL [select count(*) ...]; " + cause.getMessage(), cause);
            }
        }, null);
    }

    private static IncidentQueries.Selection all() {
        return new IncidentQueries(new Database(null, "h2", null, null), null).selection(IncidentFilter.none());
    }

    @Test
    void shouldAnswer503WhenTheDatabaseCancelsTheCount() {
        for (SQLException cancelled : new SQLException[] {
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"),
                new SQLTimeoutException("Statement was canceled or the session timed out", "57014") }) {
            assertThatThrownBy(() -> failingWith(cancelled).countWithin(all(), 3))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.getMessage()).contains("longer than 3 s").contains("without count=exact");
                    });
        }
    }

    @Test
    void shouldLeaveOtherFailuresAlone() {
        assertThatThrownBy(() -> failingWith(new SQLException("connection refused", "08001")).countWithin(all(), 3))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void shouldKnowACancelledStatementHoweverItIsWrapped() {
        SQLException cancelled = new SQLException("ERROR: canceling statement due to statement timeout", "57014");
        assertThat(Database.cancelled(new PersistenceException("could not execute",
                new QueryTimeoutException("timed out", cancelled, "select count(*) from claim")))).isTrue();
        assertThat(Database.cancelled(new PersistenceException(new SQLTimeoutException("timed out")))).isTrue();
        assertThat(Database.cancelled(new PersistenceException(new SQLException("connection refused", "08001"))))
                .isFalse();
        assertThat(Database.cancelled(new IllegalStateException("no cause"))).isFalse();
    }
}
