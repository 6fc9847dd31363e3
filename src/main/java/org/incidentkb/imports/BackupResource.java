package org.incidentkb.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.Format;
import org.incidentkb.common.Roles;

@Path("/export")
@Tag(name = "Imports", description = "Bulk import of GTD, ACLED and UCDP GED exports and of this API's own NDJSON")
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    private final BackupService backup;

    public BackupResource(BackupService backup) {
        this.backup = backup;
    }

    @GET
    @Produces(Format.NDJSON_TYPE)
    @Operation(operationId = "exportKnowledgeBase", summary = "Back up the whole knowledge base", description = """
            Streams every actor, source, incident and link as typed NDJSON lines, each holding the record as the API \
            reads it: `{"kind": "actor", "actor": {...}}` (with aliases, kind, parent, backers and designations), \
            `{"kind": "source", "source": {...}}`, `{"kind": "incident", "incident": {...}}`, then \
            `{"kind": "link", "link": {...}}` (naming its incidents by `uid`, with status, score, evidence and note); \
            between a first line `{"kind": "backup", "backup": {"format": 1, "exportedAt": ...}}` and a last line \
            `{"kind": "end", "end": {"lines": N}}` counting the records between them. A restore refuses, whole, a \
            backup that does not end with that line or whose count does not match (a download cut short); a failed \
            export ends the connection before its last line, so it is never saved as complete by a careful client.

            `POST /imports?format=ndjson` restores the file: into an empty knowledge base it gives the same \
            content (ids aside: references are resolved through the ids the file itself declares, actors also by \
            name); imported again, it changes nothing (actors are matched by name, sources by URL or publisher and \
            title, incidents by their `uid`, links by their incidents and relation).

            Three lines of a backup (shortened):

            ```
            """ + ImportExamples.BACKUP + """
            ```""")
    @APIResponse(responseCode = "200", description = "The backup, streamed",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"incident-kb.ndjson\""),
            content = @Content(mediaType = Format.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "One typed record per line; see the operation's description for an example")))
    public Response export() {
        StreamingOutput body = backup::write;
        return Response.ok(body, Format.NDJSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"incident-kb.ndjson\"").build();
    }
}
