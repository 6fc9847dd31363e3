package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalLong;
import org.incidentkb.incident.query.IncidentCounts;
import org.incidentkb.incident.query.IncidentFilter;

/**
 * A list's total from the statistics roll-up when it keeps the filter: a few hundred roll-up rows instead of
 * counting up to every incident (PostgreSQL has no stored row count, so counting a million takes a scan).
 */
@ApplicationScoped
public class RollupCounts implements IncidentCounts {

    private final StatsQueries stats;

    public RollupCounts(StatsQueries stats) {
        this.stats = stats;
    }

    @Override
    public OptionalLong known(IncidentFilter filter) {
        if (!StatsRollup.answers(filter, List.of())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(stats.aggregate(List.of(), filter).get(0).incidents());
    }
}
