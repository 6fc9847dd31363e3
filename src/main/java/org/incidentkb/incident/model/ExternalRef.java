package org.incidentkb.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The incident's id in another dataset; unique per dataset, so imports can run twice without duplicates. */
@Embeddable
@Schema(name = "ExternalRef", description = "The incident's id in another dataset (unique per dataset)")
public record ExternalRef(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, - or _")
        @Column(name = "dataset") @Schema(example = "GTD") String dataset,
        @NotBlank @Size(max = 100) @Column(name = "external_id") @Schema(example = "200109110004") String externalId) {

    public ExternalRef {
        dataset = dataset == null ? null : dataset.trim().toUpperCase(java.util.Locale.ROOT);
        externalId = externalId == null ? null : externalId.trim();
    }

    @Override
    public String toString() {
        return dataset + ":" + externalId;
    }
}
