package org.incidentkb.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.IncidentService;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentHistory;
import org.incidentkb.incident.write.IncidentMapper;

/**
 * Writes a batch of imported incidents in one transaction: looks up in one query which of them exist (by
 * external reference), updates those (leaving unchanged ones untouched) and inserts the rest in bulk
 * ({@link org.incidentkb.incident.write.IncidentBulkInsert}: COPY on PostgreSQL). Either the whole batch is written or
 * none of it, so no incident is ever half written.
 */
@ApplicationScoped
public class ImportWriter {

    private final EntityManager em;
    private final IncidentRepository incidents;
    private final IncidentService service;
    private final IncidentMapper mapper;
    private final IncidentHistory history;

    public ImportWriter(EntityManager em, IncidentRepository incidents, IncidentService service, IncidentMapper mapper,
            IncidentHistory history) {
        this.em = em;
        this.history = history;
        this.incidents = incidents;
        this.service = service;
        this.mapper = mapper;
    }

    /**
     * A row ready to write: its line in the file, its input with references resolved to ids, and the uid of the
     * incident it was exported from (NDJSON of this API; null for datasets).
     */
    record Prepared(long line, IncidentInput input, String author, String uid) {
    }

    /** What a batch did. */
    record Outcome(long created, long updated, long skipped, List<RowError> errors) {
    }

    /**
     * Writes the rows; a row the model refuses is reported and left out. {@code strict} also checks each
     * external reference against other incidents (used when a batch is retried row by row).
     *
     * @throws RuntimeException when the database refuses the batch; nothing of it is then written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome write(List<Prepared> batch, boolean strict) {
        em.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
        Map<ExternalRef, Incident> byRef = existing(batch);
        Map<String, Incident> byUid = existingUids(batch);
        preloadReferences(batch);
        long created = 0;
        long updated = 0;
        long skipped = 0;
        List<RowError> errors = new ArrayList<>();
        List<Incident> added = new ArrayList<>();
        Map<Incident, IncidentView> changed = new java.util.IdentityHashMap<>();
        for (Prepared row : batch) {
            List<ExternalRef> refs = row.input().orEmpty(row.input().externalRefs());
            List<Incident> matches = java.util.stream.Stream.concat(
                    java.util.stream.Stream.ofNullable(row.uid() == null ? null : byUid.get(row.uid())),
                    refs.stream().map(byRef::get)).filter(java.util.Objects::nonNull).distinct().toList();
            if (matches.size() > 1 && row.uid() != null && byUid.containsKey(row.uid())) {
                errors.add(new RowError(row.line(), "its uid " + row.uid() + " and its external references " + refs
                        + " belong to different incidents " + matches.stream().map(i -> String.valueOf(i.getId()))
                                .collect(Collectors.joining(", "))));
                continue;
            }
            if (matches.size() > 1) {
                errors.add(new RowError(row.line(), "its external references " + refs + " belong to different incidents "
                        + matches.stream().map(i -> String.valueOf(i.getId())).collect(Collectors.joining(", "))));
                continue;
            }
            Incident incident = matches.isEmpty() ? null : matches.get(0);
            try {
                if (incident == null) {
                    incident = new Incident();
                    incident.setUid(row.uid());
                    mapper.apply(incident, row.input(), strict);
                    added.add(incident);
                    created++;
                } else if (apply(incident, row, strict, changed)) {
                    updated++;
                } else {
                    skipped++;
                }
                for (ExternalRef ref : refs) {
                    byRef.put(ref, incident);
                }
                if (row.uid() != null) {
                    byUid.put(row.uid(), incident);
                }
            } catch (ProblemException e) {
                Incident failed = incident;
                if (failed != null && (added.contains(failed) || em.contains(failed))) {
                    if (em.contains(failed)) {
                        em.detach(failed); // its half-applied changes must not be flushed
                    }
                    byRef.values().removeIf(i -> i == failed);
                    byUid.values().removeIf(i -> i == failed);
                    added.remove(failed);
                    changed.remove(failed);
                }
                errors.add(new RowError(row.line(), e.getMessage()));
            }
        }
        em.flush();
        String author = batch.get(0).author();
        history.imported(added, changed, author);
        return new Outcome(created, updated, skipped, errors);
    }

    /**
     * Applies a row to an incident it matched; remembers how a stored incident read before, for the audit trail (one
     * created earlier in the batch is not written yet, and is written as it ends up).
     */
    private boolean apply(Incident incident, Prepared row, boolean strict, Map<Incident, IncidentView> changed) {
        boolean stored = incident.getId() != null;
        IncidentView before = !stored || changed.containsKey(incident) ? changed.get(incident) : IncidentView.from(incident);
        if (service.apply(incident, ChildMatcher.withExistingIds(row.input(), incident), strict)) {
            if (stored) {
                changed.putIfAbsent(incident, before);
            }
            return true;
        }
        return false;
    }

