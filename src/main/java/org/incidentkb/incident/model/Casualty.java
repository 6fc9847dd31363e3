package org.incidentkb.incident.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.actor.Actor;
import org.incidentkb.common.Audited;
import org.incidentkb.common.Figures;
import org.incidentkb.source.Source;

/** One report's figures for one group of people in one incident. */
@Entity
@Table(name = "casualty")
public class Casualty extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "casualty_seq")
    @SequenceGenerator(name = "casualty_seq", sequenceName = "casualty_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @Enumerated(EnumType.STRING)
    private CasualtyCategory category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "affiliation_actor_id")
    private Actor affiliationActor;

    @Column(name = "affiliation_text")
    private String affiliationText;

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

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "low", column = @Column(name = "missing_low")),
            @AttributeOverride(name = "best", column = @Column(name = "missing_best")),
            @AttributeOverride(name = "high", column = @Column(name = "missing_high")) })
    private Figures missing;

    @ElementCollection
    @CollectionTable(name = "casualty_name", joinColumns = @JoinColumn(name = "casualty_id"))
    @OrderColumn(name = "position")
    private List<NamedPerson> names = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    private Source source;

    protected Casualty() {
    }

    public Casualty(Incident incident) {
        this.incident = incident;
    }

    public Long getId() {
        return id;
    }

    public Incident getIncident() {
        return incident;
    }

    public CasualtyCategory getCategory() {
        return category;
    }

    public void setCategory(CasualtyCategory category) {
        this.category = category;
    }

    public Actor getAffiliationActor() {
        return affiliationActor;
    }

    public void setAffiliationActor(Actor affiliationActor) {
        this.affiliationActor = affiliationActor;
    }

    public String getAffiliationText() {
        return affiliationText;
    }

    public void setAffiliationText(String affiliationText) {
        this.affiliationText = affiliationText;
    }

    public Figures getKilled() {
        return killed;
    }

    public void setKilled(Figures killed) {
        this.killed = killed;
    }

    public Figures getInjured() {
        return injured;
    }

    public void setInjured(Figures injured) {
        this.injured = injured;
    }

    public Figures getMissing() {
        return missing;
    }

    public void setMissing(Figures missing) {
        this.missing = missing;
    }

    public List<NamedPerson> getNames() {
        return names;
    }

    public void setNames(List<NamedPerson> wanted) {
        if (!names.equals(wanted)) {
            names.clear();
            names.addAll(wanted);
        }
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

}
