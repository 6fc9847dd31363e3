package org.incidentkb.actor;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.incidentkb.common.Database;
import org.incidentkb.common.schema.Tables;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
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
        return find(database.foldedHql("nameKey") + " like :p escape '!' or id in (select b.id from Actor b join "
                + "b.aliases al where " + database.foldedHql("al.aliasKey") + " like :p escape '!')",
                Sort.by("name").and("id"), Parameters.with("p", Like.containsFolded(text)));
    }

    /** Whether anything refers to the actor: incidents, claims, casualties, members or backed actors. */
    public boolean isReferenced(long actorId) {
        return database.flushed(sql -> sql.fetchValue(DSL.field(referenced(DSL.val(actorId)))));
    }

    /** Deletes those of these actors that nothing refers to ({@link #isReferenced}); returns the ids deleted. */
    public Set<Long> deleteUnreferenced(Collection<Long> ids) {
        org.incidentkb.common.schema.tables.Actor a = Tables.ACTOR.as("a");
        return database.flushed(sql -> {
            Set<Long> gone = new HashSet<>(sql.select(a.ID).from(a).where(a.ID.in(ids)).andNot(referenced(a.ID))
                    .fetch(a.ID));
            if (!gone.isEmpty()) {
                sql.deleteFrom(Tables.ACTOR).where(Tables.ACTOR.ID.in(gone)).execute();
            }
            return gone;
        });
    }

    /** The one rule of an actor in use, for one id or each row's. */
    private static Condition referenced(Field<Long> actor) {
        org.incidentkb.common.schema.tables.Actor member = Tables.ACTOR.as("member");
        return DSL.exists(DSL.selectOne().from(Tables.INCIDENT_ACTOR).where(Tables.INCIDENT_ACTOR.ACTOR_ID.eq(actor)))
                .or(DSL.exists(DSL.selectOne().from(Tables.CLAIM).where(Tables.CLAIM.ACTOR_ID.eq(actor)
                        .or(Tables.CLAIM.STATED_BY_ACTOR_ID.eq(actor)))))
                .or(DSL.exists(DSL.selectOne().from(Tables.CASUALTY)
                        .where(Tables.CASUALTY.AFFILIATION_ACTOR_ID.eq(actor))))
                .or(DSL.exists(DSL.selectOne().from(member).where(member.PARENT_ID.eq(actor))))
                .or(DSL.exists(DSL.selectOne().from(Tables.ACTOR_BACKER).where(Tables.ACTOR_BACKER.BACKER_ID.eq(actor))));
    }

    /** Every actor's names, by id: its name first, then its aliases. */
    public java.util.SortedMap<Long, List<String>> namesById() {
        java.util.SortedMap<Long, List<String>> out = new java.util.TreeMap<>();
        database.read(sql -> {
            sql.select(Tables.ACTOR.ID, Tables.ACTOR.NAME).from(Tables.ACTOR)
                    .forEach(r -> out.put(r.value1(), new java.util.ArrayList<>(List.of(r.value2()))));
            sql.select(Tables.ACTOR_ALIAS.ACTOR_ID, Tables.ACTOR_ALIAS.ALIAS).from(Tables.ACTOR_ALIAS)
                    .forEach(r -> {
                        List<String> names = out.get(r.value1());
                        if (names != null) {
                            names.add(r.value2());
                        }
                    });
            return null;
        });
        return out;
    }

    /** Each stored name and alias (as written) with its actor's id, aliases first, to {@code each}. */
    public void eachNameAndAlias(boolean keys, BiConsumer<String, Long> each) {
        database.read(sql -> {
            sql.select(keys ? Tables.ACTOR_ALIAS.ALIAS_KEY : Tables.ACTOR_ALIAS.ALIAS, Tables.ACTOR_ALIAS.ACTOR_ID)
                    .from(Tables.ACTOR_ALIAS).forEach(r -> each.accept(r.value1(), r.value2()));
            sql.select(keys ? Tables.ACTOR.NAME_KEY : Tables.ACTOR.NAME, Tables.ACTOR.ID).from(Tables.ACTOR)
                    .forEach(r -> each.accept(r.value1(), r.value2()));
            return null;
        });
    }

    /** The next {@code limit} actors by id after {@code id}: a keyset walk through all of them (the backup). */
    public java.util.List<Actor> after(long id, int limit) {
        return find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }
}
