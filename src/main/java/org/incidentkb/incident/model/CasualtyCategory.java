package org.incidentkb.incident.model;

/** The group of people a casualty record counts; ALL is a report's total for the whole incident. */
public enum CasualtyCategory {
    ALL, CIVILIAN, MILITARY, SECURITY_FORCES, MILITANT, UNKNOWN
}
