package org.incidentkb.incident.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Stance;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;

/**
 * Keeps {@code incident_by_actor} (migrations V24 and V29, docs/adr/0018) current in the transaction of every write to
 * an incident: one row per actor and role of the incident, and one per actor that claimed it (role {@code CLAIMED},
 * for {@code claimedBy=}), carrying the incident's columns a list filters and sorts on.
 * An incident's rows are replaced only when one of those, or its actors, changed; a deleted incident's rows go with
 * its row (the foreign key cascades).
 */
@ApplicationScoped
public class IncidentsByActor implements Projection {

    static final BulkRows.Table ROWS = new BulkRows.Table("incident_by_actor", "actor_id", "role", "id", "start_date",
            "end_date", "country_code", "category_code", "type_code", "claim_status", "killed_best", "injured_best");

    private final EntityManager em;
    private final org.incidentkb.common.Database database;

    public IncidentsByActor(EntityManager em, org.incidentkb.common.Database database) {
        this.em = em;
        this.database = database;
    }

    @Override
    public Projection.Step step() {
        return Projection.Step.INCIDENTS_BY_ACTOR;
    }

    @Override
    public void apply(IncidentsChanged changed) {
        BulkRows added = new BulkRows();
        List<Long> replaced = new ArrayList<>();
        for (IncidentsChanged.Change change : changed.changes()) {
            if (change.after() == null) {
                continue;
            }
            Set<List<Object>> after = rows(change.after());
            if (change.before() != null) {
                if (rows(change.before()).equals(after)) {
                    continue;
                }
                replaced.add(change.after().id());
            }
            after.forEach(row -> added.add(ROWS, row.toArray()));
        }
        if (!replaced.isEmpty()) {
            var rows = org.incidentkb.common.schema.Tables.INCIDENT_BY_ACTOR;
            for (int from = 0; from < replaced.size(); from += 1_000) {
                List<Long> chunk = replaced.subList(from, Math.min(replaced.size(), from + 1_000));
                database.flushed(sql -> sql.deleteFrom(rows).where(rows.ID.in(chunk)).execute());
            }
        }
        added.write(em, List.of(ROWS));
    }

    /**
     * The incident's rows, each as the values of {@link #ROWS}' columns: its actors in their roles, then the actors
     * that claimed it (one row each, however many claims).
     */
    static Set<List<Object>> rows(IncidentView v) {
        Set<List<Object>> rows = new LinkedHashSet<>();
        v.actors().forEach(a -> rows.add(row(v, a.actor().id(), a.role().name())));
        v.claims().stream().filter(c -> c.stance() == Stance.CLAIMED && c.actor() != null)
                .forEach(c -> rows.add(row(v, c.actor().id(), Stance.CLAIMED.name())));
        return rows;
    }

    private static List<Object> row(IncidentView v, long actor, String role) {
        Figures killed = v.casualtySummary().killed();
        Figures injured = v.casualtySummary().injured();
        return Arrays.asList(actor, role, v.id(), v.startDate(), v.endDate(),
                v.location() == null ? null : v.location().countryCode(), v.category().code(),
                v.type() == null ? null : v.type().code(), v.claimStatus().name(), killed == null ? null : killed.best(),
                injured == null ? null : injured.best());
    }
}
