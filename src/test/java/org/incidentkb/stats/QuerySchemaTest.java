package org.incidentkb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentkb.common.Database;
import org.incidentkb.incident.query.IncidentSchema;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The hand-declared schema of the read queries (IncidentSchema, RollupSchema; ADR 0010) against the database the
 * migrations made: every declared column is selected from its table, so a renamed or dropped column fails here
 * rather than in a query at run time.
 */
@QuarkusTest
class QuerySchemaTest {

    /** The tables behind the aliases the declarations use. */
    private static final Map<String, String> ALIASES = Map.of("i", "incident", "gp", "incident_actor", "perp", "actor",
            "r", Grain.FINE.table);

    @Inject
    Database database;

    @Test
    void everyDeclaredColumnExists() throws IllegalAccessException {
        List<Field<?>> fields = new ArrayList<>();
        collect(IncidentSchema.class, fields);
        collect(RollupSchema.class, fields);
        for (RollupSchema.Measure m : List.of(RollupSchema.KILLED, RollupSchema.INJURED)) {
            fields.addAll(List.of(m.low(), m.best(), m.high(), m.open(), m.unknown()));
        }
        assertThat(fields).hasSizeGreaterThan(50);
        for (Field<?> field : fields) {
            String qualifier = field.getQualifiedName().first();
            boolean byActor = field == IncidentSchema.BY_ACTOR_ACTOR || field == IncidentSchema.BY_ACTOR_ROLE;
            assertSelects(field, byActor ? "incident_by_actor" : ALIASES.getOrDefault(qualifier, qualifier), qualifier);
        }
    }

    /** incident_by_actor stands in for the incident table (aliased i) in lists by actor: it has the columns they use. */
    @Test
    void incidentsByActorHaveTheIncidentColumnsListsByActorUse() {
        for (Field<?> field : List.of(IncidentSchema.ID, IncidentSchema.START_DATE, IncidentSchema.END_DATE,
                IncidentSchema.COUNTRY_CODE, IncidentSchema.CATEGORY_CODE, IncidentSchema.TYPE_CODE,
                IncidentSchema.CLAIM_STATUS, IncidentSchema.KILLED_BEST, IncidentSchema.INJURED_BEST)) {
            assertSelects(field, "incident_by_actor", "i");
        }
    }

    private void assertSelects(Field<?> field, String table, String alias) {
        int rows = QuarkusTransaction.requiringNew().call(() -> database.read(sql -> sql.select(field)
                .from(DSL.table(DSL.name(table)).as(alias)).where(DSL.falseCondition()).fetch().size()));
        assertThat(rows).as(field + " in " + table).isZero();
    }

    private static void collect(Class<?> declaring, List<Field<?>> into) throws IllegalAccessException {
        for (java.lang.reflect.Field f : declaring.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Field.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                into.add((Field<?>) f.get(null));
            }
        }
    }
}
