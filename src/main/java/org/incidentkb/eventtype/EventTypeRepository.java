package org.incidentkb.eventtype;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EventTypeRepository implements PanacheRepositoryBase<EventType, String> {
}
