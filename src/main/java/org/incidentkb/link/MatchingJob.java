package org.incidentkb.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One matching run: its windows and scope, its state, and its report. */
@Entity
@Table(name = "matching_job")
public class MatchingJob {

    /** A queued or running job whose heartbeat is older than this died with its process. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    static final String INTERRUPTED = "Interrupted: the process running the matching stopped. Run it again; a run "
            + "replaces the proposals of the one before.";

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MatchingJobState")
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private State state;

    /** 1 while queued or running, else null: one active run at a time (a unique key). */
    private Integer active;

    @Column(name = "spatial_window_km")
    private double spatialWindowKm;

    @Column(name = "temporal_window_days")
    private int temporalWindowDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "type_level")
    private Link.TypeMatch typeLevel;

    @Column(name = "country_code")
    private String country;

    @Column(name = "date_from")
    private LocalDate from;

    @Column(name = "date_to")
    private LocalDate to;

    /** The import whose new incidents this run matched, when an import started it. */
    @Column(name = "trigger_import")
    private String triggerImport;

    private long incidents;
    private long compared;
    private long proposed;
    private long kept;
    private long removed;
    private String message;

    @Column(name = "submitted_by")
    private String submittedBy;

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

    protected MatchingJob() {
    }

    MatchingJob(String id, MatchingRequest request, String triggerImport, String submittedBy, String instanceId,
            Instant now) {
        this.id = id;
        this.state = State.QUEUED;
        this.active = 1;
        this.spatialWindowKm = request.spatialWindowKm();
        this.temporalWindowDays = request.temporalWindowDays();
        this.typeLevel = request.typeLevel();
        this.country = request.country();
        this.from = request.from();
        this.to = request.to();
        this.triggerImport = triggerImport;
        this.submittedBy = submittedBy;
        this.instanceId = instanceId;
        this.createdAt = now;
        this.heartbeatAt = now;
    }

    MatchingRequest request() {
        return new MatchingRequest(spatialWindowKm, temporalWindowDays, typeLevel, country, from, to);
    }

    void started(Instant now) {
        state = State.RUNNING;
        startedAt = now;
        heartbeatAt = now;
    }

    void progress(long incidents, long compared, Instant now) {
        this.incidents = incidents;
        this.compared = compared;
        this.heartbeatAt = now;
    }

    void done(long proposed, long kept, long removed, Instant now) {
        this.proposed = proposed;
        this.kept = kept;
        this.removed = removed;
        end(State.DONE, null, now);
    }

    void end(State end, String why, Instant now) {
        state = end;
        active = null;
        message = why;
        finishedAt = now;
        heartbeatAt = now;
    }

    boolean isAbandoned(Instant now) {
        return (state == State.QUEUED || state == State.RUNNING) && heartbeatAt.isBefore(now.minus(ABANDONED_AFTER));
    }

    public String getId() {
        return id;
    }

    public State getState() {
        return state;
    }

    public String getTriggerImport() {
        return triggerImport;
    }

    public long getIncidents() {
        return incidents;
    }

    public long getCompared() {
        return compared;
    }

    public long getProposed() {
        return proposed;
    }

    public long getKept() {
        return kept;
    }

    public long getRemoved() {
        return removed;
    }

    public String getMessage() {
        return message;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public String getSubmittedBy() {
        return submittedBy;
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
}
