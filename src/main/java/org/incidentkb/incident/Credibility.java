package org.incidentkb.incident;

/** How far a claim can be believed. */
public enum Credibility {
    CONFIRMED, PLAUSIBLE, DOUBTFUL, UNVERIFIED
}
