package org.incidentkb.eventtype;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The second level of the event taxonomy (ACLED's sub-event type), e.g. "Air/drone strike". */
@Entity
@Cacheable
@Table(name = "event_type")
public class EventType {

    @Id
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_code")
    private EventCategory category;

    private String label;
    private String description;
    private int position;

    protected EventType() {
    }

    public String getCode() {
        return code;
    }

    public EventCategory getCategory() {
        return category;
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
}
