package org.incidentkb.link;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Ref;

/** The API records of links between incidents. */
public final class LinkApi {

    private LinkApi() {
    }

    @Schema(name = "Link", description = "A link between two incidents: how they relate, whether an editor decided it, "
            + "and for a link that matching proposed, the evidence it rests on", example = LinkExamples.VIEW)
    public record LinkView(
            @Schema(example = "7") long id,
            @Schema(description = "Rises with every change; the first part of the ETag", example = "0") long version,
            @Schema(description = "The incident the link starts from (for PART_OF and RESPONSE_TO, the part or the "
                    + "response)") IncidentRef from,
            @Schema(description = "The incident it points to") IncidentRef to,
            @Schema(description = "SAME_EVENT (one event recorded twice), PART_OF (from is part of to), RESPONSE_TO "
                    + "(from answers to, as a source says) or RELATED (related, nothing more said)",
                    example = "RESPONSE_TO") Link.Relation relation,
            @Schema(description = "PROPOSED (by matching, not yet decided), CONFIRMED or REJECTED (by an editor; a link "
                    + "an editor makes is CONFIRMED)", example = "CONFIRMED") Link.Status status,
            @Schema(description = "How strongly matching supports a SAME_EVENT link, 0 to 1; null for a link an editor "
                    + "made", example = "0.91") Double score,
            @Schema(description = "What matching found; null for a link an editor made") Evidence evidence,
            @Schema(example = "The digest calls the strikes retaliatory") String note,
            @Schema(description = "Who made the link (the editor, or who ran the matching); null for the demo data and "
                    + "for readers who are not signed in", example = "editor") String createdBy,
            Instant createdAt,
            @Schema(description = "Who confirmed or rejected it; null while PROPOSED, and for anonymous readers",
                    example = "editor") String decidedBy,
            Instant decidedAt,
            @Schema(description = "Who restored the link here from a backup (null for a link made here, and for "
                    + "anonymous readers); createdBy and decidedBy are then what the backup file says, which no user of "
                    + "this knowledge base vouches for", example = "null") String restoredBy,
            @Schema(description = "When it was restored from a backup; null for a link made here") Instant restoredAt) {
    }

    @Schema(name = "IncidentRef", description = "An incident as a link shows it")
    public record IncidentRef(
            @Schema(example = "12") long id,
            @Schema(example = "US strikes on Kataib Hezbollah facilities in al-Qaim") String title,
            @Schema(example = "2024-02-02") LocalDate startDate,
            @Schema(description = "The dataset it was imported from: `ACLED`, `UCDP` or `GTD`; null when entered through "
                    + "the API", example = "ACLED") String dataset) {
    }

    @Schema(name = "LinkEvidence", description = "What a matching run compared")
    public record Evidence(
            @Schema(description = "Distance between the two incidents' coordinates, km", example = "2.4") Double distanceKm,
            @Schema(description = "Days between their start dates", example = "1") Integer daysApart,
            @Schema(description = "How far their event types agree through the matching taxonomy: the same kind "
                    + "(TYPE), the same broad category (CATEGORY) or neither (NONE)", example = "TYPE")
            Link.TypeMatch typeMatch,
            @Schema(description = "Actors both incidents name (after actor matching)") List<Ref> sharedActors,
            @Schema(description = "What of this evidence raised the score: `near` (well within the places' reach), "
                    + "`same day` or `dates overlap`, `same type` or `same category`, `shared actor`, `agreeing "
                    + "fatalities`; empty for a link an editor made", example = "[\"same day\", \"same type\"]")
            List<String> carriedBy) {
    }

    @Schema(name = "LinkInput", description = "A link an editor makes from the incident in the path",
            example = LinkExamples.INPUT)
    public record LinkInput(
            @Schema(description = "The other incident: {\"id\"}") @NotNull @Valid Ref to,
            @Schema(description = "How this incident relates to the other", example = "RESPONSE_TO") @NotNull Link.Relation relation,
            @Schema(description = "Why (e.g. what the source says)", example = "The digest calls the strikes retaliatory")
            @Size(max = 2000) String note) {
    }

    @Schema(name = "LinkPage", description = "A page of links")
    public static class LinkPage extends org.incidentkb.common.PageSchema.WithCursor {
        public List<LinkView> items;
    }
}
