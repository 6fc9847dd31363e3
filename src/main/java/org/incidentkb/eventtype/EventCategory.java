package org.incidentkb.eventtype;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;

/** The first level of the event taxonomy (ACLED's event type), e.g. "Explosions/Remote violence". */
@Entity
@Cacheable
@Table(name = "event_category")
public class EventCategory {

    @Id
    private String code;
    private String label;
    private String description;
    private int position;

    @OneToMany(mappedBy = "category")
    @OrderBy("position")
    private List<EventType> types;

    protected EventCategory() {
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }

    public List<EventType> getTypes() {
        return types;
    }
}
