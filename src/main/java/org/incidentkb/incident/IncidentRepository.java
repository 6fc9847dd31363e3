package org.incidentkb.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    /** The incident that carries the given external reference, if any. */
    public Optional<Incident> findByExternalRef(ExternalRef ref) {
        return find("select i from Incident i join i.externalRefs r where r.dataset = :dataset and r.externalId = :id",
                Parameters.with("dataset", ref.dataset()).and("id", ref.externalId())).firstResultOptional();
    }
}
