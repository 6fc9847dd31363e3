package org.incidentkb.link;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The tables of links and events the read queries use, declared by hand from V17 (as IncidentSchema). */
final class LinkSchema {

    private LinkSchema() {
    }

    static final Table<Record> LINK = table(name("incident_link"));
    static final Field<Long> LINK_ID = field(name("incident_link", "id"), SQLDataType.BIGINT);
    static final Field<Long> LINK_FROM = field(name("incident_link", "from_id"), SQLDataType.BIGINT);
    static final Field<Long> LINK_TO = field(name("incident_link", "to_id"), SQLDataType.BIGINT);
    static final Field<Long> LINK_LOW = field(name("incident_link", "low_id"), SQLDataType.BIGINT);
    static final Field<Long> LINK_HIGH = field(name("incident_link", "high_id"), SQLDataType.BIGINT);
    static final Field<String> LINK_RELATION = field(name("incident_link", "relation"), SQLDataType.VARCHAR);
    static final Field<String> LINK_STATUS = field(name("incident_link", "status"), SQLDataType.VARCHAR);
    static final Field<Double> LINK_SCORE = field(name("incident_link", "score"), SQLDataType.DOUBLE);

    static final Table<Record> EVENT = table(name("incident_event"));
    static final Field<Long> EVENT_INCIDENT = field(name("incident_event", "incident_id"), SQLDataType.BIGINT);
    static final Field<Long> EVENT_ID = field(name("incident_event", "event_id"), SQLDataType.BIGINT);

    static final Table<Record> INCIDENT = table(name("incident"));
    static final Field<Long> INCIDENT_ID = field(name("incident", "id"), SQLDataType.BIGINT);
    static final Field<String> INCIDENT_TITLE = field(name("incident", "title"), SQLDataType.VARCHAR);
    static final Field<LocalDate> INCIDENT_START = field(name("incident", "start_date"), SQLDataType.LOCALDATE);
    static final Field<String> INCIDENT_COUNTRY = field(name("incident", "country_code"), SQLDataType.VARCHAR);
    static final Field<Integer> KILLED_LOW = field(name("incident", "killed_low"), SQLDataType.INTEGER);
    static final Field<Integer> KILLED_HIGH = field(name("incident", "killed_high"), SQLDataType.INTEGER);
    static final Field<Integer> INJURED_LOW = field(name("incident", "injured_low"), SQLDataType.INTEGER);
    static final Field<Integer> INJURED_HIGH = field(name("incident", "injured_high"), SQLDataType.INTEGER);

    static final Table<Record> EXTERNAL_REF = table(name("incident_external_ref"));
    static final Field<Long> REF_INCIDENT = field(name("incident_external_ref", "incident_id"), SQLDataType.BIGINT);
    static final Field<String> REF_DATASET = field(name("incident_external_ref", "dataset"), SQLDataType.VARCHAR);
}
