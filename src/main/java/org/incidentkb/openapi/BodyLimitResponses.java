package org.incidentkb.openapi;

import org.incidentkb.common.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what {@link BodyLimit} answers on every operation taking a body outside imports: 413 for a body over
 * kb.max-request-body, 411 for one of undeclared length. Registered with {@code mp.openapi.filter}.
 */
public class BodyLimitResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.contains("/imports")) {
                return;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getResponses() != null) {
                    add(operation, "413", "The body is larger than kb.max-request-body (10 MB by default)");
                    add(operation, "411", "The body was sent without a Content-Length (chunked)");
                }
            }
        });
    }

    private static void add(Operation operation, String status, String description) {
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses != null && responses.containsKey(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
    }
}
