package org.incidentkb.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CasualtyRepository implements PanacheRepository<Casualty> {

    public Optional<Casualty> findInIncident(long incidentId, long casualtyId) {
        return find("id = :id and incident.id = :incident",
                Parameters.with("id", casualtyId).and("incident", incidentId)).firstResultOptional();
    }
}
