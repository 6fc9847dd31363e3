package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.query.IncidentFilter;

/** Incident statistics: the list's filters, grouped by up to two dimensions, aggregated in the database. */
@ApplicationScoped
public class StatsService {

    private final StatsQueries stats;

    public StatsService(StatsQueries stats) {
        this.stats = stats;
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

    /**
     * Hands the statistic's rows to {@code sink} as they are read ({@link StatsQueries#each}), in a transaction, in
     * which PostgreSQL's driver reads them through a cursor instead of all at once.
     */
    @Transactional
    public void each(IncidentFilter filter, List<Dimension> groupBy, StatsQueries.RowSink sink) {
        stats.each(groupBy, filter, sink);
    }
}
