package org.incidentkb.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference to reference data by code: read as {@code {code, label}}, written as either that or the bare code. */
@Schema(name = "CodeRef", description = "A code from reference data with its label",
        example = "{\"code\": \"air-drone-strike\", \"label\": \"Air/drone strike\"}")
public record CodeRef(
        @Schema(description = "Kebab-case code", example = "air-drone-strike") String code,
        @Schema(description = "Human-readable label (read-only)", example = "Air/drone strike") String label) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CodeRef of(String code) {
        return new CodeRef(code, null);
    }
}
