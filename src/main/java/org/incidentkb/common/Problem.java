package org.incidentkb.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the one shape of every error this API returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned with media type application/problem+json for every error.")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", example = "urn:incident-kb:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "The request has 1 invalid field") String detail,
        @Schema(description = "The request path the problem occurred on", example = "/api/v1/incidents") String instance,
        @Schema(description = "For validation problems: one entry per invalid field") List<FieldError> errors,
        @Schema(description = "For server errors: the id under which the error was logged", example = "6f1c2a0e-2b1d-4c55-9d6c-9e7a4c3f0d12") String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the invalid field or parameter", example = "location.latitude") String field,
            @Schema(description = "What is wrong with it", example = "must be between -90 and 90") String message) {
    }
}
