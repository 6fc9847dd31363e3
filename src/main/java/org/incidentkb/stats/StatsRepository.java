package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;
import org.incidentkb.common.SqlWhere;
import org.incidentkb.incident.IncidentRepository;

/**
 * The aggregation behind /stats: one GROUP BY statement over the incident table (with a join to the perpetrators
 * when grouping by them), so the database does the counting and summing.
 */
@ApplicationScoped
public class StatsRepository {

    private final EntityManager em;

    public StatsRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> aggregate(List<Dimension> groupBy, IncidentRepository.Selection selection) {
        SqlWhere where = selection.where();
        List<String> keys = groupBy.stream().flatMap(d -> d.columns.stream()).toList();
        String from = selection.from() + (groupBy.contains(Dimension.PERPETRATOR)
                ? " left join incident_actor gp on gp.incident_id = i.id and gp.role = 'PERPETRATOR'"
                        + " left join actor perp on perp.id = gp.actor_id"
                : "");
        String select = (keys.isEmpty() ? "" : String.join(", ", keys) + ", ") + "count(*), "
                + totals("killed") + ", " + totals("injured");
        String sql = "select " + select + " from " + from + where.sql()
                + (keys.isEmpty() ? "" : " group by " + String.join(", ", keys) + " order by "
                        + keys.stream().map(k -> k + " asc nulls last").collect(Collectors.joining(", ")));
        return where.apply(em.createNativeQuery(sql)).getResultList();
    }

    /** low and best sum; high is null once an incident with a figure has no high. */
    private static String totals(String measure) {
        return "coalesce(sum(i." + measure + "_low), 0), coalesce(sum(i." + measure + "_best), 0), "
                + "case when sum(case when i." + measure + "_best is not null and i." + measure + "_high is null "
                + "then 1 else 0 end) > 0 then null else coalesce(sum(i." + measure + "_high), 0) end";
    }
}
