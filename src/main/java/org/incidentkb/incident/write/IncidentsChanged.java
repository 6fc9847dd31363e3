package org.incidentkb.incident.write;

import java.util.List;
import org.incidentkb.incident.api.IncidentApi.IncidentView;

/**
 * Fired synchronously, in the transaction of every write to incidents, so that what is derived from them (the
 * statistics roll-up) changes with them: how the incidents looked before (empty for new ones) and after (empty for
 * deleted ones).
 */
public record IncidentsChanged(List<IncidentView> before, List<IncidentView> after) {

    public static IncidentsChanged created(List<IncidentView> views) {
        return new IncidentsChanged(List.of(), views);
    }
}
