package org.incidentkb.link;

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

/** One change to a link, in the history of both its incidents. Outlives the link. */
@Entity
@Table(name = "link_revision")
public class LinkRevision {

    public enum Operation {
        CREATE, UPDATE, DELETE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "link_revision_seq")
    @SequenceGenerator(name = "link_revision_seq", sequenceName = "link_revision_seq", allocationSize = 50)
    private Long id;

    @Column(name = "link_id")
    private long linkId;

    @Column(name = "from_id")
    private long fromId;

    @Column(name = "to_id")
    private long toId;

    @Enumerated(EnumType.STRING)
    private Link.Relation relation;

    /** The link's status after the change (before it, for a deletion). */
    @Enumerated(EnumType.STRING)
    private Link.Status status;

    @Enumerated(EnumType.STRING)
    private Operation operation;

    @Column(name = "changed_fields")
    private String changedFields;

    private String author;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected LinkRevision() {
    }

    public LinkRevision(Link link, Operation operation, List<String> changedFields, String author, Instant at) {
        this(link.getId(), link.getFromId(), link.getToId(), link.getRelation(), link.getStatus(), operation,
                changedFields, author, at);
    }

    LinkRevision(long linkId, long fromId, long toId, Link.Relation relation, Link.Status status, Operation operation,
            List<String> changedFields, String author, Instant at) {
        this.linkId = linkId;
        this.fromId = fromId;
        this.toId = toId;
        this.relation = relation;
        this.status = status;
        this.operation = operation;
        this.changedFields = String.join(",", changedFields);
        this.author = author;
        this.changedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getLinkId() {
        return linkId;
    }

    public long getFromId() {
        return fromId;
    }

    public long getToId() {
        return toId;
    }

    public Link.Relation getRelation() {
        return relation;
    }

    public Link.Status getStatus() {
        return status;
    }

    public Operation getOperation() {
        return operation;
    }

    public List<String> getChangedFields() {
        return changedFields == null || changedFields.isEmpty() ? List.of() : Arrays.asList(changedFields.split(","));
    }

    public String getAuthor() {
        return author;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
