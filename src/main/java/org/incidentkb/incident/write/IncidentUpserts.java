package org.incidentkb.incident.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentsChanged.Change;

/**
 * The one way incidents enter in batches (imports, restores): each row is matched to a stored incident by its uid
 * or external references and updates it (leaving an unchanged one untouched, its casualty records and claims kept
 * where they say the same: {@link ChildMatcher}), or is a new incident, written in bulk ({@link IncidentBulkInsert}).
 * All that the batch changed is then recorded once ({@link IncidentChanges}). Runs in the caller's transaction, which
 * should flush at commit only (the rows are read before any is written).
 */
@ApplicationScoped
public class IncidentUpserts {

    private final EntityManager em;
    private final IncidentRepository incidents;
    private final IncidentMapper mapper;
    private final IncidentChanges changes;
    private final IncidentBulkInsert bulk;
    private final org.incidentkb.common.Database database;

    public IncidentUpserts(EntityManager em, IncidentRepository incidents, IncidentMapper mapper,
            IncidentChanges changes, IncidentBulkInsert bulk, org.incidentkb.common.Database database) {
        this.em = em;
        this.database = database;
        this.incidents = incidents;
        this.mapper = mapper;
        this.changes = changes;
        this.bulk = bulk;
    }

    /**
     * A row to write: its line in the file, its input with references resolved to ids, and the uid of the incident it
     * was exported from (NDJSON of this API; null for datasets).
     */
    public record Upsert(long line, IncidentInput input, String uid) {
    }

    /** What a batch did; each refused row with its line and why. */
    public record Result(long created, long updated, long skipped, List<Refused> refused) {
    }

    public record Refused(long line, String reason) {
    }

    /**
     * Writes the rows; a row the model refuses is reported and left out. {@code strict} also checks each external
     * reference against other incidents (used when a batch is retried row by row).
     */
    public Result upsert(List<Upsert> batch, String author, boolean strict) {
        Map<ExternalRef, Incident> byRef = existing(batch);
        Map<String, Incident> byUid = existingUids(batch);
        preloadReferences(batch);
        long created = 0;
        long updated = 0;
        long skipped = 0;
        List<Refused> errors = new ArrayList<>();
        List<Incident> added = new ArrayList<>();
        Map<Incident, IncidentView> changed = new IdentityHashMap<>();
        for (Upsert row : batch) {
            List<ExternalRef> refs = row.input().orEmpty(row.input().externalRefs());
            List<Incident> matches = Stream.concat(
                    Stream.ofNullable(row.uid() == null ? null : byUid.get(row.uid())),
                    refs.stream().map(byRef::get)).filter(Objects::nonNull).distinct().toList();
            if (matches.size() > 1 && row.uid() != null && byUid.containsKey(row.uid())) {
                errors.add(new Refused(row.line(), "its uid " + row.uid() + " and its external references " + refs
                        + " belong to different incidents " + matches.stream().map(i -> String.valueOf(i.getId()))
                                .collect(Collectors.joining(", "))));
                continue;
            }
            if (matches.size() > 1) {
                errors.add(new Refused(row.line(), "its external references " + refs + " belong to different incidents "
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
                errors.add(new Refused(row.line(), e.getMessage()));
            }
        }
        em.flush();
        List<Change> recorded = new ArrayList<>();
        bulk.insert(added).forEach(view -> recorded.add(new Change(null, view)));
        changed.forEach((incident, before) -> recorded.add(new Change(before, IncidentView.from(incident))));
        changes.record(recorded, author);
        return new Result(created, updated, skipped, errors);
    }

    /**
     * Applies a row to an incident it matched; remembers how a stored incident read before, for the audit trail (one
     * created earlier in the batch is not written yet, and is written as it ends up).
     */
    private boolean apply(Incident incident, Upsert row, boolean strict, Map<Incident, IncidentView> changed) {
        boolean stored = incident.getId() != null;
        boolean first = stored && !changed.containsKey(incident);
        IncidentView before = first ? IncidentView.from(incident) : changed.get(incident);
        IncidentView current = first ? before : IncidentView.from(incident);
        if (first) {
            changes.changing(List.of(incident.getId())); // before the change: a query it runs may flush the row
        }
        if (changes.apply(incident, current, i -> mapper.apply(i, ChildMatcher.withExistingIds(row.input(), i), strict))) {
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
    private void preloadReferences(List<Upsert> batch) {
        Set<Long> actorIds = new java.util.HashSet<>();
        Set<Long> sourceIds = new java.util.HashSet<>();
        for (Upsert p : batch) {
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
    private Map<String, Incident> existingUids(List<Upsert> batch) {
        List<String> uids = batch.stream().map(Upsert::uid).filter(java.util.Objects::nonNull).distinct().toList();
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
    private Map<ExternalRef, Incident> existing(List<Upsert> batch) {
        Set<ExternalRef> wanted = batch.stream().flatMap(p -> p.input().orEmpty(p.input().externalRefs()).stream())
                .collect(Collectors.toSet());
        Map<ExternalRef, Long> refToId = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<String> ids = wanted.stream().map(ExternalRef::externalId).distinct().toList();
            var refs = org.incidentkb.common.schema.Tables.INCIDENT_EXTERNAL_REF;
            for (var r : database.flushed(sql -> sql.select(refs.DATASET, refs.EXTERNAL_ID, refs.INCIDENT_ID)
                    .from(refs).where(refs.EXTERNAL_ID.in(ids)).fetch())) {
                ExternalRef ref = new ExternalRef(r.value1(), r.value2());
                if (wanted.contains(ref)) {
                    refToId.put(ref, r.value3());
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
