package org.incidentkb.link;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.link.LinkApi.LinkPage;
import org.incidentkb.link.LinkApi.LinkView;

/** The HTTP operations on links (the review queue) and their OpenAPI documentation; LinkResource serves them. */
@Path("/links")
@Tag(name = "Links", description = "Links between incidents: one event in several datasets (SAME_EVENT, proposed by "
        + "matching and decided by editors), and PART_OF, RESPONSE_TO and RELATED links from what sources say")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface LinkOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listLinks", summary = "List links (the review queue)", description = "Links by id, "
            + "filtered: e.g. `status=PROPOSED&minScore=0.8` is the queue of strong proposals an editor confirms or "
            + "rejects, and `status=PROPOSED&sort=uncertainty` the queue of the doubtful ones first, each saying in "
            + "`evidence.carriedBy` what carried its score. `dataset` and `country` match a link when either of its "
            + "incidents matches. Pages by number, or walk the whole queue by id with each page's `cursor` passed as "
            + "`after`.")
    @APIResponse(responseCode = "200", description = "A page of links",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and last pages"),
            content = @Content(schema = @Schema(implementation = LinkPage.class)))
    Response list(
            @Parameter(description = "PROPOSED, CONFIRMED or REJECTED; repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Link.Status.class), example = "PROPOSED")
            @QueryParam("status") List<String> status,
            @Parameter(description = "SAME_EVENT, PART_OF, RESPONSE_TO or RELATED; repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Link.Relation.class), example = "SAME_EVENT")
            @QueryParam("relation") List<String> relation,
            @Parameter(description = "A dataset either incident came from (ACLED, UCDP or GTD; another name is a 400); "
                    + "repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), example = "GTD")
            @QueryParam("dataset") List<String> dataset,
            @Parameter(description = "Lowest score, 0 to 1 (links without a score, made by editors, do not pass)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"), example = "0.8")
            @QueryParam("minScore") String minScore,
            @Parameter(description = "ISO 3166-1 alpha-3 code or country name of either incident; repeatable",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), example = "IRQ")
            @QueryParam("country") List<String> country,
            @Parameter(description = "Keyset cursor from a previous page's `cursor`: the page after it, at a cost that "
                    + "does not grow with depth. Keep the same filters; not with page, nor with `sort=uncertainty` "
                    + "(e.g. `bGluazo1MA`)")
            @QueryParam("after") String after,
            @Parameter(description = "`id` (the default) or `uncertainty`: the proposals an editor's decision helps most "
                    + "first, those whose score is nearest matching's default threshold (links without a score last), "
                    + "then by id; paged by number",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "id", "uncertainty" }),
                    example = "uncertainty")
            @QueryParam("sort") String sort,
            @BeanParam PageParams pages,
            @Context UriInfo uri);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLink", summary = "Read a link")
    @APIResponse(responseCode = "200", description = "The link", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = LinkView.class), examples = {
                    @ExampleObject(name = "al-Asad", value = LinkExamples.VIEW),
                    @ExampleObject(name = "proposed by matching", value = LinkExamples.PROPOSED) }))
    Response get(@Parameter(description = "Link id", example = "1") @PathParam("id") long id);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes({ MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchLink", summary = "Confirm or reject a link, or change its note", description = "JSON "
            + "Merge Patch of `status` and `note`. CONFIRMED or REJECTED records the editor as who decided it; a "
            + "REJECTED SAME_EVENT link no longer joins its incidents into one event, and matching never proposes it "
            + "again. The change appears in both incidents' history.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "confirm", value = LinkExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated link", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = LinkView.class)))
    Response patch(@Parameter(description = "Link id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Operation(operationId = "deleteLink", summary = "Delete a link", description = "Removes the link; the deletion "
            + "stays in both incidents' history. To keep matching from proposing a SAME_EVENT link again, reject it "
            + "instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    Response delete(@Parameter(description = "Link id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
