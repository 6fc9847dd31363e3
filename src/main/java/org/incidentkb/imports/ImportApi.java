package org.incidentkb.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API records of import jobs. */
public final class ImportApi {

    private ImportApi() {
    }

    @Schema(name = "ImportJob", description = "An import: its state, its progress while it runs, and its report")
    public record JobView(
            @Schema(example = "0b7e6c1e-4c1f-4d55-9d34-2f1a4d3c9b10") String id,
            @Schema(example = "gtd") String format,
            @Schema(description = "QUEUED, RUNNING, DONE or FAILED (the file could not be read, or the process "
                    + "stopped; rows written before stay, and running the same import again converges)",
                    example = "DONE") ImportJob.State state,
            @Schema(example = "windows-1252") String charset,
            Progress progress,
            Report report,
            @Schema(description = "Why the job failed, when it did") String message,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {

        /** The job as seen at {@code now}: one whose process stopped mid-run reads as FAILED at once. */
        static JobView from(ImportJob j, Instant now) {
            boolean abandoned = j.isAbandoned(now);
            Instant end = j.getFinishedAt() != null ? j.getFinishedAt() : j.getHeartbeatAt();
            double seconds = j.getStartedAt() == null ? 0
                    : Math.max(0.001, Duration.between(j.getStartedAt(), end).toMillis() / 1000.0);
            Double rate = seconds == 0 ? null : Math.round(j.getRowsRead() / seconds * 10) / 10.0;
            Long left = null;
            if (!abandoned && j.getState() == ImportJob.State.RUNNING && j.getBytesRead() > 0) {
                double bytesPerSecond = j.getBytesRead() / seconds;
                left = Math.round((j.getBytesTotal() - j.getBytesRead()) / bytesPerSecond);
            } else if (j.getState() == ImportJob.State.DONE) {
                left = 0L;
            }
            Double percent = j.getBytesTotal() == 0 ? 100.0
                    : Math.round(1000.0 * j.getBytesRead() / j.getBytesTotal()) / 10.0;
            return new JobView(j.getId(), j.getFormat().param, abandoned ? ImportJob.State.FAILED : j.getState(),
                    j.getCharset(),
                    new Progress(j.getRowsRead(), j.getBytesRead(), j.getBytesTotal(), percent, rate, left),
                    new Report(j.getRowsRead(), j.getCreated(), j.getUpdated(), j.getSkipped(), j.getFailed(),
                            List.copyOf(j.getErrors())),
                    abandoned ? ImportJob.INTERRUPTED : j.getMessage(), j.getCreatedAt(), j.getStartedAt(),
                    j.getFinishedAt());
        }
    }

    @Schema(name = "ImportProgress", description = "How far the job has read its file")
    public record Progress(
            @Schema(description = "Rows read so far", example = "120000") long rowsRead,
            @Schema(description = "Bytes of the file read so far", example = "73400320") long bytesRead,
            @Schema(description = "Size of the file", example = "160432118") long bytesTotal,
            @Schema(description = "Share of the file read, in percent", example = "45.8") Double percent,
            @Schema(description = "Rows per second since the job started", example = "9850.5") Double rowsPerSecond,
            @Schema(description = "Estimated seconds left (from the bytes still to read); 0 when done", example = "9")
            Long secondsLeft) {
    }

    @Schema(name = "ImportReport", description = "What the import did with the rows read so far")
    public record Report(
            @Schema(description = "Rows read", example = "475") long received,
            @Schema(description = "New incidents", example = "470") long created,
            @Schema(description = "Existing incidents (same external reference) that changed", example = "3") long updated,
            @Schema(description = "Rows that changed nothing (already imported as they are), or NDJSON tombstones",
                    example = "0") long skipped,
            @Schema(description = "Rows refused; each with its line in errors (the first 1,000)", example = "2") long failed,
            List<RowError> errors) {
    }
}
