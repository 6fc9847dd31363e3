package org.incidentkb.incident.model;

import java.util.Collection;

/** Derived from an incident's claims: nobody, one actor, or two or more actors claim it. */
public enum ClaimStatus {
    UNCLAIMED, CLAIMED, COMPETING;

    /** Counts the distinct actors with a CLAIMED statement; denials and attributions do not count. */
    public static ClaimStatus of(Collection<Claim> claims) {
        long claimants = claims.stream().filter(c -> c.getStance() == Stance.CLAIMED)
                .map(c -> c.getActor().getId()).distinct().count();
        return claimants == 0 ? UNCLAIMED : claimants == 1 ? CLAIMED : COMPETING;
    }
}
