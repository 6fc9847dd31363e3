package org.incidentkb.eventtype;

import java.util.List;
import org.incidentkb.common.ProblemException;
import org.incidentkb.eventtype.EventTypeViews.CategoryView;

/** Serves {@link EventTypeOperations}. */
public class EventTypeResource implements EventTypeOperations {

    private final EventTypeService service;

    public EventTypeResource(EventTypeService service) {
        this.service = service;
    }

    @Override
    public List<CategoryView> list() {
        return service.list();
    }

    @Override
    public CategoryView get(String code) {
        return service.category(code).orElseThrow(() -> ProblemException.notFound("Event category", code));
    }
}
