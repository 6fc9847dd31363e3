package org.incidentkb.stats;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The roll-up tables (V8, V10, V12, V13, V30; their corrections for deduplicated figures, V22, V30) for the statistics
 * queries, each aliased {@code r}: they share their columns, the coarser grains leaving some out. Declared by hand like
 * {@code IncidentSchema} (ADR 0010).
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

    static final Field<Long> PERPETRATOR_ID = r("perpetrator_id", SQLDataType.BIGINT);
    static final Field<String> COUNTRY_CODE = r("country_code", SQLDataType.VARCHAR);
    static final Field<Integer> PERIOD = r("period", SQLDataType.INTEGER);
    static final Field<String> TYPE_CODE = r("type_code", SQLDataType.VARCHAR);
    static final Field<String> CATEGORY_CODE = r("category_code", SQLDataType.VARCHAR);
    static final Field<String> CLAIM_STATUS = r("claim_status", SQLDataType.VARCHAR);
    static final Field<Long> INCIDENTS = r("incidents", SQLDataType.BIGINT);

    /** A measure's columns: the sums of low, best and known high, and the counts of open highs and unknowns. */
    record Measure(Field<Long> low, Field<Long> best, Field<Long> high, Field<Long> open, Field<Long> unknown) {
        static Measure of(String name) {
            return new Measure(r(name + "_low", SQLDataType.BIGINT), r(name + "_best", SQLDataType.BIGINT),
                    r(name + "_high", SQLDataType.BIGINT), r(name + "_open", SQLDataType.BIGINT),
                    r(name + "_unknown", SQLDataType.BIGINT));
        }
    }

    static final Measure KILLED = Measure.of("killed");
    static final Measure INJURED = Measure.of("injured");

    private static <T> Field<T> r(String column, DataType<T> type) {
        return field(name("r", column), type);
    }

}
