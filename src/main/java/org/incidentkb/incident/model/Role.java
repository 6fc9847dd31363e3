package org.incidentkb.incident.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The part an actor played in an incident. PERPETRATOR and TARGET where the source says who did it to whom
 * (violence against civilians, remote violence, a GTD perpetrator group); PARTY for a side of a clash that the
 * source does not cast as attacker or attacked (the two sides of an ACLED battle or riot, UCDP's side_a and side_b
 * of state-based and non-state conflict); OTHER for anyone else (protesters, an actor of a strategic development).
 */
@Schema(description = "PERPETRATOR and TARGET where the source says who did it to whom; PARTY for a side of a clash "
        + "the source does not cast as attacker or attacked (an ACLED battle's or riot's actors, UCDP's sides in "
        + "state-based and non-state conflict); OTHER for anyone else")
public enum Role {
    PERPETRATOR, TARGET, PARTY, OTHER
}
