package org.incidentkb.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.incidentkb.common.Figures;

/**
 * The rule of one event's rows in {@code incident_event}, pure: which member leads it (the one a deduplicated list
 * shows: the dataset first in {@code kb.links.dataset-priority}, then the lowest id) and the event's figures on the
 * lead's row, one triple per figure with low <= best <= high (DESIGN §3): the best of the first member in that order
 * whose best is known; the smallest known low, never above that best; the largest known high, never below it, and no
 * high when a member with a figure has no upper bound. A member without a figure adds nothing; the event's figure is
 * unknown only when no member knows it. Both the recomputation of a few events and that of every event use it.
 */
final class EventFigures {

    /** The version of this rule; raise it with any change, and every event is recomputed at the next start. */
    static final int RULES = 2;

    private EventFigures() {
    }

    /** An incident of an event as the rule reads it; {@code dataset} "API" when entered so, null when mixed. */
    record Member(long id, Figures killed, Figures injured, String dataset) {

        /** Position of the member's dataset in the priority (API for one entered through the API); unlisted last. */
        int rank(List<String> priority) {
            int at = priority.indexOf(dataset == null ? "" : dataset);
            return at < 0 ? priority.size() : at;
        }
    }

    /** A row of {@code incident_event}: the member, its event's lead and, on the lead's row, the event's figures. */
    record Row(long incidentId, long eventId, Figures killed, Figures injured) {
    }

    /** The rows of one event's members (none for fewer than two). */
    static List<Row> rows(List<Member> members, List<String> priority) {
        List<Row> rows = new ArrayList<>(members.size());
        if (members.size() < 2) {
            return rows;
        }
        List<Member> ordered = members.stream().sorted(Comparator.<Member>comparingInt(m -> m.rank(priority))
                .thenComparingLong(Member::id)).toList();
        Member lead = ordered.get(0);
        Figures killed = reconcile(ordered.stream().map(Member::killed).toList());
        Figures injured = reconcile(ordered.stream().map(Member::injured).toList());
        for (Member m : members) {
            rows.add(m == lead ? new Row(m.id(), lead.id(), killed, injured) : new Row(m.id(), lead.id(), null, null));
        }
        return rows;
    }

    /** One event's figure from its members' (in priority order; null where unknown), or null when none knows it. */
    static Figures reconcile(List<Figures> inPriority) {
        List<Figures> known = inPriority.stream().filter(f -> f != null && f.best() != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        int best = known.get(0).best();
        int low = best;
        Integer high = best;
        for (Figures f : known) {
            low = Math.min(low, f.low() == null ? f.best() : f.low());
            high = high == null || f.high() == null ? null : Math.max(high, f.high());
        }
        return new Figures(low, best, high);
    }
}
