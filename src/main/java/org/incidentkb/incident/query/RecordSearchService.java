package org.incidentkb.incident.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.api.IncidentApi.CasualtyEntry;
import org.incidentkb.incident.api.IncidentApi.ClaimEntry;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.CasualtyRepository;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.ClaimRepository;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Stance;

/** Claims and casualty records queried across incidents, each with the incident it belongs to. */
@ApplicationScoped
public class RecordSearchService {

    private final ClaimRepository claims;
    private final CasualtyRepository casualties;
    private final ActorService actors;

    public RecordSearchService(ClaimRepository claims, CasualtyRepository casualties, ActorService actors) {
        this.claims = claims;
        this.casualties = casualties;
        this.actors = actors;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<ClaimEntry> claims(List<String> actor, List<String> stance, List<String> channel,
            List<String> credibility, String from, String to, Paging paging) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        var query = claims.search(actorIds("actor", actor), Params.enums("stance", stance, Stance.class),
                Params.enums("channel", channel, Channel.class),
                Params.enums("credibility", credibility, Credibility.class), fromDate, toDate);
        return new Paging.Slice<>(query.page(paging.panache()).list().stream().map(ClaimEntry::from).toList(),
                query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<CasualtyEntry> casualties(List<String> category, String q, List<String> affiliation,
            Paging paging) {
        var query = casualties.search(Params.enums("category", category, CasualtyCategory.class),
                Params.text("q", q, 200), actorIds("affiliation", affiliation));
        return new Paging.Slice<>(query.page(paging.panache()).list().stream().map(CasualtyEntry::from).toList(),
                query.count());
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
