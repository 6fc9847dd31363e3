package org.incidentkb.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.incidentkb.common.BackgroundJob;

/** One matching run: its windows and scope, its state, and its report. */
@Entity
@Table(name = "matching_job")
public class MatchingJob extends BackgroundJob {

    static final String INTERRUPTED = "Interrupted: the process running the matching stopped. Run it again; a run "
            + "replaces the proposals of the one before.";

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MatchingJobState")
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Enumerated(EnumType.STRING)
    private State state;

    /** 1 while queued or running, else null: one active run at a time (a unique key). */
    private Integer active;

    @Column(name = "spatial_window_km")
    private double spatialWindowKm;

    @Column(name = "temporal_window_days")
    private int temporalWindowDays;

    @Column(name = "min_score")
    private Double minScore;

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

    protected MatchingJob() {
    }

    MatchingJob(String id, MatchingRequest request, String triggerImport, String submittedBy, String instanceId,
            Instant now) {
        super(id, submittedBy, instanceId, now);
        this.state = State.QUEUED;
        this.active = 1;
        this.spatialWindowKm = request.spatialWindowKm();
        this.temporalWindowDays = request.temporalWindowDays();
        this.minScore = request.minScore();
        this.typeLevel = request.typeLevel();
        this.country = request.country();
        this.from = request.from();
        this.to = request.to();
        this.triggerImport = triggerImport;
    }

    MatchingRequest request() {
        return new MatchingRequest(spatialWindowKm, temporalWindowDays, typeLevel, minScore, country, from, to);
    }

    void started(Instant now) {
        state = State.RUNNING;
        markStarted(now);
    }

    void progress(long incidents, long compared, Instant now) {
        this.incidents = incidents;
        this.compared = compared;
        beat(now);
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
        markFinished(why, now);
    }

    @Override
    protected boolean isActive() {
        return state == State.QUEUED || state == State.RUNNING;
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
}
