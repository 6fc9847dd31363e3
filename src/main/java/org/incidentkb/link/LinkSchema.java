package org.incidentkb.link;


import java.time.LocalDate;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.common.schema.tables.IncidentEvent;
import org.incidentkb.common.schema.tables.IncidentExternalRef;
import org.incidentkb.common.schema.tables.IncidentLink;
import org.jooq.Field;

/** The tables of links and events the read queries use, under their names there (from the generated schema). */
final class LinkSchema {

    private LinkSchema() {
    }

    static final IncidentLink LINK = Tables.INCIDENT_LINK;
    static final Field<Long> LINK_ID = LINK.ID;
    static final Field<Long> LINK_FROM = LINK.FROM_ID;
    static final Field<Long> LINK_TO = LINK.TO_ID;
    static final Field<Long> LINK_LOW = LINK.LOW_ID;
    static final Field<Long> LINK_HIGH = LINK.HIGH_ID;
    static final Field<String> LINK_RELATION = LINK.RELATION;
    static final Field<String> LINK_STATUS = LINK.STATUS;
    static final Field<Double> LINK_SCORE = LINK.SCORE;

    static final IncidentEvent EVENT = Tables.INCIDENT_EVENT;
    static final Field<Long> EVENT_INCIDENT = EVENT.INCIDENT_ID;
    static final Field<Long> EVENT_ID = EVENT.EVENT_ID;

    static final Incident INCIDENT = Tables.INCIDENT;
    static final Field<Long> INCIDENT_ID = INCIDENT.ID;
    static final Field<String> INCIDENT_TITLE = INCIDENT.TITLE;
    static final Field<LocalDate> INCIDENT_START = INCIDENT.START_DATE;
    static final Field<String> INCIDENT_COUNTRY = INCIDENT.COUNTRY_CODE;
    static final Field<Integer> KILLED_LOW = INCIDENT.KILLED_LOW;
    static final Field<Integer> KILLED_HIGH = INCIDENT.KILLED_HIGH;
    static final Field<Integer> INJURED_LOW = INCIDENT.INJURED_LOW;
    static final Field<Integer> INJURED_HIGH = INCIDENT.INJURED_HIGH;

    static final IncidentExternalRef EXTERNAL_REF = Tables.INCIDENT_EXTERNAL_REF;
    static final Field<Long> REF_INCIDENT = EXTERNAL_REF.INCIDENT_ID;
    static final Field<String> REF_DATASET = EXTERNAL_REF.DATASET;
}
