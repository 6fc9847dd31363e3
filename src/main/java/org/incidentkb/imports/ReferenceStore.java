package org.incidentkb.imports;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.incidentkb.common.Names;
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

    private final ActorService actors;
    private final ActorRepository actorRepository;
    private final SourceService sources;
    private final SourceRepository sourceRepository;
    private final Validator validator;

    public ReferenceStore(ActorService actors, ActorRepository actorRepository, SourceService sources,
            SourceRepository sourceRepository, Validator validator) {
        this.actors = actors;
        this.actorRepository = actorRepository;
        this.sourceRepository = sourceRepository;
        this.sources = sources;
        this.validator = validator;
    }

    /** Actor ids by lower-cased name and alias; a name wins over another actor's alias. */
    @Transactional
    public Map<String, Long> actorKeys() {
        Map<String, Long> keys = new HashMap<>();
        actorRepository.eachNameAndAlias(true, keys::put);
        return keys;
    }

    /**
     * Actor ids by the normalised form of their names and aliases ({@link Names#matchKey}), for names an import does
     * not find as written; a form two actors share names neither (the import then makes a new actor, which the
     * duplicate finder will show).
     */
    @Transactional
    public Map<String, Long> actorMatchKeys() {
        Map<String, Long> keys = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        actorRepository.eachNameAndAlias(false, (name, id) -> {
            String key = Names.matchKey(name);
            Long known = keys.putIfAbsent(key, id);
            if (known != null && !known.equals(id)) {
                ambiguous.add(key);
            }
        });
        keys.keySet().removeAll(ambiguous);
        keys.remove(null);
        return keys;
    }

    /** Source ids by URL, by publisher and title, by publisher, and by id with publisher ({@link #idKey}). */
    @Transactional
    public Map<String, Long> sourceKeys() {
        Map<String, Long> keys = new HashMap<>();
        sourceRepository.eachSource(row -> {
            long id = row.value1();
            if (row.value3() != null) {
                keys.putIfAbsent(urlKey(row.value3()), id);
            }
            keys.putIfAbsent(sourceKey(row.value2(), row.value4()), id);
            keys.putIfAbsent(publisherKey(row.value2()), id);
            keys.put(idKey(id, row.value2()), id);
        });
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

    /** What writing an actor or source line of a backup did. */
    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** The actor or source a line wrote, and the actors it had to create as mere names (parents, backers). */
    record Upserted(long id, Outcome outcome, Set<Long> placeholders) {

        Upserted(long id, Outcome outcome) {
            this(id, outcome, Set.of());
        }
    }

    /**
     * Writes an actor of a backup file (GET /export): the actor of that name is created, or updated to read as the
     * file has it, or left alone when it already does. Its parent and backers are named by the file with ids of
     * the knowledge base it came from, so they are found here by name (and created, to be completed by their own
     * lines, when missing).
     */
    public Upserted upsertActor(ActorInput line) {
        requireValid("actor '" + Columns.clip(line.name(), 60) + "'", validator.validate(line));
        Set<Long> placeholders = new java.util.HashSet<>();
        ActorInput input = new ActorInput(line.name().trim(), line.aliases(), line.kind(), line.countryCode(),
                line.description(), byName(line.parent(), placeholders),
                line.backersOrEmpty().stream().map(b -> byName(b, placeholders)).toList(), line.designations(), null);
        Optional<Long> existing = named(input.name());
        if (existing.isEmpty()) {
            return new Upserted(actors.create(input).id(), Outcome.CREATED, placeholders);
        }
        long id = existing.get();
        if (reads(actors.get(id).orElseThrow(), input)) {
            return new Upserted(id, Outcome.UNCHANGED, placeholders);
        }
        actors.update(id, input, null);
        return new Upserted(id, Outcome.UPDATED, placeholders);
    }

    /** An actor reference by name only (created, and noted as a placeholder, if missing), or null. */
    private org.incidentkb.common.Ref byName(org.incidentkb.common.Ref ref, Set<Long> placeholders) {
        if (ref == null) {
            return null;
        }
        if (ref.name() == null || ref.name().isBlank()) {
            throw ProblemException.badRequest("an actor line names its parent and backers by name (ids belong to the "
                    + "knowledge base the file came from)");
        }
        long id = named(ref.name()).orElseGet(() -> {
            long created = createActor(new Draft.ActorHint(ref.name().trim(), org.incidentkb.actor.ActorKind.OTHER, null));
            placeholders.add(created);
            return created;
        });
        return org.incidentkb.common.Ref.of(id, null);
    }

    /** Whether the actor already reads as this input (references by id). */
    private static boolean reads(org.incidentkb.actor.ActorApi.ActorView actor, ActorInput in) {
        return actor.name().equals(in.name()) && actor.aliases().equals(in.aliasesOrEmpty()) && actor.kind() == in.kind()
                && java.util.Objects.equals(actor.countryCode(), in.countryCode())
                && java.util.Objects.equals(actor.description(), in.description())
                && java.util.Objects.equals(actor.parent() == null ? null : actor.parent().id(),
                        in.parent() == null ? null : in.parent().id())
                && actor.backers().stream().map(org.incidentkb.common.Ref::id).collect(Collectors.toSet())
                        .equals(in.backersOrEmpty().stream().map(org.incidentkb.common.Ref::id).collect(Collectors.toSet()))
                && actor.designations().equals(in.designationsOrEmpty());
    }

    /**
     * Writes a source of a backup file: the source at that URL (or, without one, of that publisher and title) is
     * created, updated or left alone as {@link #upsertActor} does for actors.
     */
    public Upserted upsertSource(SourceInput line) {
        requireValid("source '" + Columns.clip(line.publisher(), 60) + "'", validator.validate(line));
        SourceInput input = new SourceInput(line.publisher(), line.url(), line.title(), line.publishedOn(),
                line.language(), null);
        Optional<Long> existing = input.url() != null ? atUrl(input.url())
                : withTitle(input.publisher(), input.title());
        if (existing.isEmpty()) {
            return new Upserted(sources.create(input).id(), Outcome.CREATED);
        }
        long id = existing.get();
        var current = sources.get(id).orElseThrow();
        if (current.publisher().equals(input.publisher()) && java.util.Objects.equals(current.url(), input.url())
                && java.util.Objects.equals(current.title(), input.title())
                && java.util.Objects.equals(current.publishedOn(), input.publishedOn())
                && java.util.Objects.equals(current.language(), input.language())) {
            return new Upserted(id, Outcome.UNCHANGED);
        }
        sources.update(id, input, null);
        return new Upserted(id, Outcome.UPDATED);
    }

    /** The source without a URL of this publisher and title (ignoring case), if there is one. */
    @Transactional
    Optional<Long> withTitle(String publisher, String title) {
        // The title as stored, leading and trailing white space included (tabs, line breaks): trimmed here but not
        // when stored, a title "\tReport" was never found again and every re-import created it anew.
        return sourceRepository.find("url is null and lower(publisher) = ?1 and lower(coalesce(title, '')) = ?2",
                publisher.trim().toLowerCase(Locale.ROOT), title == null ? "" : title.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(Source::getId);
    }

    /** Deletes, through their service, those of the actors that nothing refers to; returns the ids deleted. */
    public Set<Long> deleteUnreferencedActors(Set<Long> ids) {
        return actors.deleteUnreferenced(ids);
    }

    /** Deletes, through their service, those of the sources that nothing cites; returns the ids deleted. */
    public Set<Long> deleteUnreferencedSources(Set<Long> ids) {
        return sources.deleteUnreferenced(ids);
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

    /** A source as a reference names it here: its id with its publisher (an id of another knowledge base may not). */
    static String idKey(long id, String publisher) {
        return "id " + id + " " + publisher.trim().toLowerCase(Locale.ROOT);
    }

    static String sourceKey(String publisher, String title) {
        return publisher.trim().toLowerCase(Locale.ROOT) + "\u0000" + (title == null ? "" : title.toLowerCase(Locale.ROOT));
    }
}
