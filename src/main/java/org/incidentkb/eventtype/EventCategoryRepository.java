package org.incidentkb.eventtype;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class EventCategoryRepository implements PanacheRepositoryBase<EventCategory, String> {

    public List<EventCategory> listWithTypes() {
        return find("select distinct c from EventCategory c left join fetch c.types order by c.position").list();
    }
}
