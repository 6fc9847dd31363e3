package org.incidentkb.incident.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentkb.incident.query.IncidentSchema.ID;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.LongStream;
import org.incidentkb.Fixtures;
import org.incidentkb.common.Database;
import org.junit.jupiter.api.Test;

/**
 * The id list the text index hands to the SQL, in both its shapes on H2 (written into the statement, or one array
 * parameter past {@link IncidentQueries#INLINE_IDS}) and the one of PostgreSQL (always the array): each selects
 * exactly the incidents it names that exist.
 */
@QuarkusTest
class IdListConditionTest {

    @Inject
    Database database;

    @Test
    @TestTransaction
    void shouldSelectExactlyTheNamedIncidentsInBothShapes() {
        long a = Fixtures.incident(Fixtures.unique("Listed"));
        long b = Fixtures.incident(Fixtures.unique("Listed"));
        long c = Fixtures.incident(Fixtures.unique("Not listed"));

        long[] few = {a, b, 9_000_000_001L};
        assertThat(IncidentQueries.anyOf(few, false).toString()).doesNotContain("any");
        assertThat(IncidentQueries.anyOf(few, true).toString()).as("PostgreSQL: always one array").contains("any");
        assertThat(select(few)).containsExactly(a, b);

        // Past the bound: the same answer from an array parameter of 5,002 ids, most of which do not exist.
        long[] many = LongStream.concat(LongStream.of(a, b),
                LongStream.range(9_000_000_000L, 9_000_000_000L + IncidentQueries.INLINE_IDS + 1000)).toArray();
        assertThat(IncidentQueries.anyOf(many, false).toString()).contains("any");
        assertThat(select(many)).containsExactly(a, b).doesNotContain(c);

        assertThat(select(new long[0])).isEmpty();
    }

    private List<Long> select(long[] ids) {
        return database.read(sql -> sql.select(ID).from(INCIDENT).where(IncidentQueries.anyOf(ids, database.isPostgres()))
                .orderBy(ID)
                .fetch(ID));
    }
}
