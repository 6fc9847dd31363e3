package org.incidentkb.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every record of the knowledge base carries besides its id: an optimistic-lock version (the first part of its
 * ETag) and the times it was created and last changed, set by the database session's callbacks.
 */
@MappedSuperclass
public abstract class Audited {

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /**
     * Sets the creation (and first change) time. Called before an insert; public for the bulk writer, which inserts
     * rows itself. A subclass that sets more at creation overrides it and calls it.
     */
    @PrePersist
    public void onCreate() {
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    protected void onUpdate() {
        touch();
    }

    /** Marks the record as changed now. */
    public void touch() {
        updatedAt = Timestamps.now();
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
