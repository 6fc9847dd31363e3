package org.incidentkb.incident.model;

/** How precisely an incident's place is known, from an exact spot down to the country. */
public enum GeoPrecision {
    EXACT, NEAR, ADMIN2, ADMIN1, COUNTRY
}
