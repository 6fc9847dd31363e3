package org.incidentkb.actor;

/** What sort of party an actor is. */
public enum ActorKind {
    STATE_FORCE, GOVERNMENT, NON_STATE_ARMED_GROUP, MILITIA, COALITION, CIVILIANS, OTHER
}
