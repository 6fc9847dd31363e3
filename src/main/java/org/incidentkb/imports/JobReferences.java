package org.incidentkb.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.IncidentApi.CasualtyInput;
import org.incidentkb.incident.IncidentApi.ClaimInput;
import org.incidentkb.incident.IncidentApi.IncidentActor;
import org.incidentkb.incident.IncidentApi.IncidentInput;
import org.incidentkb.incident.IncidentApi.Party;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * One job's view of the actors and sources: known ones cached for the whole job (no query per row), unknown
 * ones created once. Turns a draft, whose references are names, into input whose references are ids.
 */
final class JobReferences {

    private final ReferenceStore store;
    private final Map<String, Long> actors;
    private final Map<String, Long> sources;
    /** Actors and sources created since {@link #takeCreated()} was last called, by their cache key. */
    private final Map<String, Long> newActors = new HashMap<>();
    private final Map<String, Long> newSources = new HashMap<>();

    /** What resolving one row created: actors and sources that nothing else may use yet. */
    record Created(Map<String, Long> actors, Map<String, Long> sources) {

        boolean isEmpty() {
            return actors.isEmpty() && sources.isEmpty();
        }
    }

    JobReferences(ReferenceStore store) {
        this.store = store;
        this.actors = store.actorKeys();
        this.sources = store.sourceKeys();
    }

    /** The draft's incident with every named reference replaced by an id; child record ids dropped. */
    IncidentInput resolve(Draft draft) {
        Map<String, Draft.ActorHint> hints = new HashMap<>();
        draft.actors().forEach(h -> hints.putIfAbsent(ReferenceStore.actorKey(h.name()), h));
        IncidentInput in = draft.incident();

        List<IncidentActor> participants = in.actors() == null ? null : in.actors().stream()
                .map(a -> a == null ? null : new IncidentActor(actor(a.actor(), hints), a.role(), a.confidence())).toList();
        List<CasualtyInput> casualties = in.casualties() == null ? null : in.casualties().stream()
                .map(c -> c == null ? null : new CasualtyInput(null, c.category(), party(c.affiliation(), hints),
                        c.killed(), c.injured(), c.missing(), c.names(), source(c.source()), null)).toList();
        List<ClaimInput> claims = in.claims() == null ? null : in.claims().stream()
                .map(c -> c == null ? null : new ClaimInput(null, actor(c.actor(), hints), c.stance(),
                        party(c.statedBy(), hints), c.statedOn(), c.channel(), c.quote(), c.credibility(),
                        source(c.source()), null)).toList();
        Set<Ref> cited = new LinkedHashSet<>();
        if (in.sources() != null) {
            in.sources().forEach(s -> cited.add(source(s)));
        }
        for (SourceInput s : draft.sources()) {
            cited.add(Ref.of(sourceId(s), null));
        }
        return new IncidentInput(in.title(), in.summary(), in.category(), in.type(), in.startDate(), in.endDate(),
                in.datePrecision(), in.location(), participants, casualties, claims, new ArrayList<>(cited), in.tags(),
                in.externalRefs(), null);
    }

    /** The actors and sources created since the last call. */
    Created takeCreated() {
        Created created = new Created(Map.copyOf(newActors), Map.copyOf(newSources));
        newActors.clear();
        newSources.clear();
        return created;
    }

    /**
     * Removes what rows that then failed had created, unless a row that was written uses it: a failed row leaves
     * nothing behind.
     */
    void undo(List<Created> created) {
        Set<Long> actorIds = new java.util.HashSet<>();
        Set<Long> sourceIds = new java.util.HashSet<>();
        created.forEach(c -> {
            actorIds.addAll(c.actors().values());
            sourceIds.addAll(c.sources().values());
        });
        if (actorIds.isEmpty() && sourceIds.isEmpty()) {
            return;
        }
        Set<Long> removedActors = store.deleteUnusedActors(actorIds);
        Set<Long> removedSources = store.deleteUnusedSources(sourceIds);
        actors.values().removeIf(removedActors::contains);
        sources.values().removeIf(removedSources::contains);
    }

    /** By name (or alias) when named, so files move between knowledge bases; else by id as given. */
    private Ref actor(Ref ref, Map<String, Draft.ActorHint> hints) {
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return ref;
        }
        String key = ReferenceStore.actorKey(ref.name());
        Long id = actors.get(key);
        if (id == null) {
            Draft.ActorHint hint = hints.getOrDefault(key, new Draft.ActorHint(ref.name().trim(), ActorKind.OTHER, null));
            id = store.createActor(hint);
            actors.put(key, id);
            newActors.put(key, id);
        }
        return Ref.of(id, null);
    }

    private Party party(Party party, Map<String, Draft.ActorHint> hints) {
        return party == null ? null : new Party(actor(party.actor(), hints), party.text());
    }

    /** A source named by its publisher (a single report of it, or a new one), or by id as given. */
    private Ref source(Ref ref) {
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return ref;
        }
        String key = ReferenceStore.publisherKey(ref.name());
        Long id = sources.get(key);
        if (id == null) {
            id = sourceId(new SourceInput(ref.name().trim(), null, null, null, null, null));
        }
        return Ref.of(id, null);
    }

    private long sourceId(SourceInput s) {
        String key = s.url() != null ? ReferenceStore.urlKey(s.url()) : ReferenceStore.sourceKey(s.publisher(), s.title());
        Long id = sources.get(key);
        if (id == null) {
            id = store.createSource(s);
            sources.put(key, id);
            newSources.put(key, id);
            sources.putIfAbsent(ReferenceStore.sourceKey(s.publisher(), s.title()), id);
            sources.putIfAbsent(ReferenceStore.publisherKey(s.publisher()), id);
        }
        return id;
    }
}
