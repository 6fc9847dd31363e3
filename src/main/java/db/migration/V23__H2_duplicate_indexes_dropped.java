package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, the indexes that V1 made for foreign-key columns (casualty and claim by incident, source and actor,
 * incident_source by source, incident_external_ref by incident, actor by parent, actor_backer by backer) are dropped:
 * H2 made its own index of the same columns for each of those foreign keys, so every row written kept two identical
 * B-trees, ten in all, two to five per incident imported. An index of ours is dropped only where another one of its
 * table has exactly its columns, in order. PostgreSQL makes no index for a foreign key; there they stay.
 */
public class V23__H2_duplicate_indexes_dropped extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (Databases.isPostgres(context)) {
            return;
        }
        List<String> duplicates = new ArrayList<>();
        try (Statement sql = context.getConnection().createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    with ix as (select table_name t, index_name i,
                                       listagg(column_name, ',') within group (order by ordinal_position) cols
                                from information_schema.index_columns where table_schema = current_schema
                                group by table_name, index_name)
                    select distinct ours.i from ix ours join ix theirs
                      on theirs.t = ours.t and theirs.cols = ours.cols and theirs.i <> ours.i
                    where ours.i like 'IX\\_%' escape '\\' and theirs.i not like 'IX\\_%' escape '\\'
                    order by ours.i""")) {
                while (rows.next()) {
                    duplicates.add(rows.getString(1));
                }
            }
            for (String index : duplicates) {
                sql.execute("drop index \"" + index + "\"");
            }
        }
    }
}
