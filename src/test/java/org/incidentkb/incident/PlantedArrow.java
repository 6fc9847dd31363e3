package org.incidentkb.incident;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: application code using a Flyway migration. Used by
 * nothing; only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(db.migration.V31__Text_search_folded target) {
        return target;
    }
}
