package org.incidentkb.imports;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One import: its state, its progress through the file, and its report (counts and the first errors). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** At most this many row errors are kept; the count of failed rows goes on. */
    public static final int MAX_ERRORS = 1000;

    /**
     * A running or queued job whose heartbeat is older than this died with its process: a running job saves it
     * after every batch, and with it the heartbeat of the jobs queued behind it in the same process.
     */
    public static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(2);

    public static final String INTERRUPTED = "Interrupted: the process running the import stopped. Run the same "
            + "import again; rows already written are recognised by their external references.";

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private ImportFormat format;

    @Enumerated(EnumType.STRING)
    private State state;

    private String charset;

    @Column(name = "bytes_total")
    private long bytesTotal;

    @Column(name = "bytes_read")
    private long bytesRead;

    @Column(name = "rows_read")
    private long rowsRead;

    private long created;
    private long updated;
    private long skipped;
    private long failed;
    private String message;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    /** Who submitted the job: the author of the changes it makes in the audit trail. */
    @Column(name = "submitted_by")
    private String submittedBy;

    /** The instance running the job (kb.instance-id), so a restart can fail its own dead jobs at once. */
    @Column(name = "instance_id")
    private String instanceId;

    @ElementCollection
    @CollectionTable(name = "import_error", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<RowError> errors = new ArrayList<>();

    protected ImportJob() {
    }

    public ImportJob(String id, ImportFormat format, String charset, long bytesTotal, Instant now, String submittedBy,
            String instanceId) {
        this.id = id;
        this.submittedBy = submittedBy;
        this.instanceId = instanceId;
        this.format = format;
        this.charset = charset;
        this.bytesTotal = bytesTotal;
        this.state = State.QUEUED;
        this.createdAt = now;
        this.heartbeatAt = now;
    }

    /** Adds what a stretch of rows did, and the errors up to the cap. */
    public void record(Progress progress, Instant now) {
        rowsRead = progress.rowsRead();
        bytesRead = progress.bytesRead();
        created += progress.created();
        updated += progress.updated();
        skipped += progress.skipped();
        failed += progress.errors().size();
        for (RowError e : progress.errors()) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            }
        }
        heartbeatAt = now;
    }

    /** Whether the job is marked queued or running but its process stopped (its heartbeat is too old). */
    public boolean isAbandoned(Instant now) {
        return (state == State.QUEUED || state == State.RUNNING) && heartbeatAt.isBefore(now.minus(ABANDONED_AFTER));
    }

    public void start(Instant now) {
        state = State.RUNNING;
        startedAt = now;
        heartbeatAt = now;
    }

    public void finish(State end, String message, Instant now) {
        state = end;
        this.message = message;
        finishedAt = now;
        heartbeatAt = now;
    }

    /** Counts and errors of a stretch of rows, and how far into the file they reach. */
    public record Progress(long rowsRead, long bytesRead, long created, long updated, long skipped,
            List<RowError> errors) {
    }

    public String getId() {
        return id;
    }

    public ImportFormat getFormat() {
        return format;
    }

    public State getState() {
        return state;
    }

    public String getCharset() {
        return charset;
    }

    public long getBytesTotal() {
        return bytesTotal;
    }

    public long getBytesRead() {
        return bytesRead;
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public long getCreated() {
        return created;
    }

    public long getUpdated() {
        return updated;
    }

    public long getSkipped() {
        return skipped;
    }

    public long getFailed() {
        return failed;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public List<RowError> getErrors() {
        return errors;
    }
}
