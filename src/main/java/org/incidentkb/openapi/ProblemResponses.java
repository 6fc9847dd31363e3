package org.incidentkb.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Problem;

/**
 * The problem answers every operation can give for the same reasons, documented once instead of on each operation:
 * 400 everywhere (an unknown query parameter is refused on every endpoint), 404 when its path names a record, 409
 * (stale version) and 412 when it reads If-Match, and 500 everywhere, each with the problem schema and an example;
 * the 401 and 403 of operations that need a role get the problem schema too. An operation that
 * documents a status itself (a 409 that means a name is taken, a 404 that says which record) keeps its own.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean versioned = parameters.stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()));
            add(operation, "400", ApiDocs.BAD_REQUEST, ApiDocs.VALIDATION_EXAMPLE);
            if (path.contains("{")) {
                add(operation, "404", ApiDocs.NOT_FOUND, ApiDocs.NOT_FOUND_EXAMPLE);
            }
            if (versioned && (method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
                add(operation, "409", ApiDocs.CONFLICT, ApiDocs.CONFLICT_EXAMPLE);
            }
            if (versioned) {
                add(operation, "412", ApiDocs.PRECONDITION_FAILED, ApiDocs.PRECONDITION_EXAMPLE);
            }
            add(operation, "500", ApiDocs.SERVER_ERROR, null);
            describe(operation, "401", ApiDocs.UNAUTHORIZED, ApiDocs.UNAUTHORIZED_EXAMPLE);
            describe(operation, "403", ApiDocs.FORBIDDEN, ApiDocs.FORBIDDEN_EXAMPLE);
        }));
    }

    /**
     * The 401 and 403 that the security layer documents for operations that need a role, with their problem body:
     * every 4xx the API answers is problem+json, and the document says so.
     */
    private static void describe(Operation operation, String status, String description, String example) {
        if (operation.getResponses() == null || !operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        var response = operation.getResponses().getAPIResponse(status);
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            operation.getResponses().removeAPIResponse(status);
            add(operation, status, description, example);
            operation.getResponses().getAPIResponse(status).setHeaders(response.getHeaders());
        }
    }

    private static void add(Operation operation, String status, String description, String example) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        var mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        if (example != null) {
            mediaType.addExample(status.equals("400") ? "validation" : "example",
                    OASFactory.createExample().value(parse(example)));
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType)));
    }

    private static Object parse(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example of ApiDocs is not JSON", e);
        }
    }
}
