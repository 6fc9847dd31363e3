package org.incidentkb.openapi;

/**
 * A dependency the architecture forbids, planted for ArchitectureTest to prove its rules catch it: the OpenAPI
 * filters using a feature (they read the resources from the annotation index, never their classes). Used by nothing;
 * only ArchitectureTest imports it.
 */
final class PlantedArrow {

    private PlantedArrow() {
    }

    static Object forbidden(org.incidentkb.incident.IncidentService target) {
        return target;
    }
}
