package org.incidentkb.stats;

import org.incidentkb.common.schema.Tables;
import org.jooq.Table;

/**
 * The roll-up tables, finest first, with their key columns: the incidents' (V8, V10, V12, V30) and, with the same
 * columns, the corrections that {@code dedupe=events} adds to them (V22, V30).
 */
enum Grain {
    /** incident_rollup (V8): by type, category and claim status too. */
    FINE(Tables.INCIDENT_ROLLUP, Tables.EVENT_ROLLUP,
            "perpetrator_id, country_code, period, type_code, category_code, claim_status"),
    /** incident_rollup_country (V10): by perpetrator, country and month only. */
    COUNTRY_MONTH(Tables.INCIDENT_ROLLUP_COUNTRY, Tables.EVENT_ROLLUP_COUNTRY, "perpetrator_id, country_code, period"),
    /** incident_rollup_year (V12): by perpetrator, country and year (period = year * 100 + 12). */
    COUNTRY_YEAR(Tables.INCIDENT_ROLLUP_YEAR, Tables.EVENT_ROLLUP_YEAR, "perpetrator_id, country_code, period"),
    /** incident_rollup_perpetrator_year (V30): by perpetrator and year, every country together. */
    PERPETRATOR_YEAR(Tables.INCIDENT_ROLLUP_PERPETRATOR_YEAR, Tables.EVENT_ROLLUP_PERPETRATOR_YEAR, "perpetrator_id, period");

    final String table;
    final String eventTable;
    final String keys;

    Grain(Table<?> table, Table<?> eventTable, String keys) {
        this.table = table.getName();
        this.eventTable = eventTable.getName();
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
