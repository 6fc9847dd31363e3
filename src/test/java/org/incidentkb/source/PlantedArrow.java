package org.incidentkb.source;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: a feature using another beside it (source and actor are both just above common). Used by
 * nothing; only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(org.incidentkb.actor.ActorService target) {
        return target;
    }
}
