package org.incidentkb.incident;

import jakarta.validation.Validator;
import org.incidentkb.common.EntityTags;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.ClaimView;

/** Serves {@link ClaimOperations}. */
public class ClaimResource extends IncidentChildResource<ClaimInput, ClaimView> implements ClaimOperations {

    public ClaimResource(ClaimService service, EntityTags tags, Validator validator) {
        super(service, tags, validator, "Claim", ClaimView::id, ClaimView::version);
    }
}
