package org.incidentkb.incident.api;

/**
 * What an incident list holds: an incident as a view (built or read back), as the stored JSON written out as it
 * is, or, in the change feed, the tombstone of a deleted one.
 */
public sealed interface ListItem permits IncidentApi.IncidentView, StoredJson, IncidentApi.Tombstone {

    /** The incident's id. */
    Long id();
}
