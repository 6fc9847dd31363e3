package org.incidentkb.incident.write;

import java.util.List;
import java.util.Objects;
import org.incidentkb.incident.api.IncidentApi.IncidentView;

/**
 * What a write did to incidents: {@link IncidentChanges} gives it to every {@link Projection} in its transaction, in
 * their one order, so that all that is derived from them changes with them (the audit trail, the stored documents,
 * the statistics roll-ups, the events...), then fires it for those who act once the transaction has ended (the text
 * index). Each view was built once, by the writer, after the change was flushed.
 *
 * @param author who made the change (the signed-in user, or who ran the import); null for the demo data
 */
public record IncidentsChanged(List<Change> changes, String author) {

    /** One incident before (null when it is new) and after (null when it was deleted). */
    public record Change(IncidentView before, IncidentView after) {
        public Change {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change has a before or an after");
            }
        }
    }

    /** How the changed incidents read before, leaving out the new ones. */
    public List<IncidentView> befores() {
        return changes.stream().map(Change::before).filter(Objects::nonNull).toList();
    }

    /** How they read after, leaving out the deleted ones. */
    public List<IncidentView> afters() {
        return changes.stream().map(Change::after).filter(Objects::nonNull).toList();
    }
}
