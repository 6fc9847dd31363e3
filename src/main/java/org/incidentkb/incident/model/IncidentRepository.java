package org.incidentkb.incident.model;

import org.incidentkb.common.Database;
import org.incidentkb.common.schema.Tables;
import org.jooq.impl.DSL;

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

    private static final int LOCK_CHUNK = 500;
    private static final org.incidentkb.common.schema.tables.Incident INCIDENT = Tables.INCIDENT;

    private final Database database;

    public IncidentRepository(Database database) {
        this.database = database;
    }

    /** The incident that carries the given external reference, if any. */
    public Optional<Incident> findByExternalRef(ExternalRef ref) {
        return find("select i from Incident i join i.externalRefs r where r.dataset = :dataset and r.externalId = :id",
                Parameters.with("dataset", ref.dataset()).and("id", ref.externalId())).firstResultOptional();
    }

    /** Up to {@code limit} ids above {@code after} of incidents that have no stored document, lowest first. */
    public List<Long> withoutDocument(long after, int limit) {
        var d = Tables.INCIDENT_DOCUMENT;
        return database.flushed(sql -> sql.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.ID.gt(after))
                .andNotExists(DSL.selectOne().from(d).where(d.INCIDENT_ID.eq(INCIDENT.ID))).orderBy(INCIDENT.ID)
                .limit(limit).fetch(INCIDENT.ID));
    }

    /**
     * Locks the incidents' rows until the transaction ends, in id order (every writer that locks several does, so
     * none waits on another crosswise), a chunk at a time.
     */
    public void lockInIdOrder(List<Long> ids) {
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            database.flushed(sql -> sql.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.ID.in(chunk))
                    .orderBy(INCIDENT.ID).forUpdate().fetch());
        }
    }

    /**
     * The incidents whose representation shows an actor's name (as a participant, claimant, stater or casualties'
     * affiliation), by id.
     */
    public List<Long> showingActor(long actorId) {
        return database.flushed(sql -> sql.fetch(DSL.select(Tables.INCIDENT_ACTOR.INCIDENT_ID)
                .from(Tables.INCIDENT_ACTOR).where(Tables.INCIDENT_ACTOR.ACTOR_ID.eq(actorId))
                .union(DSL.select(Tables.CLAIM.INCIDENT_ID).from(Tables.CLAIM)
                        .where(Tables.CLAIM.ACTOR_ID.eq(actorId).or(Tables.CLAIM.STATED_BY_ACTOR_ID.eq(actorId))))
                .union(DSL.select(Tables.CASUALTY.INCIDENT_ID).from(Tables.CASUALTY)
                        .where(Tables.CASUALTY.AFFILIATION_ACTOR_ID.eq(actorId))))
                .getValues(0, Long.class)).stream().sorted().toList();
    }

    /** The incidents whose representation shows a source's publisher (cited by it, its claims or casualties), by id. */
    public List<Long> showingSource(long sourceId) {
        return database.flushed(sql -> sql.fetch(DSL.select(Tables.INCIDENT_SOURCE.INCIDENT_ID)
                .from(Tables.INCIDENT_SOURCE).where(Tables.INCIDENT_SOURCE.SOURCE_ID.eq(sourceId))
                .union(DSL.select(Tables.CLAIM.INCIDENT_ID).from(Tables.CLAIM).where(Tables.CLAIM.SOURCE_ID.eq(sourceId)))
                .union(DSL.select(Tables.CASUALTY.INCIDENT_ID).from(Tables.CASUALTY)
                        .where(Tables.CASUALTY.SOURCE_ID.eq(sourceId))))
                .getValues(0, Long.class)).stream().sorted().toList();
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
        var t = Tables.INCIDENT_TOMBSTONE;
        database.flushed(sql -> sql.insertInto(t, t.INCIDENT_ID, t.DELETED_AT).values(incidentId, deletedAt).execute());
    }
}