    /**
     * Loads every actor and source the batch refers to (by id: the job resolved them) in two queries, so mapping the
     * rows finds them in the session instead of selecting them one by one.
     */
    private void preloadReferences(List<Prepared> batch) {
        Set<Long> actorIds = new java.util.HashSet<>();
        Set<Long> sourceIds = new java.util.HashSet<>();
        for (Prepared p : batch) {
            IncidentInput in = p.input();
            in.orEmpty(in.actors()).forEach(a -> add(actorIds, a.actor()));
            in.orEmpty(in.sources()).forEach(s -> add(sourceIds, s));
            in.orEmpty(in.casualties()).forEach(c -> {
                add(actorIds, c.affiliation() == null ? null : c.affiliation().actor());
                add(sourceIds, c.source());
            });
            in.orEmpty(in.claims()).forEach(c -> {
                add(actorIds, c.actor());
                add(actorIds, c.statedBy() == null ? null : c.statedBy().actor());
                add(sourceIds, c.source());
            });
        }
        if (!actorIds.isEmpty()) {
            em.createQuery("select a from Actor a where a.id in :ids", org.incidentkb.actor.Actor.class)
                    .setParameter("ids", actorIds).getResultList();
        }
        if (!sourceIds.isEmpty()) {
            em.createQuery("select s from Source s where s.id in :ids", org.incidentkb.source.Source.class)
                    .setParameter("ids", sourceIds).getResultList();
        }
    }

    private static void add(Set<Long> ids, org.incidentkb.common.Ref ref) {
        if (ref != null && ref.id() != null) {
            ids.add(ref.id());
        }
    }

    /** The incidents that already have one of the batch's uids (rows exported from this API), in one query. */
    private Map<String, Incident> existingUids(List<Prepared> batch) {
        List<String> uids = batch.stream().map(Prepared::uid).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Incident> out = new HashMap<>();
        if (!uids.isEmpty()) {
            em.createQuery("select i from Incident i where i.uid in :uids", Incident.class).setParameter("uids", uids)
                    .getResultList().forEach(i -> out.put(i.getUid(), i));
        }
        return out;
    }

    /**
     * The incidents that already hold one of the batch's external references, in one query: by external id alone,
     * which the index leads with (a condition on the dataset too makes H2 scan the dataset's rows), the dataset
     * then checked here.
     */
    @SuppressWarnings("unchecked")
    private Map<ExternalRef, Incident> existing(List<Prepared> batch) {
        Set<ExternalRef> wanted = batch.stream().flatMap(p -> p.input().orEmpty(p.input().externalRefs()).stream())
                .collect(Collectors.toSet());
        Map<ExternalRef, Long> refToId = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<String> ids = wanted.stream().map(ExternalRef::externalId).distinct().toList();
            List<Object[]> rows = em.createNativeQuery("select dataset, external_id, incident_id "
                    + "from incident_external_ref where external_id in (:ids)").setParameter("ids", ids).getResultList();
            for (Object[] r : rows) {
                ExternalRef ref = new ExternalRef((String) r[0], (String) r[1]);
                if (wanted.contains(ref)) {
                    refToId.put(ref, ((Number) r[2]).longValue());
                }
            }
        }
        Map<Long, Incident> loaded = incidents.load(refToId.values().stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Incident::getId, i -> i));
        Map<ExternalRef, Incident> out = new HashMap<>();
        refToId.forEach((ref, id) -> out.put(ref, loaded.get(id)));
        return out;
    }
}
