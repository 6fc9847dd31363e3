package org.incidentkb.eventtype;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.incidentkb.common.ProblemException;

/** Reads the event taxonomy, and resolves the category and type an incident names. */
@ApplicationScoped
public class EventTypeService {

    private final EventCategoryRepository categories;
    private final EventTypeRepository types;

    public EventTypeService(EventCategoryRepository categories, EventTypeRepository types) {
        this.categories = categories;
        this.types = types;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventTypeViews.CategoryView> list() {
        return categories.listWithTypes().stream().map(EventTypeViews.CategoryView::from).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EventTypeViews.CategoryView> category(String code) {
        return categories.findByIdOptional(code).map(EventTypeViews.CategoryView::from);
    }

    /** The codes of every category and type, read once (an import checks each row against them). */
    @Transactional
    public Codes codes() {
        return new Codes(categories.listAll().stream().map(EventCategory::getCode).collect(Collectors.toUnmodifiableSet()),
                types.listAll().stream().map(EventType::getCode).collect(Collectors.toUnmodifiableSet()));
    }

    /** Category and type codes. */
    public record Codes(Set<String> categories, Set<String> types) {
    }

    public boolean isCategory(String code) {
        return categories.findByIdOptional(code).isPresent();
    }

    public boolean isType(String code) {
        return types.findByIdOptional(code).isPresent();
    }

    /**
     * The category and type named by an incident: the type alone implies its category; both together must agree.
     * Reported against the fields {@code category} and {@code type}.
     */
    public Classification classify(String categoryCode, String typeCode) {
        EventType type = null;
        if (typeCode != null) {
            type = types.findByIdOptional(typeCode).orElseThrow(() -> ProblemException.invalid("type",
                    "unknown event type '" + typeCode + "'; see GET /api/v1/event-types"));
        }
        EventCategory category;
        if (categoryCode != null) {
            category = categories.findByIdOptional(categoryCode).orElseThrow(() -> ProblemException.invalid("category",
                    "unknown event category '" + categoryCode + "'; see GET /api/v1/event-types"));
            if (type != null && !type.getCategory().getCode().equals(category.getCode())) {
                throw ProblemException.invalid("type", "'" + typeCode + "' belongs to category '"
                        + type.getCategory().getCode() + "', not '" + categoryCode + "'");
            }
        } else if (type != null) {
            category = type.getCategory();
        } else {
            throw ProblemException.invalid("category", "a category or a type is required");
        }
        return new Classification(category, type);
    }

    public record Classification(EventCategory category, EventType type) {
    }
}
