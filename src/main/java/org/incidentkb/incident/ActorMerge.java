package org.incidentkb.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.incidentkb.actor.Actor;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.actor.ActorRepository;
import org.incidentkb.actor.Designation;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.model.Participant;
import org.incidentkb.incident.write.IncidentChanges;

/**
 * Merges one actor into another, in one transaction: every participation, claim (as claimant or as who stated it)
 * and casualty affiliation, every member and every backing moves to the actor that stays, which also takes the old
 * name and aliases as aliases and the designations; then the old actor is deleted. Each incident touched changes
 * through {@link IncidentChanges}, so its history records the merge. Merging an actor into itself, or into one of
 * its own members (which would make that member its own parent), is refused with 409 and changes nothing.
 */
@ApplicationScoped
public class ActorMerge {

    /** Deeper than any real chain of membership; a longer one is a cycle already stored. */
    private static final int MAX_DEPTH = 100;

    private final EntityManager em;
    private final ActorRepository actors;
    private final IncidentRepository incidents;
    private final IncidentChanges changes;

    public ActorMerge(EntityManager em, ActorRepository actors, IncidentRepository incidents, IncidentChanges changes) {
        this.em = em;
        this.actors = actors;
        this.incidents = incidents;
        this.changes = changes;
    }

    /** Merges actor {@code id} into {@code into}; returns the actor that stays. */
    @Transactional
    public ActorView merge(long id, Ref into) {
        Actor gone = actors.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Actor", id));
        if (into.id() == null) {
            throw ProblemException.invalid("into.id", "must give the id of the actor to merge into");
        }
        Actor stays = actors.findByIdOptional(into.id())
                .orElseThrow(() -> ProblemException.invalid("into.id", "no actor has the id " + into.id()));
        if (gone.getId().equals(stays.getId())) {
            throw ProblemException.conflict("Actor " + id + " cannot be merged into itself");
        }
        int depth = 0;
        for (Actor a = stays.getParent(); a != null && depth < MAX_DEPTH; a = a.getParent(), depth++) {
            if (a.getId().equals(gone.getId())) {
                throw ProblemException.conflict(stays.getName() + " is a member of " + gone.getName()
                        + "; merging " + gone.getName() + " into it would make it its own member");
            }
        }
        List<Long> touched = touched(id);
        changes.changing(touched);
        lockInIdOrder(touched);
        for (Incident incident : incidents.load(touched)) {
            changes.change(incident, i -> moveReferences(i, gone, stays));
        }
        moveActorReferences(gone, stays);
        em.flush();
        actors.delete(gone);
        em.flush();
        return ActorView.from(stays);
    }

    /**
     * Locks the incidents' rows (in id order, like every writer that locks several) before they are read: edits of
     * them wait for the merge instead of the merge failing on their newer versions, however busy they are.
     */
    private void lockInIdOrder(List<Long> ids) {
        incidents.lockInIdOrder(ids);
    }

    private List<Long> touched(long actorId) {
        return incidents.showingActor(actorId);
    }

    /** The incident's references to {@code gone} made to {@code stays} (a part it already has in that role is kept). */
    private static void moveReferences(Incident incident, Actor gone, Actor stays) {
        Set<Participant> parts = incident.getParticipants();
        List<Participant> moving = parts.stream().filter(p -> same(p.getActor(), gone)).toList();
        parts.removeAll(moving);
        for (Participant p : moving) {
            if (parts.stream().noneMatch(q -> same(q.getActor(), stays) && q.getRole() == p.getRole())) {
                parts.add(new Participant(stays, p.getRole(), p.getConfidence()));
            }
        }
        for (Claim c : incident.getClaims()) {
            if (same(c.getActor(), gone)) {
                c.setActor(stays);
            }
            if (same(c.getStatedByActor(), gone)) {
                c.setStatedByActor(stays);
            }
        }
        for (Casualty c : incident.getCasualties()) {
            if (same(c.getAffiliationActor(), gone)) {
                c.setAffiliationActor(stays);
            }
        }
        incident.derive();
    }

    /** Members, backings, aliases and designations of {@code gone} moved to {@code stays}. */
    private void moveActorReferences(Actor gone, Actor stays) {
        for (Actor member : actors.list("parent", gone)) {
            member.setParent(same(member, stays) ? null : stays);
        }
        for (Actor backed : actors.list("select a from Actor a join a.backers b where b = ?1", gone)) {
            Set<Actor> backers = new LinkedHashSet<>(backed.getBackers());
            backers.remove(gone);
            if (!same(backed, stays)) {
                backers.add(stays);
            }
            backed.setBackers(backers);
        }
        Set<Actor> backers = new LinkedHashSet<>(stays.getBackers());
        gone.getBackers().stream().filter(b -> !same(b, stays)).forEach(backers::add);
        stays.setBackers(backers);
        gone.setBackers(Set.of());
        List<String> aliases = new ArrayList<>(stays.getAliases());
        aliases.add(gone.getName());
        aliases.addAll(gone.getAliases());
        aliases.removeIf(a -> a.trim().equalsIgnoreCase(stays.getName().trim()));
        stays.setAliases(aliases);
        List<Designation> designations = new ArrayList<>(stays.getDesignations());
        gone.getDesignations().stream().filter(d -> !designations.contains(d)).forEach(designations::add);
        stays.setDesignations(designations);
    }

    private static boolean same(Actor a, Actor b) {
        return a != null && b != null && Objects.equals(a.getId(), b.getId());
    }
}
