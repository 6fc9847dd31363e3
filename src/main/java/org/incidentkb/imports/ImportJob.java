package org.incidentkb.imports;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.common.BackgroundJob;

/** One import: its state, its progress through the file, and its report (counts and the first errors). */
@Entity
@Table(name = "import_job")
public class ImportJob extends BackgroundJob {

    /** At most this many row errors are kept; the count of failed rows goes on. */
    public static final int MAX_ERRORS = 1000;

    public static final String INTERRUPTED = "Interrupted: the process running the import stopped. Run the same "
            + "import again; rows already written are recognised by their external references.";

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

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

    @ElementCollection
    @CollectionTable(name = "import_error", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<RowError> errors = new ArrayList<>();

    protected ImportJob() {
    }

    public ImportJob(String id, ImportFormat format, String charset, long bytesTotal, Instant now, String submittedBy,
            String instanceId) {
        super(id, submittedBy, instanceId, now);
        this.format = format;
        this.charset = charset;
        this.bytesTotal = bytesTotal;
        this.state = State.QUEUED;
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
        beat(now);
    }

    @Override
    protected boolean isActive() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    public void start(Instant now) {
        state = State.RUNNING;
        markStarted(now);
    }

    public void finish(State end, String message, Instant now) {
        state = end;
        markFinished(message, now);
    }

    /** Counts and errors of a stretch of rows, and how far into the file they reach. */
    public record Progress(long rowsRead, long bytesRead, long created, long updated, long skipped,
            List<RowError> errors) {
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

    public List<RowError> getErrors() {
        return errors;
    }
}
