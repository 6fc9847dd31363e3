package org.incidentkb.common;

/**
 * A record whose label other records show (an actor's name, a source's publisher) was changed; fired synchronously,
 * inside the change's transaction, so stored representations that show the old label can be dropped with it.
 */
public record LabelChanged(Kind kind, long id) {

    public enum Kind {
        ACTOR, SOURCE
    }
}
