package org.incidentkb.incident.model;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import org.incidentkb.actor.Actor;

/** An actor's part in an incident: perpetrator, target or other, confirmed or suspected. */
@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    private Actor actor;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Enumerated(EnumType.STRING)
    private Confidence confidence;

    protected Participant() {
    }

    public Participant(Actor actor, Role role, Confidence confidence) {
        this.actor = actor;
        this.role = role;
        this.confidence = confidence;
    }

    public Actor getActor() {
        return actor;
    }

    public Role getRole() {
        return role;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participant p && Objects.equals(actor.getId(), p.actor.getId()) && role == p.role
                && confidence == p.confidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor.getId(), role, confidence);
    }
}
