package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ClaimRepository implements PanacheRepository<Claim> {

    public Optional<Claim> findInIncident(long incidentId, long claimId) {
        return find("id = :id and incident.id = :incident",
                Parameters.with("id", claimId).and("incident", incidentId)).firstResultOptional();
    }
}
