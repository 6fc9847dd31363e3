package org.incidentkb.stats;

import java.time.YearMonth;
import java.util.List;
import org.incidentkb.incident.query.IncidentFilter;

/** Which statistics the roll-ups answer, and from which grain; the read side's planner. Pure. */
final class RollupPlan {

    private RollupPlan() {
    }

    /** The coarsest roll-up that answers these statistics (which {@link #answers} must allow). */
    static Grain grain(IncidentFilter f, List<Dimension> groupBy) {
        boolean coarse = f.categories().isEmpty() && f.types().isEmpty() && f.claimStatuses().isEmpty()
                && groupBy.stream().allMatch(d -> d == Dimension.YEAR || d == Dimension.MONTH
                        || d == Dimension.COUNTRY || d == Dimension.PERPETRATOR);
        if (!coarse) {
            return Grain.FINE;
        }
        boolean wholeYears = !groupBy.contains(Dimension.MONTH)
                && (f.from() == null || f.from().getDayOfYear() == 1)
                && (f.to() == null || (f.to().getMonthValue() == 12 && f.to().getDayOfMonth() == 31));
        if (!wholeYears) {
            return Grain.COUNTRY_MONTH;
        }
        return f.countries().isEmpty() && !groupBy.contains(Dimension.COUNTRY) ? Grain.PERPETRATOR_YEAR
                : Grain.COUNTRY_YEAR;
    }

    /**
     * Whether the roll-up answers these statistics: groups other than admin1, and filters on country, category,
     * type and claim status only, or also a {@code from} date at the start of a month (the months from then on, and
     * the incidents still going on then that started earlier, read from the incidents) and a {@code to} date at the
     * end of a month (incidents starting by then). Anything else is counted from the incidents. With
     * {@code dedupe=events} the roll-up's corrections (V22) are added to it.
     */
    static boolean answers(IncidentFilter f, List<Dimension> groupBy) {
        return !groupBy.contains(Dimension.ADMIN1)
                && (f.from() == null || f.from().getDayOfMonth() == 1)
                && (f.to() == null || f.to().equals(YearMonth.from(f.to()).atEndOfMonth()))
                && f.admin1().isEmpty() && f.involvements().isEmpty() && f.claimedBy().isEmpty()
                && f.minKilled() == null && f.maxKilled() == null && f.minInjured() == null && f.maxInjured() == null
                && f.bbox() == null && f.near() == null && f.text() == null && f.tags().isEmpty()
                && f.publishers().isEmpty() && f.externalRefs().isEmpty() && f.updatedSince() == null
                && f.ids().isEmpty();
    }

    /**
     * Whether each row of the grain's table is one group: the groups keep every key of the grain (the perpetrator is
     * kept by grouping by it, or fixed at {@link Contributions#ALL} without; the country by grouping by it, or by a
     * filter on one country), and no rows are added to the table's (no {@code from}, no {@code dedupe=events}).
     */
    static boolean oneRowPerGroup(Grain grain, List<Dimension> groupBy, IncidentFilter filter) {
        return filter.from() == null && !filter.dedupeEvents()
                && groupBy.contains(grain.byYear() ? Dimension.YEAR : Dimension.MONTH)
                && (!grain.byCountry() || groupBy.contains(Dimension.COUNTRY) || filter.countries().size() == 1)
                && (!grain.byKind() || groupBy.containsAll(List.of(Dimension.TYPE, Dimension.CATEGORY,
                        Dimension.CLAIM_STATUS)));
    }
}
