package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/** What the Java migrations need to know of the database they run on. */
final class Databases {

    private Databases() {
    }

    /** PostgreSQL (the production database) rather than the embedded H2. */
    static boolean isPostgres(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /**
     * Runs statements that need rights the service's user may not have (creating extensions, indexes of their
     * operator classes): all of them or, when one fails, none, with a warning that starts with {@code warning} and
     * ends with the database's reason. The migration counts as done either way; the service works without them.
     */
    static void allOrWarn(Context context, Logger log, String warning, String... statements) throws SQLException {
        Connection connection = context.getConnection();
        Savepoint before = connection.setSavepoint();
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before);
            log.warnf("%s (%s)", warning, e.getMessage());
        }
    }
}
