package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.common.Like;

@ApplicationScoped
public class CasualtyRepository implements PanacheRepository<Casualty> {

    public Optional<Casualty> findInIncident(long incidentId, long casualtyId) {
        return find("id = :id and incident.id = :incident",
                Parameters.with("id", casualtyId).and("incident", incidentId)).firstResultOptional();
    }

    /**
     * Casualty records across incidents, most recent incident first: by category, by text in a named person's
     * name or description, by the affiliated actor. Empty sets and nulls leave a condition out.
     */
    public PanacheQuery<Casualty> search(Set<CasualtyCategory> categories, String text, Set<Long> affiliations) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!categories.isEmpty()) {
            where.add("c.category in :categories");
            params.and("categories", categories);
        }
        if (text != null) {
            where.add("c.id in (select k.id from Casualty k join k.names n where lower(n.name) like :text escape '!'"
                    + " or lower(n.description) like :text escape '!')");
            params.and("text", Like.contains(text));
        }
        if (!affiliations.isEmpty()) {
            where.add("c.affiliationActor.id in :affiliations");
            params.and("affiliations", affiliations);
        }
        return find("from Casualty c join fetch c.incident i" + (where.isEmpty() ? "" : " where "
                + String.join(" and ", where)) + " order by i.startDate desc, c.id desc", params);
    }
}
