package org.incidentkb.actor;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.Database;
import org.incidentkb.common.Like;
import org.incidentkb.common.TextFold;

@ApplicationScoped
public class ActorRepository implements PanacheRepository<Actor> {

    private final Database database;

    public ActorRepository(Database database) {
        this.database = database;
    }

    private static final String BY_NAME_OR_ALIAS = "from Actor a where a.nameKey = :key or a.id in "
            + "(select b.id from Actor b join b.aliases al where al.aliasKey = :key) "
            + "order by case when a.nameKey = :key then 0 else 1 end, a.id";

    public Optional<Actor> findByName(String name) {
        return find("nameKey", Actor.key(name)).firstResultOptional();
    }

    /** Actors whose name or one of whose aliases equals {@code name}, ignoring case; exact names first. */
    public List<Actor> findByNameOrAlias(String name) {
        return find("select a " + BY_NAME_OR_ALIAS, Parameters.with("key", Actor.key(name))).list();
    }

    /**
     * The ids of {@link #findByNameOrAlias}, in its order, read as values: a list filtered by an actor's name resolves
     * it on every request, and loading the actors as entities cost more than the statement.
     */
    public List<Long> idsByNameOrAlias(String name) {
        return getEntityManager().createQuery("select a.id " + BY_NAME_OR_ALIAS, Long.class)
                .setParameter("key", Actor.key(name)).getResultList();
    }

    /** Whether an actor has this id, read without loading it. */
    public boolean exists(long id) {
        return !getEntityManager().createQuery("select a.id from Actor a where a.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    /**
     * Actors whose name or an alias contains {@code text}, ignoring case, with spelling variants folded as text search
     * folds them ({@link TextFold}); all actors when it is null or nothing of it is compared.
     */
    public PanacheQuery<Actor> search(String text) {
        if (text == null || TextFold.fold(text).isEmpty()) {
            return findAll(Sort.by("name").and("id"));
        }
        boolean postgres = database.isPostgres();
        return find(TextFold.hql("nameKey", postgres) + " like :p escape '!' or id in (select b.id from Actor b join "
                + "b.aliases al where " + TextFold.hql("al.aliasKey", postgres) + " like :p escape '!')",
                Sort.by("name").and("id"), Parameters.with("p", Like.containsFolded(text)));
    }

    /** Whether anything refers to the actor: incidents, claims, casualties, members or backed actors. */
    public boolean isReferenced(long actorId) {
        var em = getEntityManager();
        String sql = "select case when exists (select 1 from incident_actor where actor_id = :id)"
                + " or exists (select 1 from claim where actor_id = :id or stated_by_actor_id = :id)"
                + " or exists (select 1 from casualty where affiliation_actor_id = :id)"
                + " or exists (select 1 from actor where parent_id = :id)"
                + " or exists (select 1 from actor_backer where backer_id = :id) then 1 else 0 end";
        Number hit = (Number) em.createNativeQuery(sql).setParameter("id", actorId).getSingleResult();
        return hit.intValue() == 1;
    }

    /** The next {@code limit} actors by id after {@code id}: a keyset walk through all of them (the backup). */
    public java.util.List<Actor> after(long id, int limit) {
        return find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }
}
