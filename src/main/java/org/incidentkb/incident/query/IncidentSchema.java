package org.incidentkb.incident.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The tables and columns the read queries use, declared by hand from the Flyway migrations (ADR 0010 says why not
 * generated); {@code SchemaTest} checks every one against the migrated database. The incident table is aliased
 * {@code i} (so the same fields serve the table and the date-range union that stands in for it); the tables of
 * subqueries are not aliased.
 */
public final class IncidentSchema {

    private IncidentSchema() {
    }

    /** incident, as {@code i}. */
    public static final Table<Record> INCIDENT = table(name("incident")).as("i");
    public static final Field<Long> ID = i("id", SQLDataType.BIGINT);
    public static final Field<String> TITLE = i("title", SQLDataType.VARCHAR);
    public static final Field<String> SUMMARY = i("summary", SQLDataType.VARCHAR);
    public static final Field<String> COUNTRY_CODE = i("country_code", SQLDataType.VARCHAR);
    public static final Field<String> ADMIN1 = i("admin1", SQLDataType.VARCHAR);
    public static final Field<String> LOCALITY = i("locality", SQLDataType.VARCHAR);
    public static final Field<String> CATEGORY_CODE = i("category_code", SQLDataType.VARCHAR);
    public static final Field<String> TYPE_CODE = i("type_code", SQLDataType.VARCHAR);
    public static final Field<LocalDate> START_DATE = i("start_date", SQLDataType.LOCALDATE);
    public static final Field<LocalDate> END_DATE = i("end_date", SQLDataType.LOCALDATE);
    public static final Field<Double> LATITUDE = i("latitude", SQLDataType.DOUBLE);
    public static final Field<Double> LONGITUDE = i("longitude", SQLDataType.DOUBLE);
    public static final Field<Integer> KILLED_LOW = i("killed_low", SQLDataType.INTEGER);
    public static final Field<Integer> KILLED_BEST = i("killed_best", SQLDataType.INTEGER);
    public static final Field<Integer> KILLED_HIGH = i("killed_high", SQLDataType.INTEGER);
    public static final Field<Integer> INJURED_LOW = i("injured_low", SQLDataType.INTEGER);
    public static final Field<Integer> INJURED_BEST = i("injured_best", SQLDataType.INTEGER);
    public static final Field<Integer> INJURED_HIGH = i("injured_high", SQLDataType.INTEGER);
    public static final Field<String> CLAIM_STATUS = i("claim_status", SQLDataType.VARCHAR);
    public static final Field<Instant> CREATED_AT = i("created_at", SQLDataType.INSTANT);
    public static final Field<Instant> UPDATED_AT = i("updated_at", SQLDataType.INSTANT);

