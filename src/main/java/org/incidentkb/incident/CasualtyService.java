package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.ETags;
import org.incidentkb.incident.IncidentApi.IncidentView;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.IncidentApi.CasualtyInput;
import org.incidentkb.incident.IncidentApi.CasualtyView;

/** Casualty records of one incident. Every change recomputes the incident's casualty summary. */
@ApplicationScoped
public class CasualtyService {

    private final IncidentRepository incidents;
    private final CasualtyRepository casualties;
    private final IncidentMapper mapper;
    private final MergePatch mergePatch;
    private final IncidentHistory history;

    public CasualtyService(IncidentRepository incidents, CasualtyRepository casualties, IncidentMapper mapper,
            MergePatch mergePatch,
            IncidentHistory history) {
        this.history = history;
        this.incidents = incidents;
        this.casualties = casualties;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
    }

    public List<CasualtyView> list(long incidentId) {
        return incident(incidentId).getCasualties().stream().map(CasualtyView::from).toList();
    }

    public Optional<CasualtyView> get(long incidentId, long casualtyId) {
        incident(incidentId);
        return casualties.findInIncident(incidentId, casualtyId).map(CasualtyView::from);
    }

    @Transactional
    public CasualtyView create(long incidentId, CasualtyInput input) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Casualty casualty = new Casualty(incident);
        mapper.applyCasualty(casualty, input, "");
        incident.getCasualties().add(casualty);
        changed(incident, before);
        return CasualtyView.from(casualty);
    }

    @Transactional
    public Optional<CasualtyView> update(long incidentId, long casualtyId, CasualtyInput input, Long ifMatch) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Optional<Casualty> found = casualties.findInIncident(incidentId, casualtyId);
        found.ifPresent(casualty -> {
            ETags.check("Casualty " + casualtyId, ifMatch, input.version(), casualty.getVersion());
            mapper.applyCasualty(casualty, input, "");
            changed(incident, before);
        });
        return found.map(CasualtyView::from);
    }

    @Transactional
    public Optional<CasualtyView> patch(long incidentId, long casualtyId, JsonNode patch, Long ifMatch) {
        incident(incidentId);
        Optional<Casualty> found = casualties.findInIncident(incidentId, casualtyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ETags.check("Casualty " + casualtyId, ifMatch, null, found.get().getVersion());
        CasualtyInput merged = mergePatch.apply(CasualtyView.from(found.get()), patch, CasualtyInput.class);
        return update(incidentId, casualtyId, merged, null);
    }

    @Transactional
    public boolean delete(long incidentId, long casualtyId, Long ifMatch) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Optional<Casualty> found = casualties.findInIncident(incidentId, casualtyId);
        if (found.isEmpty()) {
            return false;
        }
        ETags.check("Casualty " + casualtyId, ifMatch, null, found.get().getVersion());
        incident.getCasualties().remove(found.get());
        changed(incident, before);
        return true;
    }

    private void changed(Incident incident, IncidentView before) {
        incident.derive();
        incident.touch();
        incidents.flush();
        history.updated(incident, before, history.currentUser());
    }

    private Incident incident(long id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }
}
