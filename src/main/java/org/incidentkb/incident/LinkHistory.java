package org.incidentkb.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.incidentkb.incident.api.IncidentApi.LinkChange;
import org.incidentkb.incident.api.IncidentApi.Revision;

/**
 * The changes to an incident's links, for its history. The links feature provides it, so that incidents do not depend
 * on links (links depend on incidents).
 */
public interface LinkHistory {

    /** One change to a link of the incident. */
    record Entry(Instant at, String author, String operation, List<String> changedFields, LinkChange link) {
    }

    /** The changes to the links of an incident, oldest first. */
    List<Entry> of(long incidentId);

    /**
     * The incident's own revisions and the changes to its links in one list, by time (the incident's own change first
     * at the same instant); a link change carries the incident's revision at the time.
     */
    static List<Revision> merge(List<Revision> own, List<Entry> links, boolean withAuthors) {
        List<Revision> all = new ArrayList<>(own);
        List<Entry> sorted = links.stream().sorted(Comparator.comparing(Entry::at)).toList();
        List<Revision> merged = new ArrayList<>(all.size() + sorted.size());
        int i = 0;
        for (Entry e : sorted) {
            while (i < all.size() && !all.get(i).at().isAfter(e.at())) {
                merged.add(all.get(i++));
            }
            long revision = merged.isEmpty() ? 0 : merged.get(merged.size() - 1).revision();
            merged.add(new Revision(revision, e.at(), withAuthors ? e.author() : null, e.operation(), e.changedFields(),
                    e.link()));
        }
        merged.addAll(all.subList(i, all.size()));
        return merged;
    }
}
