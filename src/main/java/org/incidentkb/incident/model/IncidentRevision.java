package org.incidentkb.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One entry of an incident's audit trail: who changed it, when, how, and which fields. Outlives the incident. */
@Entity
@Table(name = "incident_revision")
public class IncidentRevision {

    public enum Operation {
        CREATE, UPDATE, DELETE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_revision_seq")
    @SequenceGenerator(name = "incident_revision_seq", sequenceName = "incident_revision_seq", allocationSize = 50)
    private Long id;

    @Column(name = "incident_id")
    private long incidentId;

    private long revision;

    @Column(name = "changed_at")
    private Instant changedAt;

    private String author;

    @Enumerated(EnumType.STRING)
    private Operation operation;

    /** Comma-separated field names of the incident's representation. */
    @Column(name = "changed_fields")
    private String changedFields;

    protected IncidentRevision() {
    }

    public IncidentRevision(long incidentId, long revision, Instant changedAt, String author, Operation operation,
            List<String> changedFields) {
        this.incidentId = incidentId;
        this.revision = revision;
        this.changedAt = changedAt;
        this.author = author;
        this.operation = operation;
        this.changedFields = String.join(",", changedFields);
    }

    public Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public long getRevision() {
        return revision;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getAuthor() {
        return author;
    }

    public Operation getOperation() {
        return operation;
    }

    public List<String> getChangedFields() {
        return changedFields == null || changedFields.isEmpty() ? List.of() : Arrays.asList(changedFields.split(","));
    }
}