    /** incident_event (V17): the members of each event; event_id is the incident shown for it. */
    public static final Table<Record> EVENT = table(name("incident_event"));
    public static final Field<Long> EVENT_INCIDENT = field(name("incident_event", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Long> EVENT_ID = field(name("incident_event", "event_id"), SQLDataType.BIGINT);
    /** The event's reconciled figures, on its lead's row (null on the others'). */
    public static final Field<Integer> EVENT_KILLED_LOW = field(name("incident_event", "killed_low"), SQLDataType.INTEGER);
    public static final Field<Integer> EVENT_KILLED_HIGH = field(name("incident_event", "killed_high"), SQLDataType.INTEGER);
    public static final Field<Integer> EVENT_INJURED_LOW = field(name("incident_event", "injured_low"), SQLDataType.INTEGER);
    public static final Field<Integer> EVENT_INJURED_HIGH = field(name("incident_event", "injured_high"),
            SQLDataType.INTEGER);

    /** incident without an alias, for subqueries under the aliased one. */
    public static final Table<Record> INCIDENT_PLAIN = table(name("incident"));
    public static final Field<Long> PLAIN_ID = field(name("incident", "id"), SQLDataType.BIGINT);
    public static final Field<LocalDate> PLAIN_END_DATE = field(name("incident", "end_date"), SQLDataType.LOCALDATE);
    public static final Field<String> PLAIN_COUNTRY_CODE = field(name("incident", "country_code"), SQLDataType.VARCHAR);

    /** incident_actor: an actor's part in an incident. */
    public static final Table<Record> PARTICIPANT = table(name("incident_actor"));
    public static final Field<Long> PARTICIPANT_INCIDENT = field(name("incident_actor", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Long> PARTICIPANT_ACTOR = field(name("incident_actor", "actor_id"), SQLDataType.BIGINT);
    public static final Field<String> PARTICIPANT_ROLE = field(name("incident_actor", "role"), SQLDataType.VARCHAR);

    /**
     * incident_by_actor (V24): an actor's incidents in a role, with the incident's columns under their names there,
     * aliased {@code i} as the incident table is, so that the conditions and sort keys over the incident table apply.
     */
    public static final Table<Record> BY_ACTOR = table(name("incident_by_actor")).as("i");
    public static final Field<Long> BY_ACTOR_ACTOR = field(name("i", "actor_id"), SQLDataType.BIGINT);
    public static final Field<String> BY_ACTOR_ROLE = field(name("i", "role"), SQLDataType.VARCHAR);

    /** claim. */
    public static final Table<Record> CLAIM = table(name("claim"));
    public static final Field<Long> CLAIM_INCIDENT = field(name("claim", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Long> CLAIM_ACTOR = field(name("claim", "actor_id"), SQLDataType.BIGINT);
    public static final Field<String> CLAIM_STANCE = field(name("claim", "stance"), SQLDataType.VARCHAR);

    /** casualty and the names in its records. */
    public static final Table<Record> CASUALTY = table(name("casualty"));
    public static final Field<Long> CASUALTY_ID = field(name("casualty", "id"), SQLDataType.BIGINT);
    public static final Field<Long> CASUALTY_INCIDENT = field(name("casualty", "incident_id"), SQLDataType.BIGINT);
    public static final Table<Record> CASUALTY_NAME = table(name("casualty_name"));
    public static final Field<Long> CASUALTY_NAME_CASUALTY = field(name("casualty_name", "casualty_id"), SQLDataType.BIGINT);
    public static final Field<String> CASUALTY_NAME_NAME = field(name("casualty_name", "name"), SQLDataType.VARCHAR);

    /** incident_tag. */
    public static final Table<Record> TAG = table(name("incident_tag"));
    public static final Field<Long> TAG_INCIDENT = field(name("incident_tag", "incident_id"), SQLDataType.BIGINT);
    public static final Field<String> TAG_TAG = field(name("incident_tag", "tag"), SQLDataType.VARCHAR);

    /** incident_source and source. */
    public static final Table<Record> INCIDENT_SOURCE = table(name("incident_source"));
    public static final Field<Long> INCIDENT_SOURCE_INCIDENT = field(name("incident_source", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Long> INCIDENT_SOURCE_SOURCE = field(name("incident_source", "source_id"), SQLDataType.BIGINT);
    public static final Table<Record> SOURCE = table(name("source"));
    public static final Field<Long> SOURCE_ID = field(name("source", "id"), SQLDataType.BIGINT);
    public static final Field<String> SOURCE_PUBLISHER = field(name("source", "publisher"), SQLDataType.VARCHAR);

    /** incident_external_ref. */
    public static final Table<Record> EXTERNAL_REF = table(name("incident_external_ref"));
    public static final Field<Long> EXTERNAL_REF_INCIDENT = field(name("incident_external_ref", "incident_id"), SQLDataType.BIGINT);
    public static final Field<String> EXTERNAL_REF_DATASET = field(name("incident_external_ref", "dataset"), SQLDataType.VARCHAR);
    public static final Field<String> EXTERNAL_REF_ID = field(name("incident_external_ref", "external_id"), SQLDataType.VARCHAR);

    /** incident_tombstone. */
    public static final Table<Record> TOMBSTONE = table(name("incident_tombstone"));
    public static final Field<Long> TOMBSTONE_INCIDENT = field(name("incident_tombstone", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Instant> TOMBSTONE_DELETED_AT = field(name("incident_tombstone", "deleted_at"), SQLDataType.INSTANT);

    /** incident_actor, as {@code gp}: the perpetrators statistics join to group by them. */
    public static final Table<Record> PERPETRATOR_PART = table(name("incident_actor")).as("gp");
    public static final Field<Long> PERPETRATOR_PART_INCIDENT = field(name("gp", "incident_id"), SQLDataType.BIGINT);
    public static final Field<Long> PERPETRATOR_PART_ACTOR = field(name("gp", "actor_id"), SQLDataType.BIGINT);
    public static final Field<String> PERPETRATOR_PART_ROLE = field(name("gp", "role"), SQLDataType.VARCHAR);

    /** actor, as {@code perp}: the perpetrator statistics group by. */
    public static final Table<Record> PERPETRATOR = table(name("actor")).as("perp");
    public static final Field<Long> PERPETRATOR_ID = field(name("perp", "id"), SQLDataType.BIGINT);
    public static final Field<String> PERPETRATOR_NAME = field(name("perp", "name"), SQLDataType.VARCHAR);

    private static <T> Field<T> i(String column, DataType<T> type) {
        return field(name("i", column), type);
    }
}
