package org.incidentkb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.incidentkb.common.Database;
import org.incidentkb.common.schema.DefaultSchema;
import org.incidentkb.incident.query.IncidentSchema;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The schema jOOQ generated at build time from the H2 database the migrations make (ADR 0010) against the database
 * the service runs on (H2 here, PostgreSQL in the PostgreSQL run): every generated table has every generated column,
 * each of a type of the same kind, so a migration that makes the two databases differ fails here rather than in a
 * query at run time.
 */
@QuarkusTest
class QuerySchemaTest {

    /** The JDBC types each database may report for a column of one kind. */
    private static final List<List<Integer>> KINDS = List.of(List.of(Types.INTEGER, Types.SMALLINT),
            List.of(Types.BIGINT), List.of(Types.VARCHAR, Types.CHAR, Types.CLOB, Types.LONGVARCHAR, Types.NVARCHAR),
            List.of(Types.DATE), List.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE),
            List.of(Types.BOOLEAN, Types.BIT), List.of(Types.DOUBLE, Types.FLOAT, Types.REAL),
            List.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB));

    @Inject
    Database database;

    @Inject
    EntityManager em;

    @Test
    void everyGeneratedColumnExistsWithItsKindOfType() {
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables();
        assertThat(tables).hasSizeGreaterThan(30);
        for (Table<?> table : tables) {
            String sql = database.renderer().renderInlined(DSL.select(table.fields()).from(table)
                    .where(DSL.falseCondition()));
            List<String> mismatches = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                    .doReturningWork(c -> {
                        List<String> out = new ArrayList<>();
                        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
                            ResultSetMetaData meta = r.getMetaData();
                            for (int i = 0; i < table.fields().length; i++) {
                                Field<?> f = table.field(i);
                                int actual = meta.getColumnType(i + 1);
                                if (kind(f.getType()) != kind(actual)) {
                                    out.add(f.getName() + ": generated " + f.getDataType().getTypeName() + ", found "
                                            + meta.getColumnTypeName(i + 1));
                                }
                            }
                        }
                        return out;
                    }));
            assertThat(mismatches).as(table.getName()).isEmpty();
        }
    }

    /** incident_by_actor stands in for the incident table (aliased i) in lists by actor: it has the columns they use. */
    @Test
    void incidentsByActorHaveTheIncidentColumnsListsByActorUse() {
        for (Field<?> field : List.of(IncidentSchema.ID, IncidentSchema.START_DATE, IncidentSchema.END_DATE,
                IncidentSchema.COUNTRY_CODE, IncidentSchema.CATEGORY_CODE, IncidentSchema.TYPE_CODE,
                IncidentSchema.CLAIM_STATUS, IncidentSchema.KILLED_BEST, IncidentSchema.INJURED_BEST)) {
            int rows = QuarkusTransaction.requiringNew().call(() -> database.read(sql -> sql.select(field)
                    .from(IncidentSchema.BY_ACTOR).where(DSL.falseCondition()).fetch().size()));
            assertThat(rows).as(field + " in incident_by_actor").isZero();
        }
    }

    /** The kind of the Java type jOOQ generated for a column. */
    private static int kind(Class<?> type) {
        List<Class<?>> kinds = List.of(Integer.class, Long.class, String.class, java.time.LocalDate.class,
                java.time.Instant.class, Boolean.class, Double.class, byte[].class);
        assertThat(kinds).as("a kind of column the test knows").contains(type);
        return kinds.indexOf(type);
    }

    private static int kind(int jdbcType) {
        for (int k = 0; k < KINDS.size(); k++) {
            if (KINDS.get(k).contains(jdbcType)) {
                return k;
            }
        }
        return -jdbcType;
    }
}
