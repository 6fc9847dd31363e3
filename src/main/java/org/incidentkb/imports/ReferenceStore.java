package org.incidentkb.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incidentkb.actor.Actor;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorService;
import org.incidentkb.source.SourceApi.SourceInput;
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
    private final SourceService sources;

    public ReferenceStore(EntityManager em, ActorService actors, SourceService sources) {
        this.em = em;
        this.actors = actors;
        this.sources = sources;
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

    public long createActor(Draft.ActorHint hint) {
        return actors.create(new ActorInput(hint.name(), List.of(), hint.kind(), hint.countryCode(), null, null,
                List.of(), List.of(), null)).id();
    }

    public long createSource(SourceInput input) {
        return sources.create(input).id();
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
