package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Text search ({@code q=}) at scale on PostgreSQL: trigram GIN indexes (pg_trgm) on the lower-cased texts the query
 * matches with {@code LIKE '%...%'}, so a search is an index lookup instead of a scan of every incident. Such an
 * index serves any substring of three characters or more, in any language, keeping the semantics of the query
 * exactly (full-text search would match stems, not substrings). H2 has no such index; there a search scans.
 * Without the right to create the extension, the service starts all the same and searches scan (logged).
 */
public class V6__Text_search_indexes extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V6__Text_search_indexes.class);

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        Databases.allOrWarn(context, LOG, "Text search indexes not created; q= searches will scan. To have them, a "
                + "superuser runs the statements of db.migration.V6__Text_search_indexes (docs/operations.md, 'PostgreSQL')",
                "create extension if not exists pg_trgm",
                "create index ix_incident_title_trgm on incident using gin (lower(title) gin_trgm_ops)",
                "create index ix_incident_summary_trgm on incident using gin (lower(summary) gin_trgm_ops)",
                "create index ix_incident_locality_trgm on incident using gin (lower(locality) gin_trgm_ops)",
                "create index ix_casualty_name_trgm on casualty_name using gin (lower(name) gin_trgm_ops)");
    }
}
