package db.migration;

import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.incidentkb.common.TextFold;
import org.jboss.logging.Logger;

/**
 * Text search ({@code q=}) on PostgreSQL compares the texts with their spelling variants folded (ADR 0022): the
 * trigram indexes of V26 (the title, locality and summary joined, led by the country) and of V6 (the casualty names)
 * are built again on the folded texts, so that a search for {@code baquba} finds {@code Baʿqūbah} and one for
 * {@code حلبجة} finds {@code حلبجه} through the index. Without the indexes of V26 (no right to create the
 * extensions), nothing is done (logged).
 */
public class V31__Text_search_folded extends BaseJavaMigration {

    /** The text a search looks in; {@code IncidentQueries} writes the same expression, for the index to serve it. */
    public static final String SEARCHED = TextFold.postgres(
            "lower(title || chr(1) || coalesce(locality, '') || chr(1) || coalesce(summary, ''))");
    /** A casualty's name as a search compares it. */
    public static final String NAME = TextFold.postgres("lower(name)");

    private static final Logger LOG = Logger.getLogger(V31__Text_search_folded.class);

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        Connection connection = context.getConnection();
        Savepoint before = connection.setSavepoint();
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop index if exists ix_incident_text_trgm");
            sql.execute("drop index if exists ix_casualty_name_trgm");
            sql.execute("create index ix_incident_text_trgm on incident using gin (country_code, " + SEARCHED
                    + " gin_trgm_ops)");
            sql.execute("create index ix_casualty_name_trgm on casualty_name using gin (" + NAME + " gin_trgm_ops)");
            connection.releaseSavepoint(before);
        } catch (java.sql.SQLException e) {
            connection.rollback(before);
            LOG.warnf("The folded text search indexes were not created (%s); q= searches on PostgreSQL scan when the "
                    + "text index does not answer. To have them, a superuser runs the statements of "
                    + "db.migration.V31__Text_search_folded.", e.getMessage());
        }
    }
}
