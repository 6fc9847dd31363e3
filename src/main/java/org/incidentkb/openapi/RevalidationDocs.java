package org.incidentkb.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.incidentkb.common.ApiDocs;

/**
 * What a conditional read ({@link org.incidentkb.common.Revalidated}: it documents a 304) has besides: the
 * If-None-Match and Cache-Control request headers, and the ETag and Cache-Control headers of its 200. Written once
 * here rather than on each of the fifteen operations; an operation that documents them itself keeps its own.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RevalidationDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getOperations().get(HttpMethod.GET);
            if (get == null || get.getResponses() == null || !get.getResponses().hasAPIResponse("304")) {
                return;
            }
            boolean asks = get.getParameters() != null && get.getParameters().stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
            if (!asks) {
                get.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description(ApiDocs.IF_NONE_MATCH_COLLECTION)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            boolean directs = get.getParameters() != null && get.getParameters().stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "Cache-Control".equalsIgnoreCase(p.getName()));
            if (!directs) {
                get.addParameter(OASFactory.createParameter().name("Cache-Control").in(Parameter.In.HEADER)
                        .description(ApiDocs.CACHE_CONTROL_REQUEST).example("no-cache")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            APIResponse ok = get.getResponses().getAPIResponse("200");
            if (ok != null) {
                header(ok, "ETag", ApiDocs.COLLECTION_ETAG);
                header(ok, "Cache-Control", ApiDocs.COLLECTION_CACHE_CONTROL);
            }
            header(get.getResponses().getAPIResponse("304"), "ETag", ApiDocs.COLLECTION_ETAG);
        });
    }

    private static void header(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }
}
