package org.incidentkb.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Another name an actor is known by, with its lower-cased search key. */
@Embeddable
public record Alias(@Column(name = "alias") String alias, @Column(name = "alias_key") String aliasKey) {
}
