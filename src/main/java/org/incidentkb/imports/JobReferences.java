package org.incidentkb.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.common.Names;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * One job's view of the actors and sources: known ones cached for the whole job (no query per row), unknown
 * ones created once. Turns a draft, whose references are names, into input whose references are ids.
 */
final class JobReferences {

    private final ReferenceStore store;
    private final Map<String, Long> actors;
    /** Actor ids by the normalised form of a name, for names not found as written. */
    private final Map<String, Long> matchKeys;
    private final Map<String, Long> sources;
    /** Actors and sources created since {@link #takeCreated()} was last called, by their cache key. */
    private final Map<String, Long> newActors = new HashMap<>();
    private final Map<String, Long> newSources = new HashMap<>();
    /** Ids of a backup file (of the knowledge base it came from) to ids here, from its actor and source lines. */
    private final Map<Long, Long> fileActors = new HashMap<>();
    private final Map<Long, Long> fileSources = new HashMap<>();
    /**
     * Actors a backup line named as parent or backer before their own line came: created as mere names, so their
     * own line, which completes them, counts as their creation.
     */
    private final Set<Long> placeholders = new java.util.HashSet<>();

    /** What resolving one row created: actors and sources that nothing else may use yet. */
    record Created(Map<String, Long> actors, Map<String, Long> sources) {

        boolean isEmpty() {
            return actors.isEmpty() && sources.isEmpty();
        }
    }

    JobReferences(ReferenceStore store) {
        this.store = store;
        this.actors = store.actorKeys();
        this.matchKeys = store.actorMatchKeys();
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

    /**
     * Writes an actor line of a backup (created, updated, or found as it is) and remembers its id in the file; a
     * line that cannot be written is a row error.
     */
    ImportRun.Counts actorLine(RowReader.ActorLine line, List<RowError> errors) {
        try {
            ReferenceStore.Upserted done = store.upsertActor(line.actor());
            placeholders.addAll(done.placeholders());
            actors.put(ReferenceStore.actorKey(line.actor().name()), done.id());
            line.actor().aliasesOrEmpty().forEach(alias -> actors.putIfAbsent(ReferenceStore.actorKey(alias), done.id()));
            if (line.fileId() != null) {
                fileActors.put(line.fileId(), done.id());
            }
            return placeholders.remove(done.id()) ? new ImportRun.Counts(1, 0, 0) : counts(done.outcome());
        } catch (RuntimeException e) {
            errors.add(new RowError(line.line(), referenceError(e)));
            return ImportRun.Counts.NONE;
        }
    }

    /** Writes a source line of a backup, as {@link #actorLine} does an actor line. */
    ImportRun.Counts sourceLine(RowReader.SourceLine line, List<RowError> errors) {
        try {
            ReferenceStore.Upserted done = store.upsertSource(line.source());
            SourceInput s = line.source();
            if (s.url() != null) {
                sources.put(ReferenceStore.urlKey(s.url()), done.id());
            }
            sources.putIfAbsent(ReferenceStore.sourceKey(s.publisher(), s.title()), done.id());
            sources.putIfAbsent(ReferenceStore.publisherKey(s.publisher()), done.id());
            sources.put(ReferenceStore.idKey(done.id(), s.publisher()), done.id());
            if (line.fileId() != null) {
                fileSources.put(line.fileId(), done.id());
            }
            return counts(done.outcome());
        } catch (RuntimeException e) {
            errors.add(new RowError(line.line(), referenceError(e)));
            return ImportRun.Counts.NONE;
        }
    }

    private static ImportRun.Counts counts(ReferenceStore.Outcome outcome) {
        return switch (outcome) {
            case CREATED -> new ImportRun.Counts(1, 0, 0);
            case UPDATED -> new ImportRun.Counts(0, 1, 0);
            case UNCHANGED -> new ImportRun.Counts(0, 0, 1);
        };
    }

    /** What to tell about a line the services refused: their problem's words; anything else in general terms. */
    private static String referenceError(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof org.incidentkb.common.ProblemException)) {
            cause = cause.getCause();
        }
        return cause != null ? cause.getMessage() : "could not be stored: it conflicts with data already in the "
                + "knowledge base";
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
        Set<Long> removedActors = store.deleteUnreferencedActors(actorIds);
        Set<Long> removedSources = store.deleteUnreferencedSources(sourceIds);
        actors.values().removeIf(removedActors::contains);
        sources.values().removeIf(removedSources::contains);
    }

    /**
     * An actor of this file's backup lines by the id it had there; else by name (or alias) when named, so files
     * move between knowledge bases; else by id as given.
     */
    private Ref actor(Ref ref, Map<String, Draft.ActorHint> hints) {
        if (ref != null && ref.id() != null && fileActors.containsKey(ref.id())) {
            return Ref.of(fileActors.get(ref.id()), null);
        }
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return ref;
        }
        String key = ReferenceStore.actorKey(ref.name());
        Long id = actors.get(key);
        if (id == null) {
            id = matchKeys.get(Names.matchKey(ref.name()));
        }
        if (id == null) {
            Draft.ActorHint hint = hints.getOrDefault(key, new Draft.ActorHint(ref.name().trim(), ActorKind.OTHER, null));
            id = store.createActor(hint);
            actors.put(key, id);
            matchKeys.putIfAbsent(Names.matchKey(ref.name()), id);
            newActors.put(key, id);
        }
        return Ref.of(id, null);
    }

    private Party party(Party party, Map<String, Draft.ActorHint> hints) {
        return party == null ? null : new Party(actor(party.actor(), hints), party.text());
    }

    /**
     * A source of this file's backup lines by the id it had there; else by id when that id names a source of the
     * same publisher here (a list exported from this knowledge base); else by its publisher (a single report of
     * it, or a new one); else by id as given.
     */
    private Ref source(Ref ref) {
        if (ref != null && ref.id() != null && fileSources.containsKey(ref.id())) {
            return Ref.of(fileSources.get(ref.id()), null);
        }
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return ref;
        }
        if (ref.id() != null && sources.containsKey(ReferenceStore.idKey(ref.id(), ref.name()))) {
            return Ref.of(ref.id(), null);
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
