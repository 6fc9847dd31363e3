package org.incidentkb.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reference to another record: written {@code {"id": 12}}, read back with its label
 * {@code {"id": 12, "name": "Kataib Hezbollah"}}. On input an actor may also be named instead of numbered.
 */
@Schema(name = "Ref", description = "A reference to another record. Write {\"id\": 12}; reads carry the label too. "
        + "For actors, {\"name\": \"Kataib Hezbollah\"} also works and matches a name or alias, case-insensitively.",
        example = "{\"id\": 12, \"name\": \"Kataib Hezbollah\"}")
public record Ref(
        @Schema(description = "Id of the referenced record", example = "12") Long id,
        @Schema(description = "Its label (read-only except for actor look-up by name)", example = "Kataib Hezbollah") String name) {

    public static Ref of(Long id, String name) {
        return new Ref(id, name);
    }
}
