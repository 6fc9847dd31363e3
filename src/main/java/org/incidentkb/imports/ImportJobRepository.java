package org.incidentkb.imports;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, String> {

    /** Jobs, newest first. */
    public PanacheQuery<ImportJob> recent() {
        return findAll(Sort.descending("createdAt").and("id"));
    }

    /**
     * Marks as failed the jobs still queued or running whose heartbeat stopped before {@code before} (their
     * process died).
     */
    public int failAbandoned(Instant before, Instant now) {
        return update("state = ?1, message = ?2, finishedAt = ?3 where state in ?4 and heartbeatAt < ?5",
                ImportJob.State.FAILED, ImportJob.INTERRUPTED,
                now, List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING), before);
    }

    /** The ids of this instance's jobs still marked queued or running. */
    public List<String> activeOf(String instanceId) {
        return find("instanceId = ?1 and state in ?2", instanceId,
                List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING)).project(IdOnly.class).list().stream()
                .map(IdOnly::id).toList();
    }

    /** Marks jobs failed as interrupted. */
    public int fail(Collection<String> ids, Instant now) {
        return ids.isEmpty() ? 0 : update("state = ?1, message = ?2, finishedAt = ?3 where id in ?4",
                ImportJob.State.FAILED, ImportJob.INTERRUPTED, now, ids);
    }

    /** Whether the job is queued or running somewhere. */
    public boolean isActive(String id) {
        return count("id = ?1 and state in ?2", id, List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING)) > 0;
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    public record IdOnly(String id) {
    }

    /** Saves the heartbeat of jobs waiting in this process's queue, so they do not read as abandoned. */
    public void keepAlive(Collection<String> queued, Instant now) {
        update("heartbeatAt = ?1 where id in ?2 and state = ?3", now, queued, ImportJob.State.QUEUED);
    }
}
