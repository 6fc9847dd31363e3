package org.incidentkb.imports;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
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
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Problem;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Roles;
import org.incidentkb.imports.ImportApi.JobView;

@Path("/imports")
@Tag(name = "Imports", description = "Bulk import of GTD, ACLED and UCDP GED exports and of this API's own NDJSON, "
        + "as jobs with progress and a report. Rows are matched to incidents by their external references, so an "
        + "import can be run again: it creates nothing twice and changes only what changed.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    private final ImportService service;
    private final SecurityIdentity identity;

    public ImportResource(ImportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes({ Format.CSV_TYPE, Format.NDJSON_TYPE, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(operationId = "importFile", summary = "Import a file", description = """
            Takes the file as the request body (`curl --data-binary @file`), streamed to disk, never held in memory, \
            and imports it row by row. `format`: `gtd` (Global Terrorism Database CSV, Windows-1252 unless the \
            Content-Type names a charset), `acled` (ACLED export CSV), `ucdp-ged` (UCDP GED CSV) or `ndjson` (one \
            incident per line, as GET /incidents?format=ndjson writes them; actors and sources are matched by name).

            Each row becomes an incident with its actors (matched by name or alias, created once otherwise), \
            casualty records, claims, sources and external reference (`GTD:eventid`, `ACLED:event_id_cnty`, \
            `UCDP:id`). A row whose external reference is known updates that incident, and changes nothing when \
            nothing changed. One bad row fails alone and is listed with its line.

            A small body (up to 1 MiB by default) is imported before the answer: 201 with the finished job. A larger \
            one answers 202 at once; follow `Location` to see its progress and, at the end, its report.

            A leading byte order mark is skipped. A CSV file whose header lacks the format's id column (`eventid`, \
            `event_id_cnty`, `id`) is another kind of file: the job ends FAILED at once, with a message saying so, \
            and nothing is written. An NDJSON line longer than a request body may be (10 MB), such as a JSON array \
            on one line, fails as a row.""")
    @RequestBody(content = {
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "ACLED", value = ImportExamples.ACLED)),
            @Content(mediaType = Format.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "NDJSON", value = ImportExamples.NDJSON)) })
    @APIResponse(responseCode = "201", description = "Imported before the answer; the body is the finished job",
            headers = @Header(name = "Location", description = "URL of the job"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "done", value = ImportExamples.DONE)))
    @APIResponse(responseCode = "202", description = "Running as a job; follow Location for progress and the report",
            headers = @Header(name = "Location", description = "URL of the job"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "running", value = ImportExamples.RUNNING)))
    @APIResponse(responseCode = "503", description = "Already receiving as many uploads as allowed at once "
            + "(kb.security.max-concurrent-uploads); retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The Content-Type is not text/csv, application/x-ndjson "
            + "or application/octet-stream (text/plain is refused: a cross-site form could send it)", content = @Content(mediaType = ApiDocs.PROBLEM,
                    schema = @Schema(implementation = Problem.class)))
    public Response importFile(
            @Parameter(description = "gtd, acled, ucdp-ged or ndjson", required = true, example = "acled",
                    schema = @Schema(enumeration = { "gtd", "acled", "ucdp-ged", "ndjson" }))
            @QueryParam("format") String format,
            @Parameter(description = "Content type, optionally with the file's charset", example = "text/csv; charset=windows-1252")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body, @Context UriInfo uri) {
        ImportFormat chosen = ImportFormat.of(format);
        ImportService.Accepted accepted = service.accept(chosen, charset(contentType), body,
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
        var location = uri.getBaseUriBuilder().path("imports").path(accepted.job().id()).build();
        return Response.status(accepted.finished() ? 201 : 202).location(location).entity(accepted.job()).build();
    }

    @GET
    @Operation(operationId = "listImports", summary = "List imports", description = "Import jobs, newest first.")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = @Content(schema = @Schema(implementation = JobPage.class)))
    public Response list(@BeanParam PageParams pages,
            @Context UriInfo uri) {
        Paging paging = pages.paging();
        return Paging.ok(paging.result(service.recent(paging), uri));
    }

    @GET
    @Path("/{jobId}")
    @Operation(operationId = "getImport", summary = "Read an import job", description = "Its state, progress (rows read, rows per second, "
            + "estimated seconds left) and report (received, created, updated, skipped, failed and the first 1,000 "
            + "errors with their lines).")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(
            schema = @Schema(implementation = JobView.class), examples = @ExampleObject(name = "done", value = ImportExamples.DONE)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = ApiDocs.PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public JobView get(@Parameter(description = "Job id", example = "0b7e6c1e-4c1f-4d55-9d34-2f1a4d3c9b10")
            @PathParam("jobId") String id) {
        return service.get(id).orElseThrow(() -> ProblemException.notFound("Import job", id));
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String name;
        try {
            name = MediaType.valueOf(contentType).getParameters().get("charset");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Content-Type", "'" + contentType + "' is not a media type");
        }
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.replace("\"", "").trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalid("Content-Type", "charset '" + name + "' is not one this service knows");
        }
    }

    @Schema(name = "ImportJobPage", description = "A page of import jobs")
    public static class JobPage extends org.incidentkb.common.PageSchema {
        public java.util.List<JobView> items;
    }
}
