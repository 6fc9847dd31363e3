package org.incidentkb.imports;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: an importer using
 * the demo data (nothing uses the demo data). Used by nothing; only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(org.incidentkb.seed.DemoDataLoader target) {
        return target;
    }
}
