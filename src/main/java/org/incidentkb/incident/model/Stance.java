package org.incidentkb.incident.model;

/** What a claim says about the actor's responsibility. */
public enum Stance {
    CLAIMED, DENIED, ATTRIBUTED
}
