package org.incidentkb.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A designation of an actor by a government or body, e.g. a US terrorist designation. */
@Embeddable
@Schema(name = "Designation", description = "A listing of the actor by a government or international body")
public record Designation(
        @NotBlank @Size(max = 200) @Column(name = "designated_by")
        @Schema(description = "Who designated the actor", example = "United States") String designatedBy,
        @NotBlank @Size(max = 200) @Column(name = "designation")
        @Schema(description = "The designation", example = "terrorist organization") String designation,
        @Column(name = "since") @Schema(description = "Date the designation took effect, when known", example = "2009-07-02")
        LocalDate since) {
}
