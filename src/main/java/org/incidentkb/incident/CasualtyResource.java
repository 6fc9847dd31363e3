package org.incidentkb.incident;

import jakarta.validation.Validator;
import org.incidentkb.common.EntityTags;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.CasualtyView;

/** Serves {@link CasualtyOperations}. */
public class CasualtyResource extends IncidentChildResource<CasualtyInput, CasualtyView> implements CasualtyOperations {

    public CasualtyResource(CasualtyService service, EntityTags tags, Validator validator) {
        super(service, tags, validator, "Casualty", CasualtyView::id, CasualtyView::version);
    }
}
