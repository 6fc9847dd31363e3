package org.incidentkb.incident.write;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.eventtype.EventTypeService;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.model.Participant;
import org.incidentkb.source.Source;
import org.incidentkb.source.SourceService;

/**
 * Writes API input onto the incident aggregate: resolves every reference (actors, sources, event types),
 * checks the rules that span fields, and keeps the derived summary and claim status current.
 * Errors name the offending field of the request body.
 */
@ApplicationScoped
public class IncidentMapper {

    private final ActorService actors;
    private final SourceService sources;
    private final EventTypeService eventTypes;
    private final IncidentRepository incidents;

    public IncidentMapper(ActorService actors, SourceService sources, EventTypeService eventTypes,
            IncidentRepository incidents) {
        this.actors = actors;
        this.sources = sources;
        this.eventTypes = eventTypes;
        this.incidents = incidents;
    }

    /** Applies a whole incident; casualties and claims only when the input lists them. */
    public void apply(Incident incident, IncidentInput in) {
        apply(incident, in, true);
    }

    /**
     * As {@link #apply(Incident, IncidentInput)}; {@code checkExternalRefs} false skips the query for another
     * incident holding the same external reference, for a caller (the importer) that has looked them up in bulk.
     */
    public void apply(Incident incident, IncidentInput in, boolean checkExternalRefs) {
        var classification = eventTypes.classify(in.category() == null ? null : in.category().code(),
                in.type() == null ? null : in.type().code());
        if (in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            throw ProblemException.invalid("endDate", "must not be before startDate");
        }
        incident.setTitle(in.title().trim());
        incident.setSummary(in.summary());
        incident.setCategory(classification.category());
        incident.setType(classification.type());
        incident.setStartDate(in.startDate());
        incident.setEndDate(in.endDate());
        incident.setDatePrecision(in.datePrecision() == null ? DatePrecision.DAY : in.datePrecision());
        incident.setLocation(in.location());

        Set<Participant> participants = new LinkedHashSet<>();
        List<IncidentActor> actorsIn = in.orEmpty(in.actors());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < actorsIn.size(); i++) {
            IncidentActor a = actorsIn.get(i);
            var actor = actors.require(a.actor(), "actors[" + i + "].actor");
            if (!seen.add(actor.getId() + "/" + a.role())) {
                throw ProblemException.invalid("actors[" + i + "]", "actor " + actor.getId() + " is already listed as "
                        + a.role());
            }
            participants.add(new Participant(actor, a.role(),
                    a.confidence() == null ? Confidence.CONFIRMED : a.confidence()));
        }
        incident.setParticipants(participants);

        Set<Source> cited = new LinkedHashSet<>();
        List<Ref> sourcesIn = in.orEmpty(in.sources());
        for (int i = 0; i < sourcesIn.size(); i++) {
            cited.add(sources.require(sourcesIn.get(i), "sources[" + i + "]"));
        }
        incident.setSources(cited);
        incident.setTags(in.orEmpty(in.tags()).stream().map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        applyExternalRefs(incident, in.orEmpty(in.externalRefs()), checkExternalRefs);

        if (in.casualties() != null) {
            syncChildren(incident.getCasualties(), in.casualties(), CasualtyInput::id, Casualty::getId,
                    () -> new Casualty(incident), this::applyCasualty, "casualties", "casualty");
        }
        if (in.claims() != null) {
            syncChildren(incident.getClaims(), in.claims(), ClaimInput::id, Claim::getId,
                    () -> new Claim(incident), this::applyClaim, "claims", "claim");
        }
        incident.derive();
    }

    public void applyCasualty(Casualty casualty, CasualtyInput in, String field) {
        casualty.setCategory(in.category());
        Party affiliation = in.affiliation();
        casualty.setAffiliationActor(affiliation == null || affiliation.actor() == null ? null
                : actors.require(affiliation.actor(), field + "affiliation.actor"));
        casualty.setAffiliationText(affiliation == null ? null : blankToNull(affiliation.text()));
        casualty.setKilled(in.killed());
        casualty.setInjured(in.injured());
        casualty.setMissing(in.missing());
        casualty.setNames(in.names() == null ? List.of() : in.names());
        casualty.setSource(in.source() == null ? null : sources.require(in.source(), field + "source"));
    }

    public void applyClaim(Claim claim, ClaimInput in, String field) {
        claim.setActor(actors.require(in.actor(), field + "actor"));
        claim.setStance(in.stance());
        Party statedBy = in.statedBy();
        claim.setStatedByActor(statedBy == null || statedBy.actor() == null ? null
                : actors.require(statedBy.actor(), field + "statedBy.actor"));
        claim.setStatedByText(statedBy == null ? null : blankToNull(statedBy.text()));
        claim.setStatedOn(in.statedOn());
        claim.setChannel(in.channel() == null ? Channel.UNKNOWN : in.channel());
        claim.setQuote(in.quote());
        claim.setCredibility(in.credibility() == null ? Credibility.UNVERIFIED : in.credibility());
        claim.setSource(in.source() == null ? null : sources.require(in.source(), field + "source"));
    }

    private void applyExternalRefs(Incident incident, List<ExternalRef> refs, boolean check) {
        Set<ExternalRef> wanted = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            ExternalRef ref = refs.get(i);
            if (!wanted.add(ref)) {
                throw ProblemException.invalid("externalRefs[" + i + "]", ref + " is listed twice");
            }
            if (!check) {
                continue;
            }
            incidents.findByExternalRef(ref).filter(other -> other != incident).ifPresent(other -> {
                throw ProblemException.conflict("Incident " + other.getId() + " already has the external reference "
                        + ref);
            });
        }
        incident.setExternalRefs(wanted);
    }

    interface ChildWriter<C, I> {
        void apply(C child, I input, String field);
    }

    /** Makes a list of child records match the input: update by id, add those without one, remove the rest. */
    private static <C, I> void syncChildren(List<C> current, List<I> inputs, Function<I, Long> inputId,
            Function<C, Long> childId, java.util.function.Supplier<C> create, ChildWriter<C, I> writer, String field,
            String what) {
        Map<Long, C> byId = current.stream().filter(c -> childId.apply(c) != null)
                .collect(Collectors.toMap(childId, Function.identity()));
        List<C> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            I input = inputs.get(i);
            Long id = inputId.apply(input);
            C child;
            if (id == null) {
                child = create.get();
            } else {
                child = byId.remove(id);
                if (child == null) {
                    throw ProblemException.invalid(field + "[" + i + "].id", "this incident has no " + what + " " + id);
                }
            }
            writer.apply(child, input, field + "[" + i + "].");
            result.add(child);
        }
        current.retainAll(result);
        for (C child : result) {
            if (!current.contains(child)) {
                current.add(child);
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
