package org.incidentkb.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.MergePatch;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.CasualtyView;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.CasualtyRepository;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentChanges;
import org.incidentkb.incident.write.IncidentMapper;

/** Casualty records of one incident. Every change recomputes the incident's casualty summary. */
@ApplicationScoped
public class CasualtyService extends IncidentChildService<Casualty, CasualtyInput, CasualtyView> {

    private final CasualtyRepository casualties;
    private final IncidentMapper mapper;

    public CasualtyService(IncidentRepository incidents, CasualtyRepository casualties, IncidentMapper mapper,
            MergePatch mergePatch, IncidentChanges changes) {
        super(incidents, mergePatch, changes, "Casualty", CasualtyInput.class);
        this.casualties = casualties;
        this.mapper = mapper;
    }

    @Override
    protected List<Casualty> of(Incident incident) {
        return incident.getCasualties();
    }

    @Override
    protected Optional<Casualty> find(long incidentId, long id) {
        return casualties.findInIncident(incidentId, id);
    }

    @Override
    protected Casualty newIn(Incident incident) {
        return new Casualty(incident);
    }

    @Override
    protected void apply(Casualty record, CasualtyInput input) {
        mapper.applyCasualty(record, input, "");
    }

    @Override
    protected CasualtyView view(Casualty record) {
        return CasualtyView.from(record);
    }

    @Override
    protected Long versionIn(CasualtyInput input) {
        return input.version();
    }
}
