package org.incidentkb.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rule of one event's row in {@code incident_event}, pure: which member leads it (the one a deduplicated list
 * shows: the dataset first in {@code kb.links.dataset-priority}, then the lowest id) and the event's reconciled
 * figures on the lead's row (the smallest known low and the largest high, no high when any member's is unknown).
 * Both the recomputation of a few events and that of every event use it.
 */
final class EventFigures {

    private EventFigures() {
    }

    /** An incident of an event as the rule reads it; {@code dataset} "API" when entered so, null when mixed. */
    record Member(long id, Integer killedLow, Integer killedHigh, Integer injuredLow, Integer injuredHigh,
            String dataset) {

        /** Position of the member's dataset in the priority (API for one entered through the API); unlisted last. */
        int rank(List<String> priority) {
            int at = priority.indexOf(dataset == null ? "" : dataset);
            return at < 0 ? priority.size() : at;
        }
    }

    /** A row of {@code incident_event}: the member, its event's lead and, on the lead's row, the event's figures. */
    record Row(long incidentId, long eventId, Integer killedLow, Integer killedHigh, Integer injuredLow,
            Integer injuredHigh) {
    }

    /** The rows of one event's members (none for fewer than two). */
    static List<Row> rows(List<Member> members, List<String> priority) {
        List<Row> rows = new ArrayList<>(members.size());
        if (members.size() < 2) {
            return rows;
        }
        Member lead = members.stream().min(Comparator.<Member>comparingInt(m -> m.rank(priority))
                .thenComparingLong(Member::id)).orElseThrow();
        for (Member m : members) {
            rows.add(m == lead
                    ? new Row(m.id(), lead.id(), minLow(members, true), maxHigh(members, true),
                            minLow(members, false), maxHigh(members, false))
                    : new Row(m.id(), lead.id(), null, null, null, null));
        }
        return rows;
    }

    private static Integer minLow(List<Member> members, boolean killed) {
        return members.stream().map(m -> killed ? m.killedLow() : m.injuredLow()).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
    }

    private static Integer maxHigh(List<Member> members, boolean killed) {
        Integer max = null;
        for (Member m : members) {
            Integer high = killed ? m.killedHigh() : m.injuredHigh();
            if (high == null) {
                return null;
            }
            max = max == null ? high : Math.max(max, high);
        }
        return max;
    }
}
