package org.incidentkb.common;

import static org.jooq.impl.DSL.inline;

import jakarta.enterprise.context.ApplicationScoped;
import org.incidentkb.common.schema.Tables;

/**
 * The version of the rules each projection's stored rows were computed by (V34's {@code projection_rules}): a
 * projection whose rules changed raises its version in the code, and the first instance that starts with it
 * recomputes the rows, so that no migration restates those rules in SQL.
 */
@ApplicationScoped
public class ProjectionRules {

    private static final org.incidentkb.common.schema.tables.ProjectionRules RULES = Tables.PROJECTION_RULES;

    private final Database database;

    public ProjectionRules(Database database) {
        this.database = database;
    }

    /**
     * Whether the rows of {@code name} were computed by rules older than {@code version}; its row is locked until the
     * caller's transaction ends, so that one instance recomputes them while the others wait and then find them done.
     */
    public boolean outdated(String name, int version) {
        Integer stored = database.read(sql -> sql.select(RULES.VERSION).from(RULES).where(RULES.NAME.eq(inline(name)))
                .forUpdate().fetchOne(RULES.VERSION));
        return stored == null || stored < version;
    }

    /** Says that the rows of {@code name} follow {@code version} of its rules now. */
    public void done(String name, int version) {
        database.read(sql -> sql.update(RULES).set(RULES.VERSION, inline(version)).where(RULES.NAME.eq(inline(name)))
                .execute());
    }
}
