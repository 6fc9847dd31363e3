package org.incidentkb.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Count;
import org.incidentkb.common.Format;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.api.IncidentApi;
import org.incidentkb.incident.api.IncidentExamples;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Stance;

/**
 * Claims and casualty records across all incidents.
 *
 * <p>The HTTP operations and their OpenAPI documentation; RecordSearchResource serves them.
 */
@Path("/")
@Tag(name = "Queries across incidents", description = "Claims and casualty records of every incident, filtered and paged")
@Produces({ MediaType.APPLICATION_JSON, Format.CSV_TYPE })
@RolesAllowed(Roles.READER)
public interface RecordSearchOperations {

    String FORMAT = "json (a page, the default) or csv (one row per record: every match, or "
            + "the page that page or size names), instead of the Accept header";

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("claims")
    @Operation(operationId = "searchClaims", summary = "Search claims across incidents", description = "Claims, denials and attributions of every "
            + "incident, newest statement first (undated ones last), each with its incident. Repeated parameters "
            + "match any of their values.")
    @APIResponse(responseCode = "200", description = "A page of claims",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimPage.class),
                            examples = @ExampleObject(name = "IRGC", value = IncidentExamples.CLAIM_PAGE)),
                    @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING), examples =
                            @ExampleObject(name = "IRGC", value = IncidentExamples.CLAIM_CSV)) })
    @APIResponse(responseCode = "503", description = ApiDocs.COUNT_TIMEOUT,
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "count too long", value = ApiDocs.CLAIMS_COUNT_TIMEOUT_EXAMPLE)))
    Response claims(
            @Parameter(description = "The actor the statement is about, by id, name or alias; repeatable",
                    example = "IRGC") @QueryParam("actor") List<String> actor,
            @Parameter(description = "CLAIMED, DENIED or ATTRIBUTED; repeatable", example = "CLAIMED",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Stance.class))
            @QueryParam("stance") List<String> stance,
            @Parameter(description = "STATEMENT, SOCIAL_MEDIA, VIDEO, PRESS_CONFERENCE, LETTER, PHONE_CALL, "
                    + "NOTE_AT_SCENE, PERSONAL, OTHER or UNKNOWN; repeatable", example = "STATEMENT",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Channel.class))
            @QueryParam("channel") List<String> channel,
            @Parameter(description = "CONFIRMED, PLAUSIBLE, DOUBTFUL or UNVERIFIED; repeatable", example = "UNVERIFIED",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Credibility.class))
            @QueryParam("credibility") List<String> credibility,
            @Parameter(description = "Statements made on or after this day", example = "2024-01-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Statements made on or before this day", example = "2024-01-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @BeanParam PageParams pages,
            @Parameter(description = Count.PARAMETER + " JSON pages only.", schema = @Schema(enumeration = { "exact" }))
            @QueryParam("count") String count,
            @Parameter(description = FORMAT, example = "csv", schema = @Schema(enumeration = { "json", "csv" }))
            @QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers);

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("casualties")
    @Operation(operationId = "searchCasualties", summary = "Search casualty records across incidents", description = "Casualty records of every "
            + "incident, most recent incident first, each with its incident: by category, by text in a named "
            + "person's name or description, by the actor the people belong to.")
    @APIResponse(responseCode = "200", description = "A page of casualty records",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CasualtyPage.class),
                            examples = @ExampleObject(name = "Abu Taqwa", value = IncidentExamples.CASUALTY_PAGE)),
                    @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING), examples =
                            @ExampleObject(name = "Abu Taqwa", value = IncidentExamples.CASUALTY_CSV)) })
    @APIResponse(responseCode = "503", description = ApiDocs.COUNT_TIMEOUT,
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "count too long", value = ApiDocs.CASUALTIES_COUNT_TIMEOUT_EXAMPLE)))
    Response casualties(
            @Parameter(description = "ALL, CIVILIAN, MILITARY, SECURITY_FORCES, MILITANT or UNKNOWN; repeatable",
                    example = "MILITANT", schema = @Schema(type = SchemaType.ARRAY, implementation = CasualtyCategory.class)) @QueryParam("category") List<String> category,
            @Parameter(description = "Text in a named person's name or description: case-insensitive, spelling variants "
                    + "folded as in `q` of `/incidents` (`hamza` finds `Ḥamza`)",
                    example = "Abu Taqwa") @QueryParam("q") String q,
            @Parameter(description = "The actor the people belong to, by id, name or alias; repeatable",
                    example = "Harakat al-Nujaba") @QueryParam("affiliation") List<String> affiliation,
            @BeanParam PageParams pages,
            @Parameter(description = Count.PARAMETER + " JSON pages only.", schema = @Schema(enumeration = { "exact" }))
            @QueryParam("count") String count,
            @Parameter(description = FORMAT, example = "csv", schema = @Schema(enumeration = { "json", "csv" }))
            @QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers);

    @Schema(name = "ClaimPage", description = "A page of claims with their incidents")
    class ClaimPage extends org.incidentkb.common.PageSchema {
        public List<IncidentApi.ClaimEntry> items;
    }

    @Schema(name = "CasualtyPage", description = "A page of casualty records with their incidents")
    class CasualtyPage extends org.incidentkb.common.PageSchema {
        public List<IncidentApi.CasualtyEntry> items;
    }
}
