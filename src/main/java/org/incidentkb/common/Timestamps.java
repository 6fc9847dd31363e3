package org.incidentkb.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the microsecond precision that both H2 and PostgreSQL store, so reads equal writes. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
