package org.incidentkb.incident;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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
import org.incidentkb.common.Format;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Ref;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.api.IncidentApi;
import org.incidentkb.incident.api.IncidentExamples;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.query.IncidentQuery;

/** The HTTP operations and their OpenAPI documentation; IncidentResource serves them. */
@Path("/incidents")
@Tag(name = "Incidents", description = "Conflict incidents with their participants, casualties, claims and sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface IncidentOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Produces({ MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.GEOJSON_TYPE, Format.NDJSON_TYPE })
    @Operation(operationId = "listIncidents", summary = "List, search and export incidents", description = """
            Incidents matching every filter given (a repeated filter matches any of its values), most recent first \
            unless `sort` says otherwise.

            **Paging.** JSON comes in pages: `page` and `size` (at most 500) give the envelope `{items, page, size, \
            total, cursor, links}` and an RFC 8288 `Link` header. To walk far, pass each page's `cursor` as `after`: \
            keyset paging, whose cost does not grow with depth (`total` is then not counted).

            **Representations**, by `Accept` or `format=`: `application/json`; `text/csv` (RFC 4180, one flat row \
            per incident; list columns joined with "; ", a `;` or `\\` inside an item escaped with `\\`, and each \
            participant's CONFIRMED/SUSPECTED in the parallel `perpetratorConfidence` and `targetConfidence` columns); `application/geo+json` (a FeatureCollection of Point features; \
            incidents without coordinates are left out and counted in the `X-Omitted-Without-Coordinates` header); \
            `application/x-ndjson` (one full incident per line, the format `POST /imports?format=ndjson` reads). \
            CSV, GeoJSON and NDJSON stream every match in constant memory unless `page`, `size` or `after` is given; \
            an export that fails once it has begun sending ends with the connection reset (the client reports an \
            incomplete transfer), never as a shorter file that looks whole.

            **Change feed.** With `updatedSince`, the incidents created or changed since then come in update order, \
            and those deleted since as tombstones `{id, deleted: true, deletedAt}` (tombstones ignore the other \
            filters). A mirror stores the `updatedAt` of the last item and asks again from there.""")
    @APIResponse(responseCode = "200", description = "A page of incidents (JSON), or the export in the chosen format",
            headers = {
                    @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
                    @Header(name = IncidentLists.OMITTED_HEADER, description = "GeoJSON only: matching incidents left "
                            + "out because they have no coordinates") },
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentPage.class),
                            examples = @ExampleObject(name = "Erbil", value = IncidentExamples.PAGE)),
                    @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "Erbil", value = IncidentExamples.CSV)),
                    @Content(mediaType = Format.GEOJSON_TYPE, schema = @Schema(implementation = FeatureCollection.class),
                            examples = @ExampleObject(name = "Erbil", value = IncidentExamples.GEOJSON)),
                    @Content(mediaType = Format.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "One Incident (or Tombstone) per line")) })
    @APIResponse(responseCode = "503", description = ApiDocs.COUNT_TIMEOUT,
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "count too long", value = ApiDocs.COUNT_TIMEOUT_EXAMPLE)))
    Response list(@BeanParam IncidentQuery query, @BeanParam ListParams list, @Context UriInfo uri,
            @Context HttpHeaders headers);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getIncident", summary = "Read an incident", description = "The incident with its participants, casualty records, "
            + "claims, sources and the derived `casualtySummary` and `claimStatus`.")
    @APIResponse(responseCode = "200", description = "The incident", headers = {
            @Header(name = "ETag", description = ApiDocs.ETAG),
            @Header(name = "Cache-Control", description = "no-cache: keep it, but ask again with If-None-Match") },
            content = @Content(schema = @Schema(implementation = IncidentView.class),
                    examples = @ExampleObject(name = "Erbil missile attack", value = IncidentExamples.VIEW)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG))
    Response get(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = "An ETag from an earlier read: 304 Not Modified while the incident reads exactly "
                    + "as it did then (a renamed actor or source it shows changes the tag)", example = "\"0-5d41402abc4b2a76\"") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncident", summary = "Create an incident", description = "Creates the incident with its participants and, "
            + "optionally, its casualty records and claims in one request. References name existing actors (by id, "
            + "or by name or alias) and sources (by id); an unknown one is a 400 naming the field. The type implies "
            + "the category. An external reference already held by another incident is a 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Erbil missile attack", value = IncidentExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION),
            @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = IncidentView.class),
                    examples = @ExampleObject(name = "Erbil missile attack", value = IncidentExamples.VIEW)))
    @APIResponse(responseCode = "409", description = "An external reference belongs to another incident",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response create(@NotNull @Valid IncidentInput input, @Context UriInfo uri);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceIncident", summary = "Replace an incident", description = "Takes the whole incident, e.g. the body a GET returned "
            + "with changes; read-only fields are ignored. `casualties` and `claims`, when present, are matched by id "
            + "(update), added (no id) or removed (not listed); when absent they stay as they are. A write that "
            + "changes nothing keeps the version.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Erbil missile attack", value = IncidentExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "The updated incident",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    Response replace(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid IncidentInput input);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchIncident", summary = "Change some fields of an incident", description = "JSON Merge Patch (RFC 7386) on the "
            + "incident's representation: fields present replace the current ones, null removes them, absent ones stay. "
            + "Arrays are replaced whole.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "tags and district", value = IncidentExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated incident",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    Response patch(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteIncident", summary = "Delete an incident", description = "Deletes the incident with its casualty records and claims.")
    @APIResponse(responseCode = "204", description = "Deleted")
    Response delete(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getIncidentHistory", summary = "Read an incident's audit trail", description = "Every change to the incident, its casualty "
            + "records, claims and sources, oldest first: the revision, when, who (the signed-in user, or the user who "
            + "ran the import; shown to signed-in users only), whether it created, updated or deleted the incident, "
            + "and which fields of its representation changed. Changes to its links (made, confirmed, rejected, "
            + "deleted; proposed or withdrawn by matching) are there too, with `link` naming the link and the other "
            + "incident. The history of a deleted incident stays readable by admins.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first", content = @Content(
            schema = @Schema(implementation = IncidentApi.History.class),
            examples = @ExampleObject(name = "created, then patched", value = IncidentExamples.HISTORY)))
    @APIResponse(responseCode = "404", description = "No such incident (or a deleted one, for callers who are not "
            + "admins)", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    IncidentApi.History history(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id);

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("/{id}/sources")
    @Operation(operationId = "listIncidentSources", summary = "List the sources an incident cites")
    @APIResponse(responseCode = "200", description = "The cited sources, with their publisher as name",
            content = @Content(schema = @Schema(implementation = Ref.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "Erbil", value = "[{\"id\": 1, \"name\": \"Rudaw\"}, {\"id\": 2, \"name\": \"Haaretz\"}]")))
    List<Ref> sources(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}/sources/{sourceId}")
    @Operation(operationId = "citeIncidentSource", summary = "Cite a source for an incident", description = "Idempotent: citing a cited source changes nothing.")
    @APIResponse(responseCode = "204", description = "The incident cites the source",
            headers = @Header(name = "ETag", description = "The incident's new ETag"))
    @APIResponse(responseCode = "404", description = "No such incident or source", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response attachSource(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = "Source id", example = "2") @PathParam("sourceId") long sourceId,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}/sources/{sourceId}")
    @Operation(operationId = "removeIncidentSource", summary = "Stop citing a source for an incident")
    @APIResponse(responseCode = "204", description = "Detached",
            headers = @Header(name = "ETag", description = "The incident's new ETag"))
    @APIResponse(responseCode = "404", description = "No such incident or source, or the incident does not cite it",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response detachSource(@Parameter(description = "Incident id", example = "3") @PathParam("id") long id,
            @Parameter(description = "Source id", example = "2") @PathParam("sourceId") long sourceId,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    /** The JSON page of incidents, for the OpenAPI document. */
    @Schema(name = "IncidentPage", description = "A page of incidents; in the change feed items may be tombstones")
    class IncidentPage extends org.incidentkb.common.PageSchema.WithCursor {
        @Schema(description = "Incidents (or, with updatedSince, Tombstones)", type = SchemaType.ARRAY,
                oneOf = { IncidentView.class, IncidentApi.Tombstone.class })
        public List<Object> items;
    }

    /** The GeoJSON document, for the OpenAPI document. */
    @Schema(name = "FeatureCollection", description = "GeoJSON FeatureCollection (RFC 7946)")
    class FeatureCollection {
        @Schema(example = "FeatureCollection")
        public String type;
        public List<IncidentExport.Feature> features;
    }
}
