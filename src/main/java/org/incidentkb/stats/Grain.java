package org.incidentkb.stats;

/**
 * The roll-up tables, finest first, with their key columns: the incidents' (V8, V10, V12, V30) and, with the same
 * columns, the corrections that {@code dedupe=events} adds to them (V22, V30).
 */
enum Grain {
    /** incident_rollup (V8): by type, category and claim status too. */
    FINE("incident_rollup", "event_rollup",
            "perpetrator_id, country_code, period, type_code, category_code, claim_status"),
    /** incident_rollup_country (V10): by perpetrator, country and month only. */
    COUNTRY_MONTH("incident_rollup_country", "event_rollup_country", "perpetrator_id, country_code, period"),
    /** incident_rollup_year (V12): by perpetrator, country and year (period = year * 100 + 12). */
    COUNTRY_YEAR("incident_rollup_year", "event_rollup_year", "perpetrator_id, country_code, period"),
    /** incident_rollup_perpetrator_year (V30): by perpetrator and year, every country together. */
    PERPETRATOR_YEAR("incident_rollup_perpetrator_year", "event_rollup_perpetrator_year", "perpetrator_id, period");

    final String table;
    final String eventTable;
    final String keys;

    Grain(String table, String eventTable, String keys) {
        this.table = table;
        this.eventTable = eventTable;
        this.keys = keys;
    }

    int keyCount() {
        return keys.split(", ").length;
    }

    /** Whether the grain keeps the country (all but {@link #PERPETRATOR_YEAR}). */
    boolean byCountry() {
        return this != PERPETRATOR_YEAR;
    }

    /** Whether the grain keeps whole years, its period year * 100 + 12. */
    boolean byYear() {
        return this == COUNTRY_YEAR || this == PERPETRATOR_YEAR;
    }

    /** Whether the grain keeps the type, category and claim status ({@link #FINE} only). */
    boolean byKind() {
        return this == FINE;
    }

    /** The period of a month ({@code year * 100 + month}) in this grain: the month, or its year's. */
    int period(int month) {
        return byYear() ? month / 100 * 100 + 12 : month;
    }
}
