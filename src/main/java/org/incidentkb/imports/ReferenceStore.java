package org.incidentkb.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.incidentkb.actor.Actor;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorRepository;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.ProblemException;
import org.incidentkb.source.Source;
import org.incidentkb.source.SourceApi.SourceInput;
import org.incidentkb.source.SourceRepository;
import org.incidentkb.source.SourceService;

/**
 * The actors and sources an import refers to: all known ones loaded once per job (by name and alias, by URL and
 * by publisher and title), and the new ones created through the same services as the API, each in its own
 * transaction, so a later failure of the rows that use them does not undo them.
 */
@ApplicationScoped
public class ReferenceStore {

    private final EntityManager em;
    private final ActorService actors;
    private final ActorRepository actorRepository;
    private final SourceService sources;
    private final SourceRepository sourceRepository;
    private final Validator validator;

    public ReferenceStore(EntityManager em, ActorService actors, ActorRepository actorRepository, SourceService sources,
            SourceRepository sourceRepository, Validator validator) {
        this.em = em;
        this.actors = actors;
        this.actorRepository = actorRepository;
        this.sourceRepository = sourceRepository;
        this.sources = sources;
        this.validator = validator;
    }

    /** Actor ids by lower-cased name and alias; a name wins over another actor's alias. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Long> actorKeys() {
        Map<String, Long> keys = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select alias_key, actor_id from actor_alias")
                .getResultList()) {
            keys.put((String) row[0], ((Number) row[1]).longValue());
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select name_key, id from actor").getResultList()) {
            keys.put((String) row[0], ((Number) row[1]).longValue());
        }
        return keys;
    }

    /** Source ids by URL and by publisher and title. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Long> sourceKeys() {
        Map<String, Long> keys = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, publisher, url, title from source order by id")
                .getResultList()) {
            long id = ((Number) row[0]).longValue();
            if (row[2] != null) {
                keys.putIfAbsent(urlKey((String) row[2]), id);
            }
            keys.putIfAbsent(sourceKey((String) row[1], (String) row[3]), id);
            keys.putIfAbsent(publisherKey((String) row[1]), id);
        }
        return keys;
    }

    /**
     * Creates an actor a row names; a name the model refuses (too long, blank) fails that row only. When the name
     * was taken since the job started (another import, the API), the actor holding it is used.
     */
    public long createActor(Draft.ActorHint hint) {
        ActorInput input = new ActorInput(hint.name(), List.of(), hint.kind(), hint.countryCode(), null, null,
                List.of(), List.of(), null);
        requireValid("actor '" + Columns.clip(hint.name(), 60) + "'", validator.validate(input));
        try {
            return actors.create(input).id();
        } catch (RuntimeException taken) {
            return named(hint.name()).orElseThrow(() -> taken);
        }
    }

    /** The actor with this name (ignoring case), if there is one. */
    @Transactional
    Optional<Long> named(String name) {
        return actorRepository.findByName(name).map(Actor::getId);
    }

    /**
     * Creates a source a row cites; one the model refuses fails that row only. When its URL was taken since the job
     * started, the source holding it is used.
     */
    public long createSource(SourceInput input) {
        requireValid("source '" + Columns.clip(input.publisher(), 60) + "'", validator.validate(input));
        try {
            return sources.create(input).id();
        } catch (RuntimeException taken) {
            Optional<Long> holder = input.url() == null ? Optional.empty() : atUrl(input.url());
            return holder.orElseThrow(() -> taken);
        }
    }

    /** The source with this URL, if there is one. */
    @Transactional
    Optional<Long> atUrl(String url) {
        return sourceRepository.findByUrl(url).map(Source::getId);
    }

    /** Deletes those of the actors that nothing refers to; returns the ids deleted. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<Long> deleteUnusedActors(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> unused = em.createNativeQuery("select a.id from actor a where a.id in (:ids)"
                + " and not exists (select 1 from incident_actor x where x.actor_id = a.id)"
                + " and not exists (select 1 from casualty x where x.affiliation_actor_id = a.id)"
                + " and not exists (select 1 from claim x where x.actor_id = a.id or x.stated_by_actor_id = a.id)"
                + " and not exists (select 1 from actor x where x.parent_id = a.id)"
                + " and not exists (select 1 from actor_backer x where x.backer_id = a.id)")
                .setParameter("ids", ids).getResultList();
        Set<Long> gone = unused.stream().map(Number::longValue).collect(Collectors.toSet());
        if (!gone.isEmpty()) {
            em.createNativeQuery("delete from actor where id in (:ids)").setParameter("ids", gone).executeUpdate();
        }
        return gone;
    }

    /** Deletes those of the sources that nothing cites; returns the ids deleted. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<Long> deleteUnusedSources(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> unused = em.createNativeQuery("select s.id from source s where s.id in (:ids)"
                + " and not exists (select 1 from incident_source x where x.source_id = s.id)"
                + " and not exists (select 1 from casualty x where x.source_id = s.id)"
                + " and not exists (select 1 from claim x where x.source_id = s.id)")
                .setParameter("ids", ids).getResultList();
        Set<Long> gone = unused.stream().map(Number::longValue).collect(Collectors.toSet());
        if (!gone.isEmpty()) {
            em.createNativeQuery("delete from source where id in (:ids)").setParameter("ids", gone).executeUpdate();
        }
        return gone;
    }

    private static void requireValid(String what, Set<? extends ConstraintViolation<?>> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("cannot create " + what + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
    }

    static String actorKey(String name) {
        return Actor.key(name);
    }

    static String urlKey(String url) {
        return "url " + url.trim();
    }

    static String publisherKey(String publisher) {
        return "publisher " + publisher.trim().toLowerCase(Locale.ROOT);
    }

    static String sourceKey(String publisher, String title) {
        return publisher.trim().toLowerCase(Locale.ROOT) + "\u0000" + (title == null ? "" : title.trim().toLowerCase(Locale.ROOT));
    }
}
