package org.incidentkb.actor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incidentkb.common.Audited;

/** A party to incidents: a state force, an armed group, a coalition, civilians. */
@Entity
@Table(name = "actor")
public class Actor extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_seq")
    @SequenceGenerator(name = "actor_seq", sequenceName = "actor_seq", allocationSize = 50)
    private Long id;

    private String name;

    /** Lower-cased name: the unique key that makes names unique regardless of case. */
    @Column(name = "name_key")
    private String nameKey;

    @Enumerated(EnumType.STRING)
    private ActorKind kind;

    @Column(name = "country_code")
    private String countryCode;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Actor parent;

    @ElementCollection
    @CollectionTable(name = "actor_alias", joinColumns = @JoinColumn(name = "actor_id"))
    private Set<Alias> aliases = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "actor_backer", joinColumns = @JoinColumn(name = "actor_id"),
            inverseJoinColumns = @JoinColumn(name = "backer_id"))
    private Set<Actor> backers = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "actor_designation", joinColumns = @JoinColumn(name = "actor_id"))
    @OrderColumn(name = "position")
    private List<Designation> designations = new ArrayList<>();

    public static String key(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name.trim();
        this.nameKey = key(name);
    }

    public ActorKind getKind() {
        return kind;
    }

    public void setKind(ActorKind kind) {
        this.kind = kind;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Actor getParent() {
        return parent;
    }

    public void setParent(Actor parent) {
        this.parent = parent;
    }

    public List<String> getAliases() {
        return aliases.stream().map(Alias::alias).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** Replaces the aliases; aliases differing only in case, or equal to the name, are kept once. */
    public void setAliases(List<String> newAliases) {
        Set<Alias> wanted = new LinkedHashSet<>();
        Set<String> keys = new java.util.HashSet<>();
        keys.add(nameKey);
        for (String alias : newAliases) {
            String trimmed = alias.trim();
            if (keys.add(key(trimmed))) {
                wanted.add(new Alias(trimmed, key(trimmed)));
            }
        }
        aliases.retainAll(wanted);
        aliases.addAll(wanted);
    }

    public Set<Actor> getBackers() {
        return backers;
    }

    public void setBackers(Set<Actor> newBackers) {
        backers.retainAll(newBackers);
        backers.addAll(newBackers);
    }

    public List<Designation> getDesignations() {
        return designations;
    }

    public void setDesignations(List<Designation> newDesignations) {
        if (!designations.equals(newDesignations)) {
            designations.clear();
            designations.addAll(newDesignations);
        }
    }

}
