package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, incident pages keep 15 % free, so that writing an incident's part in its event (V18, hundreds of
 * thousands of rows after a matching run) updates rows in place (HOT: the columns are not indexed) instead of adding
 * an entry to every index of the table for every row. Pages written before keep their fill until rewritten
 * ({@code VACUUM FULL incident}). H2 has no such setting.
 */
public class V19__Incident_fill_factor extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("alter table incident set (fillfactor = 85)");
        }
    }
}
