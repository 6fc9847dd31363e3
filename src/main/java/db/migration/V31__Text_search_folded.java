package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.incidentkb.common.TextFold;
import org.jboss.logging.Logger;

/**
 * Text search ({@code q=}) on PostgreSQL compares the texts with their spelling variants folded (ADR 0022): the
 * trigram indexes of V26 (the title, locality and summary joined, led by the country) and of V6 (the casualty names)
 * are built again on the folded texts, so that a search for {@code baquba} finds {@code Baʿqūbah} and one for
 * {@code حلبجه} finds {@code حلبجة} through the index. Without the right to create them (no {@code pg_trgm}), the old
 * indexes stay (logged).
 */
public class V31__Text_search_folded extends BaseJavaMigration {

    /**
     * The text a search looks in, as this migration built its index: {@code IncidentQueries.SEARCHED} writes the same
     * expression, or the index would not serve it (TextSearchIndexTest checks the plan). Kept here, not read from the
     * application, so that the migration stays what it was when it ran.
     */
    private static final String SEARCHED = TextFold.postgres(
            "lower(title || chr(1) || coalesce(locality, '') || chr(1) || coalesce(summary, ''))");

    private static final Logger LOG = Logger.getLogger(V31__Text_search_folded.class);

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context)) {
            return;
        }
        Databases.allOrWarn(context, LOG, "The folded text search indexes were not created; q= on PostgreSQL reads "
                + "the old ones when the text index does not answer, which do not fold. To have them, a superuser "
                + "runs the statements of db.migration.V31__Text_search_folded",
                "drop index if exists ix_incident_text_trgm",
                "drop index if exists ix_casualty_name_trgm",
                "create index ix_incident_text_trgm on incident using gin (country_code, " + SEARCHED + " gin_trgm_ops)",
                "create index ix_casualty_name_trgm on casualty_name using gin (" + TextFold.postgres("lower(name)")
                        + " gin_trgm_ops)");
    }
}
