package org.incidentkb.stats;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.IncidentRollup;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The roll-up tables (V8, V10, V12, V13, V30; their corrections for deduplicated figures, V22, V30) for the statistics
 * queries, each aliased {@code r}: they share their columns, the coarser grains leaving some out, so the columns are
 * the finest grain's in the generated schema (ADR 0010).
 */
final class RollupSchema {

    private RollupSchema() {
    }

    static Table<Record> table(Grain grain) {
        return DSL.table(name(grain.table)).as("r");
    }

    /** The grain's columns, keys then measures, unqualified, in the order of its statements. */
    static List<Field<?>> columns(Grain grain) {
        return Stream.concat(Arrays.stream(grain.keys.split(", ")), Arrays.stream(RollupWriter.MEASURES.split(", ")))
                .<Field<?>>map(c -> field(name(c))).toList();
    }

    /** The finest grain's table, which has every column the others have, as every grain's rows are aliased. */
    private static final IncidentRollup R = Tables.INCIDENT_ROLLUP.as("r");

    static final Field<Long> PERPETRATOR_ID = R.PERPETRATOR_ID;
    static final Field<String> COUNTRY_CODE = R.COUNTRY_CODE;
    static final Field<Integer> PERIOD = R.PERIOD;
    static final Field<String> TYPE_CODE = R.TYPE_CODE;
    static final Field<String> CATEGORY_CODE = R.CATEGORY_CODE;
    static final Field<String> CLAIM_STATUS = R.CLAIM_STATUS;
    static final Field<Long> INCIDENTS = R.INCIDENTS;

    /** A measure's columns: the sums of low, best and known high, and the counts of open highs and unknowns. */
    record Measure(Field<Long> low, Field<Long> best, Field<Long> high, Field<Long> open, Field<Long> unknown) {
    }

    static final Measure KILLED = new Measure(R.KILLED_LOW, R.KILLED_BEST, R.KILLED_HIGH, R.KILLED_OPEN,
            R.KILLED_UNKNOWN);
    static final Measure INJURED = new Measure(R.INJURED_LOW, R.INJURED_BEST, R.INJURED_HIGH, R.INJURED_OPEN,
            R.INJURED_UNKNOWN);

}
