package org.incidentkb.incident.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.Audited;
import org.incidentkb.common.Figures;
import org.incidentkb.eventtype.EventCategory;
import org.incidentkb.eventtype.EventType;
import org.incidentkb.source.Source;

/** The aggregate root: one incident with its participants, casualty records, claims, sources, tags and refs. */
@Entity
@Table(name = "incident")
public class Incident extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    private Long id;

    /** A reference that stays the same across exports and knowledge bases (V14); set once, at creation. */
    private String uid;

    private String title;
    private String summary;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_code")
    private EventCategory category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "type_code")
    private EventType type;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    private DatePrecision datePrecision;

    @Embedded
    private Location location;

    @ElementCollection
    @CollectionTable(name = "incident_actor", joinColumns = @JoinColumn(name = "incident_id"))
    private Set<Participant> participants = new LinkedHashSet<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Casualty> casualties = new ArrayList<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Claim> claims = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "incident_source", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "source_id"))
    private Set<Source> sources = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "incident_tag", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "incident_external_ref", joinColumns = @JoinColumn(name = "incident_id"))
    private Set<ExternalRef> externalRefs = new LinkedHashSet<>();

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "low", column = @Column(name = "killed_low")),
            @AttributeOverride(name = "best", column = @Column(name = "killed_best")),
            @AttributeOverride(name = "high", column = @Column(name = "killed_high")) })
    private Figures killed;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "low", column = @Column(name = "injured_low")),
            @AttributeOverride(name = "best", column = @Column(name = "injured_best")),
            @AttributeOverride(name = "high", column = @Column(name = "injured_high")) })
    private Figures injured;

    @Enumerated(EnumType.STRING)
    @Column(name = "claim_status")
    private ClaimStatus claimStatus = ClaimStatus.UNCLAIMED;

    /** Gives a new incident its uid (unless it is restored with one) and its creation time. */
    @PrePersist
    @Override
    public void onCreate() {
        if (uid == null) {
            uid = java.util.UUID.randomUUID().toString();
        }
        super.onCreate();
    }

    /** Recomputes the derived casualty summary and claim status from the records the incident owns. */
    public void derive() {
        CasualtySummary summary = CasualtySummary.of(casualties);
        killed = summary.killed();
        injured = summary.injured();
        claimStatus = ClaimStatus.of(claims);
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    /** The reference of an incident restored from an export; only before it is first written. */
    public void setUid(String uid) {
        if (id != null) {
            throw new IllegalStateException("An incident's uid is set once, when it is created");
        }
        this.uid = uid;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public EventCategory getCategory() {
        return category;
    }

    public void setCategory(EventCategory category) {
        this.category = category;
    }

    public EventType getType() {
        return type;
    }

    public void setType(EventType type) {
        this.type = type;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public DatePrecision getDatePrecision() {
        return datePrecision;
    }

    public void setDatePrecision(DatePrecision datePrecision) {
        this.datePrecision = datePrecision;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Set<Participant> getParticipants() {
        return participants;
    }

    public void setParticipants(Set<Participant> wanted) {
        participants.retainAll(wanted);
        participants.addAll(wanted);
    }

    public List<Casualty> getCasualties() {
        return casualties;
    }

    public List<Claim> getClaims() {
        return claims;
    }

    public Set<Source> getSources() {
        return sources;
    }

    public void setSources(Set<Source> wanted) {
        sources.retainAll(wanted);
        sources.addAll(wanted);
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> wanted) {
        tags.retainAll(wanted);
        tags.addAll(wanted);
    }

    public Set<ExternalRef> getExternalRefs() {
        return externalRefs;
    }

    public void setExternalRefs(Set<ExternalRef> wanted) {
        externalRefs.retainAll(wanted);
        externalRefs.addAll(wanted);
    }

    public Figures getKilled() {
        return killed;
    }

    public Figures getInjured() {
        return injured;
    }

    public ClaimStatus getClaimStatus() {
        return claimStatus;
    }

}
