package org.incidentkb.incident.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.common.Database;
import org.incidentkb.common.HqlSearch;
import org.incidentkb.common.Like;
import org.incidentkb.common.TextFold;

@ApplicationScoped
public class CasualtyRepository implements PanacheRepository<Casualty> {

    private final Database database;

    public CasualtyRepository(Database database) {
        this.database = database;
    }

    public Optional<Casualty> findInIncident(long incidentId, long casualtyId) {
        return find("id = :id and incident.id = :incident",
                Parameters.with("id", casualtyId).and("incident", incidentId)).firstResultOptional();
    }

    /**
     * Casualty records across incidents, most recent incident first: by category, by text in a named person's
     * name or description (spelling variants folded, as {@code q} on incidents: {@link TextFold}), by the affiliated
     * actor. Empty sets and nulls leave a condition out, as does a text with nothing a search compares (only
     * apostrophes or hyphens, say).
     */
    public HqlSearch<Casualty> search(Set<CasualtyCategory> categories, String text, Set<Long> affiliations) {
        return new HqlSearch<>(Casualty.class, "Casualty c", "join fetch c.incident i", "i.startDate desc, c.id desc")
                .where("c.category in :categories", "categories", categories)
                .where("c.id in (select k.id from Casualty k join k.names n where " + database.foldedHql("n.name")
                        + " like :text escape '!' or " + database.foldedHql("n.description")
                        + " like :text escape '!')", "text", text == null || TextFold.fold(text).isEmpty() ? null
                        : Like.containsFolded(text))
                .where("c.affiliationActor.id in :affiliations", "affiliations", affiliations);
    }
}
