package org.incidentkb.source;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.Like;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    public Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    public List<Source> findByPublisher(String publisher) {
        return find("lower(publisher) = ?1", publisher.trim().toLowerCase(java.util.Locale.ROOT)).page(0, 2).list();
    }

    public PanacheQuery<Source> search(String publisher) {
        Sort sort = Sort.by("publisher").and("id");
        if (publisher == null || publisher.isBlank()) {
            return findAll(sort);
        }
        return find("lower(publisher) like :p escape '!'", sort, Parameters.with("p", Like.contains(publisher)));
    }

    public boolean isReferenced(long sourceId) {
        String sql = "select case when exists (select 1 from incident_source where source_id = :id)"
                + " or exists (select 1 from casualty where source_id = :id)"
                + " or exists (select 1 from claim where source_id = :id) then 1 else 0 end";
        Number hit = (Number) getEntityManager().createNativeQuery(sql).setParameter("id", sourceId).getSingleResult();
        return hit.intValue() == 1;
    }

    /** The next {@code limit} sources by id after {@code id}: a keyset walk through all of them (the backup). */
    public java.util.List<Source> after(long id, int limit) {
        return find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }
}
