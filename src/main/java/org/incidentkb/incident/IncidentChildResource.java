package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.ProblemException;

/**
 * How the records an incident owns are served (casualty records, claims): the HTTP side of
 * {@link IncidentChildService}, with ETags, Location and 404s. The paths, roles and OpenAPI documentation of each
 * kind are on its interface ({@link CasualtyOperations}, {@link ClaimOperations}), which a subclass implements.
 *
 * @param <I> the input record
 * @param <V> the output record
 */
public abstract class IncidentChildResource<I, V> {

    private final IncidentChildService<?, I, V> service;
    private final EntityTags tags;
    private final String label;
    private final Function<V, Long> id;
    private final Function<V, Long> version;
    private final Validator validator;

    protected IncidentChildResource(IncidentChildService<?, I, V> service, EntityTags tags, Validator validator,
            String label, Function<V, Long> id, Function<V, Long> version) {
        this.validator = validator;
        this.service = service;
        this.tags = tags;
        this.label = label;
        this.id = id;
        this.version = version;
    }

    public List<V> list(long incidentId) {
        return service.list(incidentId);
    }

    public Response get(long incidentId, long recordId) {
        return ok(service.get(incidentId, recordId).orElseThrow(() -> ProblemException.notFound(label, recordId)));
    }

    public Response create(long incidentId, I input, UriInfo uri) {
        V created = service.create(incidentId, valid(input));
        return tags.created(uri, id.apply(created), version.apply(created), created);
    }

    public Response replace(long incidentId, long recordId, String ifMatch, I input) {
        return ok(service.update(incidentId, recordId, valid(input), ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound(label, recordId)));
    }

    public Response patch(long incidentId, long recordId, String ifMatch, JsonNode patch) {
        return ok(service.patch(incidentId, recordId, present(patch), ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound(label, recordId)));
    }

    public Response delete(long incidentId, long recordId, String ifMatch) {
        if (!service.delete(incidentId, recordId, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound(label, recordId);
        }
        return Response.noContent().build();
    }

    /** The body, checked as {@code @NotNull @Valid} would check it: a 400 naming each bad field. */
    private I valid(I input) {
        Set<ConstraintViolation<I>> violations = validator.validate(present(input));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private static <T> T present(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be null");
        }
        return body;
    }

    private Response ok(V view) {
        return tags.ok(version.apply(view), view);
    }
}
