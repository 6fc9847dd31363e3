package org.incidentkb.link;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LinkRepository implements PanacheRepository<Link> {

    /** An incident's links, both ways, by relation and id. */
    public List<Link> of(long incidentId) {
        return list("lowId = ?1 or highId = ?1 order by relation, id", incidentId);
    }

    /** The link of a pair with a relation, whichever way round. */
    public Optional<Link> between(long a, long b, Link.Relation relation) {
        return find("lowId = ?1 and highId = ?2 and relation = ?3", Math.min(a, b), Math.max(a, b), relation)
                .firstResultOptional();
    }
}
