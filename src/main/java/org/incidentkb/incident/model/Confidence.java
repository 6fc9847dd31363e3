package org.incidentkb.incident.model;

/** How sure the attribution of a role is (GTD's guncertain: SUSPECTED). */
public enum Confidence {
    CONFIRMED, SUSPECTED
}
