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

    /**
     * Whether {@code from} is already, through PART_OF links that are not rejected, a part of {@code to} or of
     * something {@code to} is part of ... i.e. whether a PART_OF link from {@code to} to {@code from} would close a
     * cycle. Walks the wholes upward, one query per level.
     */
    public boolean partOfReaches(long from, long to) {
        java.util.Set<Long> seen = new java.util.HashSet<>(List.of(from));
        List<Long> level = List.of(from);
        while (!level.isEmpty()) {
            List<Long> wholes = getEntityManager().createQuery("select l.toId from Link l where l.relation = :partOf"
                    + " and l.status <> :rejected and l.fromId in :parts", Long.class)
                    .setParameter("partOf", Link.Relation.PART_OF).setParameter("rejected", Link.Status.REJECTED)
                    .setParameter("parts", level).getResultList();
            if (wholes.contains(to)) {
                return true;
            }
            level = wholes.stream().filter(seen::add).toList();
        }
        return false;
    }

    /** The link of a pair with a relation, whichever way round. */
    public Optional<Link> between(long a, long b, Link.Relation relation) {
        return find("lowId = ?1 and highId = ?2 and relation = ?3", Math.min(a, b), Math.max(a, b), relation)
                .firstResultOptional();
    }
}
