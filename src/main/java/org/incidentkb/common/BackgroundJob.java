package org.incidentkb.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;

/**
 * What every job the service runs in the background keeps (imports, matching runs): who asked for it, which
 * instance runs it, when it was made, started and finished, why it ended the way it did, and a heartbeat that a
 * running job moves, so that a job whose process died is recognised as such ({@link #isAbandoned}). The states and
 * the report are each job's own.
 */
@MappedSuperclass
public abstract class BackgroundJob {

    /**
     * A queued or running job whose heartbeat is older than this died with its process: a running job moves it after
     * every stretch of work, and with it the heartbeat of the jobs queued behind it in the same process.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Id
    private String id;

    private String message;

    /** Who submitted the job: the author of the changes it makes in the audit trail. */
    @Column(name = "submitted_by")
    private String submittedBy;

    /** The instance running the job (kb.instance-id), so a restart can fail its own dead jobs at once. */
    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    protected BackgroundJob() {
    }

    protected BackgroundJob(String id, String submittedBy, String instanceId, Instant now) {
        this.id = id;
        this.submittedBy = submittedBy;
        this.instanceId = instanceId;
        this.createdAt = now;
        this.heartbeatAt = now;
    }

    protected final void markStarted(Instant now) {
        startedAt = now;
        heartbeatAt = now;
    }

    protected final void markFinished(String why, Instant now) {
        message = why;
        finishedAt = now;
        heartbeatAt = now;
    }

    public final void beat(Instant now) {
        heartbeatAt = now;
    }

    /** Queued or running, as the job's own state says. */
    protected abstract boolean isActive();

    /** Whether the job is marked queued or running but its process stopped (its heartbeat is too old). */
    public final boolean isAbandoned(Instant now) {
        return isActive() && heartbeatAt.isBefore(now.minus(ABANDONED_AFTER));
    }

    public String getId() {
        return id;
    }

    public String getMessage() {
        return message;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getInstanceId() {
        return instanceId;
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
}
