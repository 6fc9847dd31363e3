package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.IncidentFilter;
import org.incidentkb.incident.IncidentRepository;
import org.incidentkb.stats.StatsApi.IncidentStats;
import org.incidentkb.stats.StatsApi.Totals;

/** Incident statistics: the list's filters, grouped by up to two dimensions, aggregated in the database. */
@ApplicationScoped
public class StatsService {

    private final StatsRepository stats;
    private final IncidentRepository incidents;

    public StatsService(StatsRepository stats, IncidentRepository incidents) {
        this.stats = stats;
        this.incidents = incidents;
    }

    /** The dimensions named by groupBy (repeated or comma-separated): none, one or two, each once. */
    public static List<Dimension> dimensions(List<String> groupBy) {
        List<Dimension> out = new ArrayList<>();
        for (String name : Params.values(groupBy)) {
            Dimension d = java.util.Arrays.stream(Dimension.values()).filter(x -> x.param.equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> ProblemException.invalid("groupBy", "'" + name
                            + "' is not one of " + Dimension.names()));
            if (out.contains(d)) {
                throw ProblemException.invalid("groupBy", "'" + name + "' is listed twice");
            }
            out.add(d);
        }
        if (out.size() > 2) {
            throw ProblemException.invalid("groupBy", "at most two dimensions");
        }
        if (out.contains(Dimension.YEAR) && out.contains(Dimension.MONTH)) {
            throw ProblemException.invalid("groupBy", "month already includes the year; use one of them");
        }
        return List.copyOf(out);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentStats incidents(IncidentFilter filter, List<Dimension> groupBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : stats.aggregate(groupBy, incidents.select(filter))) {
            Map<String, Object> row = new LinkedHashMap<>();
            int at = 0;
            for (Dimension d : groupBy) {
                row.put(d.param, d.key(r, at));
                at += d.columns.size();
            }
            row.put("incidents", ((Number) r[at]).longValue());
            row.put("killed", totals(r, at + 1));
            row.put("injured", totals(r, at + 4));
            rows.add(row);
        }
        return new IncidentStats(groupBy.stream().map(d -> d.param).toList(), rows);
    }

    private static Totals totals(Object[] r, int at) {
        return new Totals(((Number) r[at]).longValue(), ((Number) r[at + 1]).longValue(),
                r[at + 2] == null ? null : ((Number) r[at + 2]).longValue());
    }
}
