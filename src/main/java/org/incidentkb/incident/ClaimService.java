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
import org.incidentkb.incident.IncidentApi.ClaimInput;
import org.incidentkb.incident.IncidentApi.ClaimView;

/** Claims about one incident. Every change recomputes the incident's claim status. */
@ApplicationScoped
public class ClaimService {

    private final IncidentRepository incidents;
    private final ClaimRepository claims;
    private final IncidentMapper mapper;
    private final MergePatch mergePatch;
    private final IncidentHistory history;

    public ClaimService(IncidentRepository incidents, ClaimRepository claims, IncidentMapper mapper,
            MergePatch mergePatch,
            IncidentHistory history) {
        this.history = history;
        this.incidents = incidents;
        this.claims = claims;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
    }

    public List<ClaimView> list(long incidentId) {
        return incident(incidentId).getClaims().stream().map(ClaimView::from).toList();
    }

    public Optional<ClaimView> get(long incidentId, long claimId) {
        incident(incidentId);
        return claims.findInIncident(incidentId, claimId).map(ClaimView::from);
    }

    @Transactional
    public ClaimView create(long incidentId, ClaimInput input) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Claim claim = new Claim(incident);
        mapper.applyClaim(claim, input, "");
        incident.getClaims().add(claim);
        changed(incident, before);
        return ClaimView.from(claim);
    }

    @Transactional
    public Optional<ClaimView> update(long incidentId, long claimId, ClaimInput input, Long ifMatch) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Optional<Claim> found = claims.findInIncident(incidentId, claimId);
        found.ifPresent(claim -> {
            ETags.check("Claim " + claimId, ifMatch, input.version(), claim.getVersion());
            mapper.applyClaim(claim, input, "");
            changed(incident, before);
        });
        return found.map(ClaimView::from);
    }

    @Transactional
    public Optional<ClaimView> patch(long incidentId, long claimId, JsonNode patch, Long ifMatch) {
        incident(incidentId);
        Optional<Claim> found = claims.findInIncident(incidentId, claimId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ETags.check("Claim " + claimId, ifMatch, null, found.get().getVersion());
        ClaimInput merged = mergePatch.apply(ClaimView.from(found.get()), patch, ClaimInput.class);
        return update(incidentId, claimId, merged, null);
    }

    @Transactional
    public boolean delete(long incidentId, long claimId, Long ifMatch) {
        Incident incident = incident(incidentId);
        IncidentView before = IncidentView.from(incident);
        Optional<Claim> found = claims.findInIncident(incidentId, claimId);
        if (found.isEmpty()) {
            return false;
        }
        ETags.check("Claim " + claimId, ifMatch, null, found.get().getVersion());
        incident.getClaims().remove(found.get());
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
