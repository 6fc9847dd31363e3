package org.incidentkb.incident;

/** The part an actor played in an incident. */
public enum Role {
    PERPETRATOR, TARGET, OTHER
}
