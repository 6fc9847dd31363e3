package org.incidentkb.incident.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Figures;

/**
 * An incident's casualty totals, derived from its casualty records by one deterministic rule.
 *
 * <p>Records are grouped by source (records without a source form one group). A group's total is its ALL
 * record when it has one, otherwise the sum of its category records (lows add, bests add, highs add; one
 * unknown high makes the high unknown). Across groups, low is the lowest low, best the median of the bests
 * (for an even count, the mean of the two middle bests rounded down) and high the highest high, unknown if any
 * group's high is unknown. Groups that give no figure for a measure are left out of that measure.
 */
@Schema(name = "CasualtySummary", description = "Totals derived from the casualty records. Records are grouped by "
        + "source (one group for records without a source). A group's total is its ALL record when it has one, "
        + "otherwise the sum of its category records (lows add, bests add, highs add; one unknown high makes the "
        + "high unknown). Across groups, low is the lowest low, best the median of the bests (an even count takes "
        + "the mean of the two middle ones, rounded down) and high the highest high (unknown if any group's high "
        + "is unknown). Null when no record gives that figure.",
        example = "{\"killed\": {\"low\": 4, \"best\": 4, \"high\": null}, \"injured\": null}")
public record CasualtySummary(Figures killed, Figures injured) {

    public static CasualtySummary of(Collection<Casualty> casualties) {
        Map<Long, List<Casualty>> bySource = new LinkedHashMap<>();
        for (Casualty c : casualties) {
            bySource.computeIfAbsent(c.getSource() == null ? null : c.getSource().getId(), k -> new ArrayList<>()).add(c);
        }
        return new CasualtySummary(combine(bySource.values(), Casualty::getKilled),
                combine(bySource.values(), Casualty::getInjured));
    }

    private static Figures combine(Collection<List<Casualty>> groups, Function<Casualty, Figures> measure) {
        List<Figures> totals = groups.stream().map(g -> groupTotal(g, measure)).filter(Objects::nonNull).toList();
        if (totals.isEmpty()) {
            return null;
        }
        int low = totals.stream().mapToInt(Figures::low).min().orElseThrow();
        List<Integer> bests = totals.stream().map(Figures::best).sorted(Comparator.naturalOrder()).toList();
        int n = bests.size();
        int best = n % 2 == 1 ? bests.get(n / 2) : (int) (((long) bests.get(n / 2 - 1) + bests.get(n / 2)) / 2);
        Integer high = totals.stream().anyMatch(t -> t.high() == null) ? null
                : totals.stream().mapToInt(Figures::high).max().orElseThrow();
        return new Figures(low, best, high);
    }

    private static Figures groupTotal(List<Casualty> group, Function<Casualty, Figures> measure) {
        for (Casualty c : group) {
            if (c.getCategory() == CasualtyCategory.ALL && measure.apply(c) != null) {
                return measure.apply(c);
            }
        }
        Figures sum = null;
        for (Casualty c : group) {
            Figures f = measure.apply(c);
            if (f == null || c.getCategory() == CasualtyCategory.ALL) {
                continue;
            }
            sum = sum == null ? f : new Figures(sum.low() + f.low(), sum.best() + f.best(),
                    sum.high() == null || f.high() == null ? null : sum.high() + f.high());
        }
        return sum;
    }
}
