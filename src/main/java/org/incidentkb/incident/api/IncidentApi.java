package org.incidentkb.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.actor.Actor;
import org.incidentkb.actor.ActorApi;
import org.incidentkb.common.CodeRef;
import org.incidentkb.common.Datasets;
import org.incidentkb.common.Figures;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.CasualtySummary;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.ClaimStatus;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.NamedPerson;
import org.incidentkb.incident.model.Participant;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.model.Stance;
import org.incidentkb.source.SourceApi;

/** The API records of incidents and of the casualty records and claims they own. */
public final class IncidentApi {

    private IncidentApi() {
    }

    @Schema(name = "IncidentInput", description = "An incident as written by a client. Read-only fields of the read "
            + "representation are ignored, so a GET body can be sent back with PUT. `casualties` and `claims`, when "
            + "present, replace the incident's records (a record with an id updates that record, one without is "
            + "added, and records not listed are removed); when absent they are left alone. Every other list is "
            + "replaced by what is sent (absent means empty).")
    @JsonIgnoreProperties({ "id", "uid", "casualtySummary", "claimStatus", "dataset", "createdAt", "updatedAt" })
    public record IncidentInput(
            @NotBlank @Size(max = 300) @Schema(example = "US drone strike on PMF base in Baghdad") String title,
            @Size(max = 20000) @Schema(description = "Free-text narrative") String summary,
            @Valid @Schema(description = "Event category code (ACLED event type); implied by `type` when omitted",
                    example = "explosions-remote-violence") CodeRef category,
            @Valid @Schema(description = "Event type code (ACLED sub-event type)", example = "air-drone-strike") CodeRef type,
            @NotNull @Schema(description = "First day of the incident", example = "2024-01-04") LocalDate startDate,
            @Schema(description = "Last day, for incidents over several days or a date known only to a period",
                    example = "2024-01-04") LocalDate endDate,
            @Schema(description = "How precisely the date is known; DAY when omitted", example = "DAY") DatePrecision datePrecision,
            @Valid Location location,
            @Schema(description = "Participants: each an actor with a role and a confidence")
            @Size(max = 200) List<@NotNull @Valid IncidentActor> actors,
            @Schema(description = "Casualty records (see the note on lists)") @Size(max = 500) List<@NotNull @Valid CasualtyInput> casualties,
            @Schema(description = "Claims, denials and attributions (see the note on lists)") @Size(max = 200) List<@NotNull @Valid ClaimInput> claims,
            @Schema(description = "Sources, by id", example = "[{\"id\": 1}]") @Size(max = 200) List<@NotNull @Valid Ref> sources,
            @Schema(description = "Free tags", example = "[\"us-strikes\"]") @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags,
            @Schema(description = "Ids of the incident in other datasets, unique per dataset")
            @Size(max = 20) List<@NotNull @Valid ExternalRef> externalRefs,
            @Schema(description = "The version this write is based on; a stale one is refused with 409", example = "0") Long version) {

        public <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    @Schema(name = "IncidentActor", description = "An actor's part in an incident")
    public record IncidentActor(
            @NotNull @Valid @Schema(description = "The actor, by id (or by name or alias on input)",
                    example = "{\"id\": 2, \"name\": \"United States Armed Forces\"}") Ref actor,
            @NotNull @Schema(example = "PERPETRATOR") Role role,
            @Schema(description = "CONFIRMED when omitted; SUSPECTED for an uncertain attribution", example = "CONFIRMED")
            Confidence confidence) {

        public static IncidentActor from(Participant p) {
            return new IncidentActor(ActorApi.ref(p.getActor()), p.getRole(), p.getConfidence());
        }
    }

    @Schema(name = "Party", description = "An actor, or a party named in free text when it is not an actor of the "
            + "knowledge base (e.g. \"US personnel\", \"Pentagon\")")
    public record Party(
            @Valid @Schema(example = "{\"id\": 7, \"name\": \"Popular Mobilization Forces\"}") Ref actor,
            @Size(max = 300) @Schema(example = "US personnel") String text) {

        static Party of(Actor actor, String text) {
            return of(ActorApi.ref(actor), text);
        }

        /** The party that made a statement, or null when neither an actor nor a text says who. */
        public static Party of(Ref actor, String text) {
            return actor == null && text == null ? null : new Party(actor, text);
        }
    }

    @Schema(name = "Incident", description = "An incident with everything known about it")
    public record IncidentView(
            @Schema(example = "2") Long id,
            @Schema(description = "Optimistic-lock version (the first part of the ETag)", example = "0") long version,
            @Schema(description = "A reference that stays the same wherever the incident is exported to: importing "
                    + "an NDJSON export again (here or into another knowledge base) updates the incident with this uid "
                    + "instead of adding a copy", example = "2f0c8a9e-5d1b-4c7e-9a3f-6b2d8e4f1a07") String uid,
            String title,
            String summary,
            CodeRef category,
            CodeRef type,
            LocalDate startDate,
            LocalDate endDate,
            DatePrecision datePrecision,
            Location location,
            List<IncidentActor> actors,
            List<CasualtyView> casualties,
            CasualtySummary casualtySummary,
            List<ClaimView> claims,
            ClaimStatus claimStatus,
            @Schema(description = "Sources, with their publisher as name") List<Ref> sources,
            List<String> tags,
            List<ExternalRef> externalRefs,
            @Schema(description = "Where the incident came from: `ACLED`, `UCDP` or `GTD` when its external references "
                    + "all name that dataset; null for one entered through the API (or whose references name several)",
                    example = "ACLED") String dataset,
            Instant createdAt,
            Instant updatedAt) implements ListItem {

        public static IncidentView from(Incident i) {
            return new IncidentView(i.getId(), i.getVersion(), i.getUid(), i.getTitle(), i.getSummary(),
                    new CodeRef(i.getCategory().getCode(), i.getCategory().getLabel()),
                    i.getType() == null ? null : new CodeRef(i.getType().getCode(), i.getType().getLabel()),
                    i.getStartDate(), i.getEndDate(), i.getDatePrecision(), i.getLocation(),
                    i.getParticipants().stream().map(IncidentActor::from)
                            .sorted(Comparator.comparing(IncidentActor::role).thenComparing(a -> a.actor().id())).toList(),
                    i.getCasualties().stream().map(CasualtyView::from).toList(),
                    new CasualtySummary(i.getKilled(), i.getInjured()),
                    i.getClaims().stream().map(ClaimView::from).toList(),
                    i.getClaimStatus(),
                    i.getSources().stream().sorted(Comparator.comparing(s -> s.getId())).map(SourceApi::ref).toList(),
                    i.getTags().stream().sorted().toList(),
                    i.getExternalRefs().stream().sorted(Comparator.comparing(ExternalRef::toString)).toList(),
                    Datasets.origin(i.getExternalRefs(), ExternalRef::dataset), i.getCreatedAt(), i.getUpdatedAt());
        }
    }

    @Schema(name = "IncidentClaim", description = "A claim with the incident it is about")
    public record ClaimEntry(
            @Schema(description = "The incident, with its title as name",
                    example = "{\"id\": 3, \"name\": \"IRGC ballistic missile attack on Erbil\"}") Ref incident,
            ClaimView claim) {
    }

    @Schema(name = "IncidentCasualty", description = "A casualty record with the incident it belongs to")
    public record CasualtyEntry(
            @Schema(description = "The incident, with its title as name",
                    example = "{\"id\": 2, \"name\": \"US drone strike on PMF base in Baghdad\"}") Ref incident,
            CasualtyView casualty) {

        public static CasualtyEntry from(Casualty c) {
            return new CasualtyEntry(Ref.of(c.getIncident().getId(), c.getIncident().getTitle()), CasualtyView.from(c));
        }
    }

    @Schema(name = "Tombstone", description = "In the change feed (updatedSince): an incident deleted at deletedAt, "
            + "for a mirror to drop")
    public record Tombstone(
            @Schema(example = "12") Long id,
            @Schema(description = "Always true", example = "true") boolean deleted,
            @Schema(example = "2024-02-01T10:15:30Z") Instant deletedAt) implements ListItem {
    }

    @Schema(name = "CasualtyInput", description = "A casualty record as written by a client; read-only fields are ignored")
    @JsonIgnoreProperties({ "createdAt", "updatedAt" })
    public record CasualtyInput(
            @Schema(description = "Within an incident's `casualties` list: the record to update; otherwise ignored",
                    example = "3") Long id,
            @NotNull @Schema(description = "The group of people counted; ALL is the report's total for the incident",
                    example = "CIVILIAN") CasualtyCategory category,
            @Valid @Schema(description = "Whose people these are: an actor or free text") Party affiliation,
            @Valid Figures killed,
            @Valid Figures injured,
            @Valid Figures missing,
            @Schema(description = "Named individuals") @Size(max = 500) List<@NotNull @Valid NamedPerson> names,
            @Valid @Schema(description = "The source that reported these figures; none for an editor's own figure",
                    example = "{\"id\": 1}") Ref source,
            @Schema(description = "The version this write is based on; a stale one is refused with 409") Long version) {
    }

    @Schema(name = "Casualty", description = "One report's figures for one group of people in one incident")
    public record CasualtyView(
            @Schema(example = "3") Long id,
            @Schema(example = "0") long version,
            CasualtyCategory category,
            Party affiliation,
            Figures killed,
            Figures injured,
            Figures missing,
            List<NamedPerson> names,
            Ref source,
            Instant createdAt,
            Instant updatedAt) {

        public static CasualtyView from(Casualty c) {
            return new CasualtyView(c.getId(), c.getVersion(), c.getCategory(),
                    Party.of(c.getAffiliationActor(), c.getAffiliationText()), c.getKilled(), c.getInjured(),
                    c.getMissing(), List.copyOf(c.getNames()), SourceApi.ref(c.getSource()), c.getCreatedAt(),
                    c.getUpdatedAt());
        }
    }

    @Schema(name = "ClaimInput", description = "A claim as written by a client; read-only fields are ignored")
    @JsonIgnoreProperties({ "createdAt", "updatedAt" })
    public record ClaimInput(
            @Schema(description = "Within an incident's `claims` list: the claim to update; otherwise ignored",
                    example = "1") Long id,
            @NotNull @Valid @Schema(description = "The actor the statement is about (by id, or by name or alias)",
                    example = "{\"id\": 9}") Ref actor,
            @NotNull @Schema(description = "CLAIMED: the actor says it did it; DENIED: it denies it; ATTRIBUTED: a "
                    + "third party blames it", example = "CLAIMED") Stance stance,
            @Valid @Schema(description = "Who made the statement when it is not the actor itself") Party statedBy,
            @Schema(example = "2024-01-16") LocalDate statedOn,
            @Schema(description = "UNKNOWN when omitted", example = "STATEMENT") Channel channel,
            @Size(max = 5000) @Schema(description = "The statement's words", example = "spy headquarters") String quote,
            @Schema(description = "UNVERIFIED when omitted", example = "UNVERIFIED") Credibility credibility,
            @Valid @Schema(example = "{\"id\": 1}") Ref source,
            @Schema(description = "The version this write is based on; a stale one is refused with 409") Long version) {
    }

    @Schema(name = "Claim", description = "A statement about responsibility for an incident")
    public record ClaimView(
            @Schema(example = "1") Long id,
            @Schema(example = "0") long version,
            Ref actor,
            Stance stance,
            Party statedBy,
            LocalDate statedOn,
            Channel channel,
            String quote,
            Credibility credibility,
            Ref source,
            Instant createdAt,
            Instant updatedAt) {

        public static ClaimView from(Claim c) {
            return new ClaimView(c.getId(), c.getVersion(), ActorApi.ref(c.getActor()), c.getStance(),
                    Party.of(c.getStatedByActor(), c.getStatedByText()), c.getStatedOn(), c.getChannel(), c.getQuote(),
                    c.getCredibility(), SourceApi.ref(c.getSource()), c.getCreatedAt(), c.getUpdatedAt());
        }
    }

    @Schema(name = "IncidentHistory", description = "An incident's audit trail, oldest first")
    public record History(List<Revision> items) {
    }

    @Schema(name = "Revision", description = "One change to an incident, its casualty records, claims or sources, or "
            + "to one of its links")
    public record Revision(
            @Schema(description = "1 for the creation, then rising with every change; for a change to a link (which "
                    + "does not change the incident), the incident's revision at the time", example = "2") long revision,
            @Schema(description = "When the change was made", example = "2024-01-16T08:30:00Z") Instant at,
            @Schema(description = "Who made it (the signed-in user; for imports, who ran the import); null for the "
                    + "demo data, and for readers who are not signed in (user names are not public)", example = "admin")
            String author,
            @Schema(description = "CREATE, UPDATE or DELETE (of the incident, or of the link when `link` is given)",
                    enumeration = { "CREATE", "UPDATE", "DELETE" }, example = "UPDATE") String operation,
            @Schema(description = "Fields of the incident's representation that changed (those it was created with, "
                    + "for CREATE; none for DELETE); for a link, `links` or the link's fields that changed, e.g. "
                    + "`links.status`", example = "[\"tags\", \"location\"]") List<String> changedFields,
            @Schema(description = "The link that changed, when the change was to a link; null otherwise", nullable = true)
            LinkChange link) {

        public static Revision from(IncidentRevision r, boolean withAuthor) {
            return new Revision(r.getRevision(), r.getChangedAt(), withAuthor ? r.getAuthor() : null,
                    r.getOperation().name(), r.getChangedFields(), null);
        }
    }

    @Schema(name = "RevisionLink", description = "The link a change in an incident's history was made to")
    public record LinkChange(
            @Schema(description = "The link's id (GET /links/{id}, unless it was deleted)", example = "7") long id,
            @Schema(description = "Its relation", example = "RESPONSE_TO") String relation,
            @Schema(description = "Its status after the change", example = "CONFIRMED") String status,
            @Schema(description = "The other incident of the link", example = "12") long otherIncident) {
    }
}
