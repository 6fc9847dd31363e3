package org.incidentkb.incident.write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.incidentkb.actor.Actor;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.source.Source;

/**
 * Gives the casualty records and claims of an imported row the ids of the existing records that say the same,
 * so importing a row again keeps them (and the incident's version) instead of replacing them with copies.
 */
final class ChildMatcher {

    private ChildMatcher() {
    }

    static IncidentInput withExistingIds(IncidentInput in, Incident existing) {
        List<CasualtyInput> casualties = in.casualties() == null ? null : match(in.casualties(),
                existing.getCasualties(), ChildMatcher::key, ChildMatcher::key, Casualty::getId,
                (c, id) -> new CasualtyInput(id, c.category(), c.affiliation(), c.killed(), c.injured(), c.missing(),
                        c.names(), c.source(), null));
        List<ClaimInput> claims = in.claims() == null ? null : match(in.claims(), existing.getClaims(),
                ChildMatcher::key, ChildMatcher::key, Claim::getId,
                (c, id) -> new ClaimInput(id, c.actor(), c.stance(), c.statedBy(), c.statedOn(), c.channel(), c.quote(),
                        c.credibility(), c.source(), null));
        return new IncidentInput(in.title(), in.summary(), in.category(), in.type(), in.startDate(), in.endDate(),
                in.datePrecision(), in.location(), in.actors(), casualties, claims, in.sources(), in.tags(),
                in.externalRefs(), null);
    }

    private static <I, C> List<I> match(List<I> inputs, List<C> current, java.util.function.Function<I, List<Object>> inKey,
            java.util.function.Function<C, List<Object>> childKey, java.util.function.Function<C, Long> childId,
            java.util.function.BiFunction<I, Long, I> withId) {
        List<C> unused = new ArrayList<>(current);
        List<I> out = new ArrayList<>();
        for (I input : inputs) {
            List<Object> key = inKey.apply(input);
            C same = unused.stream().filter(c -> childKey.apply(c).equals(key)).findFirst().orElse(null);
            if (same != null) {
                unused.remove(same);
                out.add(withId.apply(input, childId.apply(same)));
            } else {
                out.add(input);
            }
        }
        return out;
    }

    private static List<Object> key(CasualtyInput c) {
        Party a = c.affiliation();
        return Arrays.asList(c.category(), a == null ? null : id(a.actor()), a == null ? null : text(a.text()),
                c.killed(), c.injured(), c.missing(), c.names() == null ? List.of() : c.names(), id(c.source()));
    }

    private static List<Object> key(Casualty c) {
        return Arrays.asList(c.getCategory(), id(c.getAffiliationActor()), c.getAffiliationText(), c.getKilled(),
                c.getInjured(), c.getMissing(), List.copyOf(c.getNames()), id(c.getSource()));
    }

    private static List<Object> key(ClaimInput c) {
        Party by = c.statedBy();
        return Arrays.asList(id(c.actor()), c.stance(), by == null ? null : id(by.actor()), by == null ? null : text(by.text()),
                c.statedOn(), Objects.requireNonNullElse(c.channel(), Channel.UNKNOWN), c.quote(),
                Objects.requireNonNullElse(c.credibility(), Credibility.UNVERIFIED), id(c.source()));
    }

    private static List<Object> key(Claim c) {
        return Arrays.asList(id(c.getActor()), c.getStance(), id(c.getStatedByActor()), c.getStatedByText(),
                c.getStatedOn(), c.getChannel(), c.getQuote(), c.getCredibility(), id(c.getSource()));
    }

    private static Long id(Ref ref) {
        return ref == null ? null : ref.id();
    }

    private static Long id(Actor actor) {
        return actor == null ? null : actor.getId();
    }

    private static Long id(Source source) {
        return source == null ? null : source.getId();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
