package org.incidentkb.common;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: common using a feature (the bottom of the graph using a layer above it). Used by
 * nothing; only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(org.incidentkb.link.LinkService target) {
        return target;
    }
}
