package db.migration;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every incident gets {@code uid}, a reference that stays the same wherever the incident is exported to: an NDJSON
 * file imported twice, or into another knowledge base, updates the incidents it made instead of copying them again.
 * Existing incidents get this database's own random prefix and their id (unique across knowledge bases, in one
 * statement: no UUID function is common to H2 and PostgreSQL); new ones a random UUID. Stored representations are
 * dropped so that they are rebuilt with it.
 */
public class V14__Incident_uid extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("alter table incident add column uid varchar(64)");
        }
        try (PreparedStatement fill = context.getConnection().prepareStatement(
                "update incident set uid = cast(? as varchar(64)) || cast(id as varchar(20))")) {
            fill.setString(1, UUID.randomUUID().toString() + "-");
            fill.executeUpdate();
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("alter table incident alter column uid set not null");
            sql.execute("create unique index ux_incident_uid on incident (uid)");
            sql.execute("delete from incident_document");
        }
    }
}
