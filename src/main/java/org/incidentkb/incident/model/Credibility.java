package org.incidentkb.incident.model;

/** How far a claim can be believed. */
public enum Credibility {
    CONFIRMED, PLAUSIBLE, DOUBTFUL, UNVERIFIED
}
