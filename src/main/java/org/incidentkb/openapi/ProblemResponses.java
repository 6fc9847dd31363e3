package org.incidentkb.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Problem;

/**
 * The problem answers every operation can give for the same reasons, documented once instead of on each operation:
 * 400 everywhere (an unknown query parameter is refused on every endpoint), 404 when its path names a record, 409
 * (stale version) and 412 when it reads If-Match, 500 everywhere and 503 (busy) everywhere, each with the problem schema and an example;
 * the 401 and 403 of operations that need a role get the problem schema too. An operation that
 * documents a status itself (a 409 that means a name is taken, a 404 that says which record) keeps its own. Each
 * example answers a request to its own operation: its {@code instance} is the operation's path (ids filled in), and a
 * 404 names the kind of record the path's last id is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record a path's last id names, by the collection before it, as the 404s of the resources say. */
    private static final Map<String, String> RECORDS = Map.of("incidents", "Incident", "actors", "Actor", "sources",
            "Source", "links", "Link", "users", "User", "imports", "Import job", "matching", "Matching run",
            "event-types", "Event category", "claims", "Claim", "casualties", "Casualty");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean versioned = parameters.stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()));
            add(operation, path, "400", ApiDocs.BAD_REQUEST, ApiDocs.VALIDATION_EXAMPLE);
            if (path.contains("{")) {
                add(operation, path, "404", ApiDocs.NOT_FOUND, ApiDocs.NOT_FOUND_EXAMPLE);
            }
            if (versioned && (method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
                add(operation, path, "409", ApiDocs.CONFLICT, ApiDocs.CONFLICT_EXAMPLE);
            }
            if (versioned) {
                add(operation, path, "412", ApiDocs.PRECONDITION_FAILED, ApiDocs.PRECONDITION_EXAMPLE);
            }
            add(operation, path, "500", ApiDocs.SERVER_ERROR, null);
            unavailable(operation, path);
            describe(operation, path, "401", ApiDocs.UNAUTHORIZED, ApiDocs.UNAUTHORIZED_EXAMPLE);
            describe(operation, path, "403", ApiDocs.FORBIDDEN, ApiDocs.FORBIDDEN_EXAMPLE);
        }));
    }

    /**
     * The 503 of a busy service (no database connection free), with its Retry-After; an operation that documents a 503
     * of its own (a count past its timeout) gets the busy reason added to its description.
     */
    private static void unavailable(Operation operation, String path) {
        if (operation.getResponses() == null) {
            return;
        }
        var declared = operation.getResponses().getAPIResponse("503");
        if (declared != null) {
            declared.setDescription(declared.getDescription() + ". Or: " + ApiDocs.UNAVAILABLE);
            return;
        }
        add(operation, path, "503", ApiDocs.UNAVAILABLE, ApiDocs.UNAVAILABLE_EXAMPLE);
        operation.getResponses().getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    /**
     * The 401 and 403 that the security layer documents for operations that need a role, with their problem body:
     * every 4xx the API answers is problem+json, and the document says so.
     */
    private static void describe(Operation operation, String path, String status, String description, String example) {
        if (operation.getResponses() == null || !operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        var response = operation.getResponses().getAPIResponse(status);
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            operation.getResponses().removeAPIResponse(status);
            add(operation, path, status, description, example);
            operation.getResponses().getAPIResponse(status).setHeaders(response.getHeaders());
        }
    }

    /**
     * The problem response of this status, with its example at this path. A 404 the resource declares itself without
     * an example (the claims and casualties of an incident, for every operation at once) gets the example of its path.
     */
    private static void add(Operation operation, String path, String status, String description, String example) {
        if (operation.getResponses() == null) {
            return;
        }
        var declared = operation.getResponses().getAPIResponse(status);
        if (declared != null) {
            var problem = declared.getContent() == null ? null : declared.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (status.equals("404") && problem != null && problem.getExample() == null
                    && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
                problem.addExample("example", OASFactory.createExample().value(at(parse(example), path, status)));
            }
            return;
        }
        var mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        if (example != null) {
            mediaType.addExample(status.equals("400") ? "validation" : "example",
                    OASFactory.createExample().value(at(parse(example), path, status)));
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType)));
    }

    /**
     * The example as answered at {@code path}: its instance that path, with 2 for each id and, in a 404, 999999 for
     * the last one, which the detail then names.
     */
    @SuppressWarnings("unchecked")
    private static Object at(Object example, String path, String status) {
        Map<String, Object> problem = (Map<String, Object>) example;
        int last = path.lastIndexOf('{');
        boolean missing = status.equals("404") && last >= 0;
        String instance = (missing ? path.substring(0, last) : path).replaceAll("\\{[^}]+}", "2");
        if (missing) {
            String collection = instance.substring(instance.lastIndexOf('/', instance.length() - 2) + 1,
                    instance.length() - 1);
            instance += "999999" + path.substring(path.indexOf('}', last) + 1).replaceAll("\\{[^}]+}", "2");
            problem.put("detail", RECORDS.getOrDefault(collection, "Record") + " 999999 does not exist");
        }
        problem.put("instance", instance);
        return problem;
    }

    private static Object parse(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example of ApiDocs is not JSON", e);
        }
    }
}
