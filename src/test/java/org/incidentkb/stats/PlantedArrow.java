package org.incidentkb.stats;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: a back-arrow (statistics are below links: link uses stats, not the other way). Used by
 * nothing; only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(org.incidentkb.link.EventGroups target) {
        return target;
    }
}
