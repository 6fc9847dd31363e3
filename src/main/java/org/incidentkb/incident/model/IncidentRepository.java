package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents as entities: loading and writing aggregates. The read queries that select incidents by a filter are
 * {@code query.IncidentQueries}; they return ids, and the page's aggregates are then loaded here by id with their
 * collections batch-fetched, so a page costs the same few statements whatever its size.
 */
@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    /** The incident that carries the given external reference, if any. */
    public Optional<Incident> findByExternalRef(ExternalRef ref) {
        return find("select i from Incident i join i.externalRefs r where r.dataset = :dataset and r.externalId = :id",
                Parameters.with("dataset", ref.dataset()).and("id", ref.externalId())).firstResultOptional();
    }

    /** Up to {@code limit} ids above {@code after} of incidents that have no stored document, lowest first. */
    @SuppressWarnings("unchecked")
    public List<Long> withoutDocument(long after, int limit) {
        return ((List<Number>) getEntityManager().createNativeQuery("select i.id from incident i where i.id > :after "
                + "and not exists (select 1 from incident_document d where d.incident_id = i.id) order by i.id")
                .setParameter("after", after).setMaxResults(limit).getResultList()).stream().map(Number::longValue)
                .toList();
    }

    /** The incidents with these ids, in the order of the ids, with category and type joined. */
    public List<Incident> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return getEntityManager().createQuery("select i from Incident i join fetch i.category left join fetch i.type "
                + "where i.id in :ids", Incident.class).setParameter("ids", ids).getResultList().stream()
                .sorted(Comparator.comparing(i -> position.get(i.getId()))).toList();
    }

    public void addTombstone(long incidentId, Instant deletedAt) {
        getEntityManager().createNativeQuery("insert into incident_tombstone (incident_id, deleted_at) values (:id, :at)")
                .setParameter("id", incidentId).setParameter("at", deletedAt).executeUpdate();
    }
}
