package org.incidentkb.incident.write;

/**
 * What a write to incidents derives in its own transaction (the audit trail, the stored documents, the statistics,
 * the events, the links' history, the incidents by actor). {@link IncidentChanges} calls every projection with each
 * recorded change, in the order of {@link Step}: that order is written once, here, and each step has exactly one
 * projection (checked on the first write). A projection that fails fails the write.
 */
public interface Projection {

    /** The projections, in the order they run: a later one may read what an earlier one wrote. */
    enum Step {
        /** The audit trail (IncidentHistory). */
        HISTORY,
        /** The stored documents, after the labels they show are confirmed (IncidentDocuments). */
        DOCUMENTS,
        /** The statistics' roll-ups (StatsRollup). */
        ROLLUPS,
        /** The events of SAME_EVENT links and their corrections of the roll-ups (EventGroups). */
        EVENTS,
        /** The history of the links of deleted incidents (LinkRevisions). */
        LINK_HISTORY,
        /** The side table of each actor's incidents (IncidentsByActor). */
        INCIDENTS_BY_ACTOR
    }

    /** Where this projection runs. */
    Step step();

    /** Derives what the change implies, in the write's transaction. */
    void apply(IncidentsChanged changed);
}
