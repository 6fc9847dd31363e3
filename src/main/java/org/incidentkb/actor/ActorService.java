package org.incidentkb.actor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.common.ETags;
import org.incidentkb.common.LabelChanged;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Problem;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;

/** Actors: their rules (unique names, no membership cycles, no deleting what is referenced) and transactions. */
@ApplicationScoped
public class ActorService {

    private final jakarta.enterprise.event.Event<LabelChanged> labelChanged;

    private final ActorRepository actors;
    private final MergePatch mergePatch;

    public ActorService(ActorRepository actors, MergePatch mergePatch,
            jakarta.enterprise.event.Event<LabelChanged> labelChanged) {
        this.labelChanged = labelChanged;
        this.actors = actors;
        this.mergePatch = mergePatch;
    }

    public Optional<ActorView> get(long id) {
        return actors.findByIdOptional(id).map(ActorView::from);
    }

    public Paging.Slice<ActorView> search(String q, Paging paging) {
        var query = actors.search(q);
        List<ActorView> items = query.page(paging.panache()).list().stream().map(ActorView::from).toList();
        return new Paging.Slice<>(items, query.count());
    }

    @Transactional
    public ActorView create(ActorInput input) {
        ProblemException.requireNoVersion(input.version());
        requireUniqueName(input.name(), null);
        Actor actor = new Actor();
        apply(actor, input);
        actors.persist(actor);
        actors.flush();
        return ActorView.from(actor);
    }

    @Transactional
    public Optional<ActorView> update(long id, ActorInput input, Long ifMatch) {
        Optional<Actor> found = ETags.forWrite(actors.findByIdOptional(id), "Actor", id, ifMatch, input.version());
        found.ifPresent(actor -> {
            requireUniqueName(input.name(), actor.getId());
            apply(actor, input);
            actors.flush();
            labelChanged.fire(new LabelChanged(LabelChanged.Kind.ACTOR, id));
        });
        return found.map(ActorView::from);
    }

    @Transactional
    public Optional<ActorView> patch(long id, JsonNode patch, Long ifMatch) {
        return ETags.forWrite(actors.findByIdOptional(id), "Actor", id, ifMatch, null)
                .flatMap(found -> update(id, mergePatch.apply(ActorView.from(found), patch, ActorInput.class), null));
    }

    /**
     * Deletes those of these actors that nothing refers to (what a failed import row had created, and nothing else
     * came to use meanwhile); returns the ids deleted.
     */
    @Transactional
    public java.util.Set<Long> deleteUnreferenced(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : actors.deleteUnreferenced(ids);
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        Optional<Actor> found = ETags.forWrite(actors.findByIdOptional(id), "Actor", id, ifMatch, null);
        if (found.isEmpty()) {
            return false;
        }
        if (actors.isReferenced(id)) {
            throw ProblemException.conflict("Actor " + id + " is still referenced by incidents, claims, casualties "
                    + "or other actors; remove those references first");
        }
        actors.delete(found.get());
        return true;
    }

    /**
     * The actor a reference names, by id, or else by name or alias. A reference that matches nothing is a
     * client error reported against {@code field}.
     */
    public Actor require(Ref ref, String field) {
        if (ref == null || ref.id() == null && (ref.name() == null || ref.name().isBlank())) {
            throw ProblemException.invalid(field, "must give the actor's id or name");
        }
        if (ref.id() != null) {
            return actors.findByIdOptional(ref.id()).orElseThrow(
                    () -> ProblemException.invalid(field + ".id", "no actor with id " + ref.id()));
        }
        List<Actor> matches = actors.findByNameOrAlias(ref.name());
        if (matches.isEmpty()) {
            throw ProblemException.invalid(field + ".name", "no actor named '" + ref.name() + "'");
        }
        return matches.get(0);
    }

    /** For filters: the actor with that id, or all actors with that name or alias (ignoring case); empty when none. */
    public Set<Long> idsFor(String idOrName) {
        String v = idOrName.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit) && v.length() < 19) {
            long id = Long.parseLong(v);
            return actors.exists(id) ? Set.of(id) : Set.of();
        }
        return new LinkedHashSet<>(actors.idsByNameOrAlias(v));
    }

    private void apply(Actor actor, ActorInput input) {
        actor.setName(input.name());
        actor.setAliases(input.aliasesOrEmpty());
        actor.setKind(input.kind());
        actor.setCountryCode(input.countryCode());
        actor.setDescription(input.description());
        actor.setParent(input.parent() == null ? null : parent(actor, input.parent()));
        Set<Actor> backers = new LinkedHashSet<>();
        List<Ref> refs = input.backersOrEmpty();
        for (int i = 0; i < refs.size(); i++) {
            Actor backer = require(refs.get(i), "backers[" + i + "]");
            if (backer == actor) {
                throw ProblemException.invalid("backers[" + i + "]", "an actor cannot back itself");
            }
            backers.add(backer);
        }
        actor.setBackers(backers);
        actor.setDesignations(input.designationsOrEmpty());
    }

    private Actor parent(Actor actor, Ref ref) {
        Actor parent = require(ref, "parent");
        Set<Actor> seen = new HashSet<>();
        for (Actor up = parent; up != null && seen.add(up); up = up.getParent()) {
            if (up == actor) {
                throw ProblemException.invalid("parent", "would make the actor a member of itself");
            }
        }
        return parent;
    }

    private void requireUniqueName(String name, Long self) {
        actors.findByName(name).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ProblemException(409, "urn:incident-kb:problem:conflict", "Conflict",
                    "An actor named '" + other.getName() + "' already exists (id " + other.getId() + ")",
                    new ArrayList<>(List.of(new Problem.FieldError("name", "already used by actor " + other.getId()))));
        });
    }
}
