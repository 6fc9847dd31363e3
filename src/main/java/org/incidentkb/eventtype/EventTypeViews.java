package org.incidentkb.eventtype;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API records of the event taxonomy. */
public final class EventTypeViews {

    private EventTypeViews() {
    }

    @Schema(name = "EventCategory", description = "An event category (ACLED event type) with its types (ACLED sub-event types)")
    public record CategoryView(
            @Schema(example = "explosions-remote-violence") String code,
            @Schema(example = "Explosions/Remote violence") String label,
            String description,
            List<TypeView> types) {

        public static CategoryView from(EventCategory category) {
            return new CategoryView(category.getCode(), category.getLabel(), category.getDescription(),
                    category.getTypes().stream().map(TypeView::from).toList());
        }
    }

    @Schema(name = "EventType", description = "An event type (ACLED sub-event type)")
    public record TypeView(
            @Schema(example = "air-drone-strike") String code,
            @Schema(example = "Air/drone strike") String label,
            String description) {

        public static TypeView from(EventType type) {
            return new TypeView(type.getCode(), type.getLabel(), type.getDescription());
        }
    }
}
