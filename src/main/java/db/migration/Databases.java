package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/** What the Java migrations need to know of the database they run on. */
final class Databases {

    private Databases() {
    }

    /** PostgreSQL (the production database) rather than the embedded H2. */
    static boolean isPostgres(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
}
