package org.incidentkb.incident.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.Count;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.api.IncidentApi.CasualtyEntry;
import org.incidentkb.incident.api.IncidentApi.ClaimEntry;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.CasualtyRepository;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Stance;

/** Claims and casualty records queried across incidents, each with the incident it belongs to. */
@ApplicationScoped
public class RecordSearchService {

    private final ClaimQueries claims;
    private final CasualtyRepository casualties;
    private final ActorService actors;
    private final KbConfig.Lists limits;

    public RecordSearchService(ClaimQueries claims, CasualtyRepository casualties, ActorService actors,
            KbConfig config) {
        this.claims = claims;
        this.casualties = casualties;
        this.actors = actors;
        this.limits = config.lists();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<ClaimEntry> claims(List<String> actor, List<String> stance, List<String> channel,
            List<String> credibility, String from, String to, Paging paging, Count count) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return claims.page(new ClaimQueries.Filter(actorIds("actor", actor),
                Params.enums("stance", stance, Stance.class), Params.enums("channel", channel, Channel.class),
                Params.enums("credibility", credibility, Credibility.class), fromDate, toDate), paging, count, limits);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<CasualtyEntry> casualties(List<String> category, String q, List<String> affiliation,
            Paging paging, Count count) {
        var page = casualties.search(Params.enums("category", category, CasualtyCategory.class),
                Params.text("q", q, 200), actorIds("affiliation", affiliation))
                .page(casualties.getEntityManager(), paging, count, limits);
        return entries(page, CasualtyEntry::from);
    }

    private static <E, V> Paging.Slice<V> entries(Paging.Slice<E> records, Function<E, V> entry) {
        return new Paging.Slice<>(records.items().stream().map(entry).toList(), records.total(), null,
                records.totalIsLowerBound(), records.more());
    }

    private Set<Long> actorIds(String param, List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : Params.whole(values)) {
            Set<Long> found = actors.idsFor(value);
            if (found.isEmpty()) {
                throw ProblemException.invalid(param, "no actor has the id, name or alias '" + value + "'");
            }
            ids.addAll(found);
        }
        return ids;
    }
}
