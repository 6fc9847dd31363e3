package org.incidentkb.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.source.SourceApi.SourceInput;
import org.incidentkb.source.SourceApi.SourceView;

/** The HTTP operations and their OpenAPI documentation; SourceResource serves them. */
@Path("/sources")
@Tag(name = "Sources", description = "News reports and other documents that incidents, casualty figures and claims rest on")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface SourceOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listSources", summary = "List or search sources",
            description = "Sources sorted by publisher. `publisher` matches any part of the publisher's name, ignoring case.")
    @APIResponse(responseCode = "200", description = "A page of sources",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = @Content(schema = @Schema(implementation = SourcePage.class)))
    Response list(
            @Parameter(description = "Text to find in the publisher's name, case-insensitive", example = "rudaw")
            @QueryParam("publisher") String publisher,
            @BeanParam PageParams pages,
            @Context UriInfo uri);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSource", summary = "Read a source")
    @APIResponse(responseCode = "200", description = "The source", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = SourceView.class),
                    examples = @ExampleObject(name = "Rudaw", value = SourceExamples.VIEW)))
    Response get(@Parameter(description = "Source id", example = "1") @PathParam("id") long id);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSource", summary = "Create a source", description = "A URL, when given, must not belong to another source.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Rudaw", value = SourceExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION),
            @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = SourceView.class),
                    examples = @ExampleObject(name = "Rudaw", value = SourceExamples.VIEW)))
    @APIResponse(responseCode = "409", description = "Another source has that URL",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response create(@NotNull @Valid SourceInput input, @Context UriInfo uri);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSource", summary = "Replace a source", description = "Takes the whole source, e.g. the body a GET returned "
            + "with changes; read-only fields are ignored.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Rudaw", value = SourceExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "The updated source", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = SourceView.class)))
    Response replace(@Parameter(description = "Source id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SourceInput input);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchSource", summary = "Change some fields of a source", description = "JSON Merge Patch (RFC 7386): fields present "
            + "replace the current ones, null removes them, absent ones stay.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "title", value = SourceExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated source", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = SourceView.class)))
    Response patch(@Parameter(description = "Source id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteSource", summary = "Delete a source", description = "Refused with 409 while incidents, casualties or claims cite it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The source is still cited", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response delete(@Parameter(description = "Source id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    /** The JSON page of sources, for the OpenAPI document. */
    @Schema(name = "SourcePage", description = "A page of sources")
    class SourcePage extends org.incidentkb.common.PageSchema.WithCursor {
        public java.util.List<SourceApi.SourceView> items;
    }
}
