package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;
import org.incidentkb.stats.Contributions.Change;
import org.incidentkb.stats.Contributions.Counted;
import org.incidentkb.stats.Contributions.EventRole;

/**
 * Keeps the statistics roll-ups current (incident_rollup, V8; incident_rollup_country, V10; incident_rollup_year,
 * V12; incident_rollup_perpetrator_year, V30): every write to incidents takes the old incidents' contributions away
 * and adds the new ones' ({@link Contributions}), in the write's transaction; for an incident of an event, its
 * correction for {@code dedupe=events} ({@link EventRollup}) moves the same way.
 */
@ApplicationScoped
public class StatsRollup implements Projection {

    private final RollupWriter writer;
    private final EventRollup events;

    public StatsRollup(RollupWriter writer, EventRollup events) {
        this.writer = writer;
        this.events = events;
    }

    @Override
    public Projection.Step step() {
        return Projection.Step.ROLLUPS;
    }

    @Override
    public void apply(IncidentsChanged change) {
        // An incident of an event moves its correction along (EventGroups then recomputes the event if need be).
        Map<Long, EventRole> roles = events.roles(change.befores().stream().map(IncidentView::id).toList());
        List<Change> changes = change.changes().stream().map(c -> new Change(counted(c.before()),
                counted(c.after()), c.before() == null ? null : roles.get(c.before().id()))).toList();
        writer.add(Contributions.of(changes), false);
        if (!roles.isEmpty()) {
            writer.add(Contributions.corrections(changes), true);
        }
    }

    private static Counted counted(IncidentView v) {
        return v == null ? null : Counted.of(v);
    }
}
