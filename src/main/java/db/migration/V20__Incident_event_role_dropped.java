package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Incidents no longer carry their part in an event (V18): writing it onto every member after a matching run cost more
 * than the whole match at a million incidents. {@code dedupe=events} reads {@code incident_event} instead, which holds
 * the same facts. The free space V19 kept on PostgreSQL pages for that write goes back to the default (for pages
 * written from now on).
 */
public class V20__Incident_event_role_dropped extends BaseJavaMigration {

    private static final java.util.List<String> COLUMNS = java.util.List.of("event_role", "event_killed_low",
            "event_killed_high", "event_injured_low", "event_injured_high");

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = Databases.isPostgres(context);
        try (Statement sql = context.getConnection().createStatement()) {
            // One statement: H2 copies the table and rebuilds its indexes for each ALTER TABLE.
            if (postgres) {
                sql.execute("alter table incident " + String.join(", ", COLUMNS.stream()
                        .map(c -> "drop column if exists " + c).toList()));
                sql.execute("alter table incident reset (fillfactor)");
            } else {
                sql.execute("alter table incident drop column if exists (" + String.join(", ", COLUMNS) + ")");
            }
        }
    }
}
