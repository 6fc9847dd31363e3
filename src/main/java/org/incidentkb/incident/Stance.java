package org.incidentkb.incident;

/** What a claim says about the actor's responsibility. */
public enum Stance {
    CLAIMED, DENIED, ATTRIBUTED
}
