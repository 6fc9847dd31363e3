package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No table keeps two indexes of the same columns in the same order (migration V23: on H2 a foreign key brings its own
 * index, and ours of the same column doubled the cost of every write). Checked on both databases.
 */
@QuarkusTest
class DuplicateIndexesTest {

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepNoIndexTwice() {
        List<Object[]> twice;
        if ("postgresql".equals(System.getProperty("quarkus.datasource.db-kind"))) {
            twice = em.createNativeQuery("""
                    select a.indrelid::regclass::text, a.indexrelid::regclass::text, b.indexrelid::regclass::text
                    from pg_index a join pg_index b on a.indrelid = b.indrelid and a.indexrelid < b.indexrelid
                      and a.indkey::text = b.indkey::text
                      and coalesce(pg_get_expr(a.indpred, a.indrelid), '') = coalesce(pg_get_expr(b.indpred, b.indrelid), '')
                      and coalesce(pg_get_expr(a.indexprs, a.indrelid), '') = coalesce(pg_get_expr(b.indexprs, b.indrelid), '')
                    join pg_class t on t.oid = a.indrelid join pg_namespace n on n.oid = t.relnamespace
                    where n.nspname = current_schema""").getResultList();
        } else {
            twice = em.createNativeQuery("""
                    with ix as (select table_name t, index_name i,
                                       listagg(column_name, ',') within group (order by ordinal_position) cols
                                from information_schema.index_columns where table_schema = current_schema
                                group by table_name, index_name)
                    select a.t, a.i, b.i from ix a join ix b on a.t = b.t and a.cols = b.cols and a.i < b.i""")
                    .getResultList();
        }
        assertThat(twice.stream().map(r -> r[0] + ": " + r[1] + " = " + r[2]).toList()).isEmpty();
    }
}
