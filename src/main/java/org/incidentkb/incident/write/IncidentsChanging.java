package org.incidentkb.incident.write;

import java.util.Collection;

/**
 * Incidents a write is about to change or delete, fired by {@link IncidentChanges} before their rows are written
 * (so before the write holds their locks): what must be locked before them is locked here, in the order every
 * writer takes it (the events' lock before incident rows, see ADR 0023).
 */
public record IncidentsChanging(Collection<Long> ids) {
}
