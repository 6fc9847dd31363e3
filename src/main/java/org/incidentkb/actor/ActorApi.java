package org.incidentkb.actor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Countries;
import org.incidentkb.common.CountryCode;
import org.incidentkb.common.Ref;

/** The API records of actors. */
public final class ActorApi {

    private ActorApi() {
    }

    @Schema(name = "ActorInput", description = "An actor as written by a client. Read-only fields of the read "
            + "representation are ignored, so a GET body can be sent back with PUT.")
    @JsonIgnoreProperties({ "id", "country", "createdAt", "updatedAt" })
    public record ActorInput(
            @NotBlank @Size(max = 300) @Schema(description = "Unique name (case-insensitive)", example = "Kataib Hezbollah") String name,
            @Schema(description = "Other names the actor is known by; searchable", example = "[\"KH\", \"Hezbollah Brigades\"]")
            @Size(max = 100) List<@NotBlank @Size(max = 300) String> aliases,
            @NotNull @Schema(description = "What sort of party the actor is", example = "MILITIA") ActorKind kind,
            @CountryCode @Schema(description = "ISO 3166-1 alpha-3 code of the actor's home country", example = "IRQ") String countryCode,
            @Size(max = 4000) @Schema(description = "Free-text description") String description,
            @Valid @Schema(description = "Umbrella group or organisation the actor belongs to", example = "{\"id\": 8}") Ref parent,
            @Schema(description = "Actors that back this one (e.g. a state sponsor)", example = "[{\"id\": 3}]")
            @Size(max = 50) List<@NotNull @Valid Ref> backers,
            @Schema(description = "Listings by governments or bodies") @Size(max = 100) List<@NotNull @Valid Designation> designations,
            @Schema(description = "The version this write is based on; a stale one is refused with 409", example = "0") Long version) {

        public List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }

        public List<Ref> backersOrEmpty() {
            return backers == null ? List.of() : backers;
        }

        public List<Designation> designationsOrEmpty() {
            return designations == null ? List.of() : designations;
        }
    }

    @Schema(name = "Actor", description = "A party to incidents")
    public record ActorView(
            @Schema(example = "12") Long id,
            @Schema(description = "Optimistic-lock version (the first part of the ETag)", example = "0") long version,
            @Schema(example = "Kataib Hezbollah") String name,
            List<String> aliases,
            ActorKind kind,
            @Schema(example = "IRQ") String countryCode,
            @Schema(description = "Country name, derived from countryCode", example = "Iraq") String country,
            String description,
            Ref parent,
            List<Ref> backers,
            List<Designation> designations,
            Instant createdAt,
            Instant updatedAt) {

        public static ActorView from(Actor a) {
            return new ActorView(a.getId(), a.getVersion(), a.getName(), a.getAliases(), a.getKind(), a.getCountryCode(),
                    Countries.name(a.getCountryCode()), a.getDescription(), ref(a.getParent()),
                    a.getBackers().stream().sorted(Comparator.comparing(Actor::getId)).map(ActorApi::ref).toList(),
                    List.copyOf(a.getDesignations()), a.getCreatedAt(), a.getUpdatedAt());
        }
    }

    @Schema(name = "ActorDuplicate", description = "Two actors that are likely one, with how likely and why")
    public record DuplicatePair(
            @Schema(description = "The actor with the lower id") Ref a,
            Ref b,
            @Schema(description = "1 for the same normalised name; 0.8 when one is the other's acronym; otherwise "
                    + "0.9 times the share of words their names have in common", example = "1.0") double score,
            @Schema(description = "SAME_NORMALISED_NAME, ACRONYM, SHARED_WORDS",
                    example = "[\"SAME_NORMALISED_NAME\"]") List<String> reasons) {
    }

    @Schema(name = "ActorDuplicates", description = "Likely duplicate actors, best first")
    public record Duplicates(List<DuplicatePair> items) {
    }

    @Schema(name = "ActorMerge", description = "The actor to merge into")
    public record MergeInput(@jakarta.validation.constraints.NotNull @jakarta.validation.Valid
            @Schema(description = "The actor that stays, by id", example = "{\"id\": 12}") Ref into) {
    }

    public static Ref ref(Actor actor) {
        return actor == null ? null : new Ref(actor.getId(), actor.getName());
    }
}
