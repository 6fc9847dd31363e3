package org.incidentkb.incident.write;

import java.util.Collection;
import java.util.List;

/**
 * A rewrite of {@code incident_event} rows (which incidents are one event, its lead and reconciled figures), fired
 * synchronously, in the writer's transaction and on its connection, by whoever rewrites them (the link feature's
 * {@code EventGroups}) for what is derived from those rows (the statistics' corrections for {@code dedupe=events}):
 * once before the rows of these incidents change and once after, or, for a rewrite of every row, once before they are
 * all deleted and once after they are all written again.
 *
 * @param incidents the incidents whose rows change; empty for {@link Phase#CLEARING} and {@link Phase#REFILLED}
 */
public record EventRowsChange(Phase phase, Collection<Long> incidents) {

    public enum Phase {
        /** The rows of {@link #incidents} are about to be deleted or rewritten. */
        REWRITING,
        /** The rows of {@link #incidents} were written. */
        REWRITTEN,
        /** Every row is about to be deleted. */
        CLEARING,
        /** Every row was written again. */
        REFILLED
    }

    public static EventRowsChange rewriting(Collection<Long> incidents) {
        return new EventRowsChange(Phase.REWRITING, List.copyOf(incidents));
    }

    public static EventRowsChange rewritten(Collection<Long> incidents) {
        return new EventRowsChange(Phase.REWRITTEN, List.copyOf(incidents));
    }

    public static EventRowsChange clearing() {
        return new EventRowsChange(Phase.CLEARING, List.of());
    }

    public static EventRowsChange refilled() {
        return new EventRowsChange(Phase.REFILLED, List.of());
    }
}
