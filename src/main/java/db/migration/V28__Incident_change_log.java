package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, a log of the incidents each transaction wrote, for the text index of every instance of the service
 * to follow the writes of the others (docs/adr/0021). After every statement that inserts, updates or deletes
 * incidents, a trigger adds one row: the writing transaction's id ({@code pg_current_xact_id()}) and the ids of the
 * incidents it touched with the updatedAt each has after it (none for a deletion), whoever wrote them (another instance, an import, a hand-written SQL statement). A follower
 * that has read every row of the transactions below a snapshot's {@code xmin} (all of them finished) has missed none:
 * a transaction id orders what may still commit, where a timestamp does not. Rows older than a day are dropped by the
 * followers. Statement triggers with transition tables: one row per statement, not per incident, so a batch of an
 * import costs one insert. H2 needs none: the embedded database has one process, which indexes its own writes.
 */
public class V28__Incident_change_log extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    create table incident_change (
                        xid       xid8 not null,
                        logged_at timestamp with time zone not null default now(),
                        incidents bigint[] not null,
                        updated   timestamp with time zone[]
                    )""");
            sql.execute("create index ix_incident_change_xid on incident_change (xid)");
            sql.execute("create index ix_incident_change_logged on incident_change (logged_at)");
            for (String kind : new String[] {"insert", "update", "delete"}) {
                boolean deleted = kind.equals("delete");
                String rows = deleted ? "old" : "new";
                // Two aggregates of one query see the rows in the same order: the i-th time is the i-th incident's.
                sql.execute("""
                        create function incident_changed_%1$s() returns trigger language plpgsql as $$
                        begin
                            insert into incident_change (xid, incidents, updated)
                                select pg_current_xact_id(), array_agg(id), %3$s from %2$s_rows having count(*) > 0;
                            return null;
                        end $$""".formatted(kind, rows, deleted ? "null" : "array_agg(updated_at)"));
                sql.execute("""
                        create trigger incident_changed_%1$s after %1$s on incident
                            referencing %2$s table as %2$s_rows
                            for each statement execute function incident_changed_%1$s()""".formatted(kind, rows));
            }
        }
    }
}
