package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.common.HqlSearch;

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
    public HqlSearch<Claim> search(Set<Long> actors, Set<Stance> stances, Set<Channel> channels,
            Set<Credibility> credibilities, LocalDate from, LocalDate to) {
        return new HqlSearch<>(Claim.class, "Claim c", "", "c.statedOn desc nulls last, c.id desc")
                .where("c.actor.id in :actors", "actors", actors)
                .where("c.stance in :stances", "stances", stances)
                .where("c.channel in :channels", "channels", channels)
                .where("c.credibility in :credibilities", "credibilities", credibilities)
                .where("c.statedOn >= :from", "from", from)
                .where("c.statedOn <= :to", "to", to);
    }
}
