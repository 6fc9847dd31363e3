package org.incidentkb.link;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API records of matching runs. */
public final class MatchingApi {

    private MatchingApi() {
    }

    @Schema(name = "MatchingJob", description = "A matching run: its windows and scope, its state and its report")
    public record JobView(
            @Schema(example = "5d0c7f7e-2a51-4d0e-9f0a-0d3c1f9b7a21") String id,
            @Schema(description = "QUEUED, RUNNING, DONE or FAILED", example = "DONE") MatchingJob.State state,
            MatchingRequest request,
            @Schema(description = "The import whose new incidents the run matched, when an import started it",
                    example = "0b7e6c1e-4c1f-4d55-9d34-2f1a4d3c9b10") String importJob,
            Report report,
            @Schema(description = "Why the run failed, when it did") String message,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {

        static JobView from(MatchingJob j, Instant now) {
            boolean abandoned = j.isAbandoned(now);
            return new JobView(j.getId(), abandoned ? MatchingJob.State.FAILED : j.getState(), j.request(),
                    j.getTriggerImport(), new Report(j.getIncidents(), j.getCompared(), j.getProposed(), j.getKept(),
                            j.getRemoved()),
                    abandoned ? MatchingJob.INTERRUPTED : j.getMessage(), j.getCreatedAt(), j.getStartedAt(),
                    j.getFinishedAt());
        }
    }

    @Schema(name = "MatchingReport", description = "What the run did (counts grow while it runs)")
    public record Report(
            @Schema(description = "Incidents compared: with coordinates, from one dataset, in the scope", example = "41230")
            long incidents,
            @Schema(description = "Candidate pairs (of two datasets, in nearby cells of the spatial-temporal index) "
                    + "compared", example = "95512") long compared,
            @Schema(description = "SAME_EVENT links the run proposes (new, or kept up to date)", example = "10877")
            long proposed,
            @Schema(description = "Confirmed or rejected SAME_EVENT links of the scope, left as they are", example = "12")
            long kept,
            @Schema(description = "PROPOSED links of an earlier run the run no longer finds, deleted", example = "3")
            long removed) {
    }
}
