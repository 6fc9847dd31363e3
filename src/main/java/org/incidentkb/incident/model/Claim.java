package org.incidentkb.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.incidentkb.actor.Actor;
import org.incidentkb.common.Audited;
import org.incidentkb.source.Source;

/** A statement about responsibility for an incident: a claim, a denial or an attribution by a third party. */
@Entity
@Table(name = "claim")
public class Claim extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
    @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    private Actor actor;

    @Enumerated(EnumType.STRING)
    private Stance stance;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "stated_by_actor_id")
    private Actor statedByActor;

    @Column(name = "stated_by_text")
    private String statedByText;

    @Column(name = "stated_on")
    private LocalDate statedOn;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String quote;

    @Enumerated(EnumType.STRING)
    private Credibility credibility;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    private Source source;

    protected Claim() {
    }

    public Claim(Incident incident) {
        this.incident = incident;
    }

    public Long getId() {
        return id;
    }

    public Incident getIncident() {
        return incident;
    }

    public Actor getActor() {
        return actor;
    }

    public void setActor(Actor actor) {
        this.actor = actor;
    }

    public Stance getStance() {
        return stance;
    }

    public void setStance(Stance stance) {
        this.stance = stance;
    }

    public Actor getStatedByActor() {
        return statedByActor;
    }

    public void setStatedByActor(Actor statedByActor) {
        this.statedByActor = statedByActor;
    }

    public String getStatedByText() {
        return statedByText;
    }

    public void setStatedByText(String statedByText) {
        this.statedByText = statedByText;
    }

    public LocalDate getStatedOn() {
        return statedOn;
    }

    public void setStatedOn(LocalDate statedOn) {
        this.statedOn = statedOn;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getQuote() {
        return quote;
    }

    public void setQuote(String quote) {
        this.quote = quote;
    }

    public Credibility getCredibility() {
        return credibility;
    }

    public void setCredibility(Credibility credibility) {
        this.credibility = credibility;
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

}
