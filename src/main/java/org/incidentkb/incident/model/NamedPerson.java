package org.incidentkb.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named individual among a casualty record's people, with their role or alias. */
@Embeddable
@Schema(name = "NamedPerson")
public record NamedPerson(
        @NotBlank @Size(max = 300) @Column(name = "name") @Schema(example = "Mushtaq Talib al-Saeedi") String name,
        @Size(max = 1000) @Column(name = "description")
        @Schema(description = "Role, rank or alias", example = "known as Abu Taqwa; former commander of Harakat al-Nujaba")
        String description) {
}
