package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class ClaimRepository implements PanacheRepository<Claim> {

    public Optional<Claim> findInIncident(long incidentId, long claimId) {
        return find("id = :id and incident.id = :incident",
                Parameters.with("id", claimId).and("incident", incidentId)).firstResultOptional();
    }

    /**
     * Claims across incidents, newest statement first (undated ones last). Empty sets and nulls leave a
     * condition out; values within a set are alternatives.
     */
    public PanacheQuery<Claim> search(Set<Long> actors, Set<Stance> stances, Set<Channel> channels,
            Set<Credibility> credibilities, LocalDate from, LocalDate to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!actors.isEmpty()) {
            where.add("c.actor.id in :actors");
            params.and("actors", actors);
        }
        if (!stances.isEmpty()) {
            where.add("c.stance in :stances");
            params.and("stances", stances);
        }
        if (!channels.isEmpty()) {
            where.add("c.channel in :channels");
            params.and("channels", channels);
        }
        if (!credibilities.isEmpty()) {
            where.add("c.credibility in :credibilities");
            params.and("credibilities", credibilities);
        }
        if (from != null) {
            where.add("c.statedOn >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("c.statedOn <= :to");
            params.and("to", to);
        }
        return find("from Claim c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.statedOn desc nulls last, c.id desc", params);
    }
}
