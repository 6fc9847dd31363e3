package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the members of an event that a deduplicated list leaves out (all but the lead) get a partial index
 * of their own: the list's anti-join then reads that index alone, and the planner knows how many there are (it cannot
 * estimate {@code event_id <> incident_id} from column statistics). At a million incidents this took a deduplicated
 * list of Iraq in 2015 from 1.5 s to 0.5 s. H2 has no partial indexes; its anti-join probes the primary key.
 */
public class V21__Event_hidden_members_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("create index ix_incident_event_hidden on incident_event (incident_id)"
                    + " where event_id <> incident_id");
        }
    }
}
