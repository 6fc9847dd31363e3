package org.incidentkb.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.MergePatch;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.ClaimView;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.ClaimRepository;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentChanges;
import org.incidentkb.incident.write.IncidentMapper;

/** Claims about one incident. Every change recomputes the incident's claim status. */
@ApplicationScoped
public class ClaimService extends IncidentChildService<Claim, ClaimInput, ClaimView> {

    private final ClaimRepository claims;
    private final IncidentMapper mapper;

    public ClaimService(IncidentRepository incidents, ClaimRepository claims, IncidentMapper mapper,
            MergePatch mergePatch, IncidentChanges changes) {
        super(incidents, mergePatch, changes, "Claim", ClaimInput.class);
        this.claims = claims;
        this.mapper = mapper;
    }

    @Override
    protected List<Claim> of(Incident incident) {
        return incident.getClaims();
    }

    @Override
    protected Optional<Claim> find(long incidentId, long id) {
        return claims.findInIncident(incidentId, id);
    }

    @Override
    protected Claim newIn(Incident incident) {
        return new Claim(incident);
    }

    @Override
    protected void apply(Claim record, ClaimInput input) {
        mapper.applyClaim(record, input, "");
    }

    @Override
    protected ClaimView view(Claim record) {
        return ClaimView.from(record);
    }

    @Override
    protected Long versionIn(ClaimInput input) {
        return input.version();
    }
}
