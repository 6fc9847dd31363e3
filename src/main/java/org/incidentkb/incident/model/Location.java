package org.incidentkb.incident.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Countries;
import org.incidentkb.common.CountryCode;

/** Where an incident happened. */
@Embeddable
@Schema(name = "Location", description = "Where an incident happened. Latitude and longitude come together or not at all.")
public record Location(
        @CountryCode @Column(name = "country_code")
        @Schema(description = "ISO 3166-1 alpha-3 code", example = "IRQ") String countryCode,
        @Size(max = 200) @Schema(description = "First-level administrative division (province, governorate)", example = "Erbil") String admin1,
        @Size(max = 200) @Schema(description = "Second-level administrative division (district)", example = "Erbil") String admin2,
        @Size(max = 300) @Schema(description = "Town, village or named place", example = "Erbil") String locality,
        @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS 84 latitude", example = "36.1912") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS 84 longitude", example = "44.0092") Double longitude,
        @Enumerated(EnumType.STRING) @Column(name = "geo_precision")
        @Schema(description = "How precisely the place is known", example = "NEAR") GeoPrecision geoPrecision) {

    /** The country's English name, derived from its code (read-only). */
    @JsonProperty(value = "country", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = "Country name, derived from countryCode", example = "Iraq", readOnly = true)
    public String country() {
        return Countries.name(countryCode);
    }

    @JsonIgnore
    @AssertTrue(message = "latitude and longitude must be given together")
    public boolean isCoordinatePair() {
        return (latitude == null) == (longitude == null);
    }
}
