package org.incidentkb.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Ref;

/** The API records of sources. */
public final class SourceApi {

    private SourceApi() {
    }

    @Schema(name = "SourceInput", description = "A source as written by a client; read-only fields are ignored")
    @JsonIgnoreProperties({ "id", "createdAt", "updatedAt" })
    public record SourceInput(
            @NotBlank @Size(max = 200) @Schema(description = "Who published the report", example = "Rudaw") String publisher,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
            @Schema(description = "Address of the report; unique when present", example = "https://www.rudaw.net/english/middleeast/iraq/040120242")
            String url,
            @Size(max = 1000) @Schema(description = "Headline", example = "US drone strike kills PMF commander in Baghdad") String title,
            @Schema(description = "Publication date", example = "2024-01-04") LocalDate publishedOn,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag, e.g. en or ar")
            @Schema(description = "BCP 47 language tag", example = "en") String language,
            @Schema(description = "The version this write is based on; a stale one is refused with 409", example = "0") Long version) {
    }

    @Schema(name = "Source", description = "A report that incidents, casualty figures and claims rest on")
    public record SourceView(
            @Schema(example = "1") Long id,
            @Schema(example = "0") long version,
            @Schema(example = "Rudaw") String publisher,
            String url,
            String title,
            LocalDate publishedOn,
            String language,
            Instant createdAt,
            Instant updatedAt) {

        public static SourceView from(Source s) {
            return new SourceView(s.getId(), s.getVersion(), s.getPublisher(), s.getUrl(), s.getTitle(), s.getPublishedOn(),
                    s.getLanguage(), s.getCreatedAt(), s.getUpdatedAt());
        }
    }

    public static Ref ref(Source source) {
        return source == null ? null : new Ref(source.getId(), source.getPublisher());
    }
}
