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

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (String column : new String[] { "event_role", "event_killed_low", "event_killed_high",
                    "event_injured_low", "event_injured_high" }) {
                sql.execute("alter table incident drop column " + column);
            }
            if (context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                sql.execute("alter table incident reset (fillfactor)");
            }
        }
    }
}
