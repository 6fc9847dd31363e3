package org.incidentkb.incident.query;

import java.util.OptionalLong;

/**
 * How many incidents a filter selects, when that is known without counting them (the statistics roll-up keeps it
 * current); empty when they must be counted.
 */
public interface IncidentCounts {

    OptionalLong known(IncidentFilter filter);
}
