package org.incidentkb.incident.model;

/** How precisely an incident's date is known. */
public enum DatePrecision {
    DAY, WEEK, MONTH, YEAR
}
