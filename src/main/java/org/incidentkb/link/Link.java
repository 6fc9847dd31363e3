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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Audited;

/**
 * A link between two incidents: how they relate, whether a person has decided it, and for a link a matching run
 * proposed, the evidence it rested on. The pair ({@code lowId < highId}) is linked at most once per relation, whichever
 * way round; {@code fromId}/{@code toId} keep the direction, which matters for PART_OF and RESPONSE_TO.
 */
@Entity
@Table(name = "incident_link")
public class Link extends Audited {

    /** How two incidents relate. */
    @Schema(name = "LinkRelation")
    public enum Relation {
        /** The same event, recorded twice (usually by two datasets). */
        SAME_EVENT,
        /** {@code from} is part of {@code to} (an attack within an offensive). */
        PART_OF,
        /** {@code from} answers {@code to}, as a source says (a retaliatory strike). */
        RESPONSE_TO,
        /** Related, without a source saying more. */
        RELATED
    }

    /** Whether a person has decided the link. */
    @Schema(name = "LinkStatus")
    public enum Status {
        PROPOSED, CONFIRMED, REJECTED
    }

    /** How far the two incidents' event types agree, through the matching taxonomy. */
    @Schema(name = "TypeMatch")
    public enum TypeMatch {
        TYPE, CATEGORY, NONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_link_seq")
    @SequenceGenerator(name = "incident_link_seq", sequenceName = "incident_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "from_id")
    private long fromId;

    @Column(name = "to_id")
    private long toId;

    @Column(name = "low_id")
    private long lowId;

    @Column(name = "high_id")
    private long highId;

    @Enumerated(EnumType.STRING)
    private Relation relation;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Double score;

    @Column(name = "distance_km")
    private Double distanceKm;

    @Column(name = "days_apart")
    private Integer daysApart;

    @Enumerated(EnumType.STRING)
    @Column(name = "type_match")
    private TypeMatch typeMatch;

    /** The actors both incidents name, as {@code id:name} lines, when the link was proposed. */
    @Column(name = "shared_actors")
    private String sharedActors;

    @Column(name = "carried_by")
    private String carriedBy;

    private String note;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** Who restored the link from a backup, and when: then createdBy and decidedBy are what the file said. */
    @Column(name = "restored_by")
    private String restoredBy;

    @Column(name = "restored_at")
    private Instant restoredAt;

    protected Link() {
    }

    public Link(long fromId, long toId, Relation relation, Status status) {
        if (fromId == toId) {
            throw new IllegalArgumentException("an incident is not linked to itself");
        }
        this.fromId = fromId;
        this.toId = toId;
        this.lowId = Math.min(fromId, toId);
        this.highId = Math.max(fromId, toId);
        this.relation = relation;
        this.status = status;
    }

    /** The other incident of the link, seen from {@code incidentId}. */
    public long other(long incidentId) {
        return incidentId == fromId ? toId : fromId;
    }

    public Long getId() {
        return id;
    }

    public long getFromId() {
        return fromId;
    }

    public long getToId() {
        return toId;
    }

    public Relation getRelation() {
        return relation;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Double getScore() {
        return score;
    }

    public Double getDistanceKm() {
        return distanceKm;
    }

    public Integer getDaysApart() {
        return daysApart;
    }

    public TypeMatch getTypeMatch() {
        return typeMatch;
    }

    public String getSharedActors() {
        return sharedActors;
    }

    public List<String> getCarriedBy() {
        return carriedBy == null || carriedBy.isEmpty() ? List.of() : List.of(carriedBy.split("; "));
    }

    /** The stored form of the evidence that carried a score. */
    static String carriedBy(List<String> evidence) {
        return evidence == null || evidence.isEmpty() ? null : String.join("; ", evidence);
    }

    /** Sets what a matching run found. */
    public void setEvidence(Double score, Double distanceKm, Integer daysApart, TypeMatch typeMatch, String sharedActors,
            List<String> carriedBy) {
        this.carriedBy = carriedBy(carriedBy);
        this.score = score;
        this.distanceKm = distanceKm;
        this.daysApart = daysApart;
        this.typeMatch = typeMatch;
        this.sharedActors = sharedActors;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRestoredBy() {
        return restoredBy;
    }

    public Instant getRestoredAt() {
        return restoredAt;
    }

    /** Marks the link as restored from a backup by this user now: its authors are the file's word, not ours. */
    public void restored(String by, Instant at) {
        this.restoredBy = by;
        this.restoredAt = at;
    }

    /** Records who decided the link's status, and when. */
    public void decided(String by, Instant at) {
        this.decidedBy = by;
        this.decidedAt = at;
    }
}
