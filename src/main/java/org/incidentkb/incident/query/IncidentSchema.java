package org.incidentkb.incident.query;

import java.time.Instant;
import java.time.LocalDate;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.Actor;
import org.incidentkb.common.schema.tables.Casualty;
import org.incidentkb.common.schema.tables.CasualtyName;
import org.incidentkb.common.schema.tables.Claim;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.common.schema.tables.IncidentActor;
import org.incidentkb.common.schema.tables.IncidentByActor;
import org.incidentkb.common.schema.tables.IncidentEvent;
import org.incidentkb.common.schema.tables.IncidentExternalRef;
import org.incidentkb.common.schema.tables.IncidentSource;
import org.incidentkb.common.schema.tables.IncidentTag;
import org.incidentkb.common.schema.tables.IncidentTombstone;
import org.incidentkb.common.schema.tables.Source;
import org.jooq.Field;

/**
 * The tables and columns the read queries use, under the names the queries give them: the schema jOOQ generates from
 * the migrated database at build time ({@code org.incidentkb.common.schema}, ADR 0010), so a renamed or retyped column
 * fails the build. The incident table is aliased {@code i} (so the same fields serve the table and the date-range
 * union that stands in for it); the tables of subqueries are not aliased.
 */
public final class IncidentSchema {

    private IncidentSchema() {
    }

    /** incident, as {@code i}. */
    public static final Incident INCIDENT = Tables.INCIDENT.as("i");
    public static final Field<Long> ID = INCIDENT.ID;
    public static final Field<String> TITLE = INCIDENT.TITLE;
    public static final Field<String> SUMMARY = INCIDENT.SUMMARY;
    public static final Field<String> COUNTRY_CODE = INCIDENT.COUNTRY_CODE;
    public static final Field<String> ADMIN1 = INCIDENT.ADMIN1;
    public static final Field<String> LOCALITY = INCIDENT.LOCALITY;
    public static final Field<String> CATEGORY_CODE = INCIDENT.CATEGORY_CODE;
    public static final Field<String> TYPE_CODE = INCIDENT.TYPE_CODE;
    public static final Field<LocalDate> START_DATE = INCIDENT.START_DATE;
    public static final Field<LocalDate> END_DATE = INCIDENT.END_DATE;
    public static final Field<Double> LATITUDE = INCIDENT.LATITUDE;
    public static final Field<Double> LONGITUDE = INCIDENT.LONGITUDE;
    public static final Field<Integer> KILLED_LOW = INCIDENT.KILLED_LOW;
    public static final Field<Integer> KILLED_BEST = INCIDENT.KILLED_BEST;
    public static final Field<Integer> KILLED_HIGH = INCIDENT.KILLED_HIGH;
    public static final Field<Integer> INJURED_LOW = INCIDENT.INJURED_LOW;
    public static final Field<Integer> INJURED_BEST = INCIDENT.INJURED_BEST;
    public static final Field<Integer> INJURED_HIGH = INCIDENT.INJURED_HIGH;
    public static final Field<String> CLAIM_STATUS = INCIDENT.CLAIM_STATUS;
    public static final Field<Instant> CREATED_AT = INCIDENT.CREATED_AT;
    public static final Field<Instant> UPDATED_AT = INCIDENT.UPDATED_AT;

    /** incident_event (V17): the members of each event; event_id is the incident shown for it. */
    public static final IncidentEvent EVENT = Tables.INCIDENT_EVENT;
    public static final Field<Long> EVENT_INCIDENT = EVENT.INCIDENT_ID;
    public static final Field<Long> EVENT_ID = EVENT.EVENT_ID;
    /** The event's reconciled figures, on its lead's row (null on the others'). */
    public static final Field<Integer> EVENT_KILLED_LOW = EVENT.KILLED_LOW;
    public static final Field<Integer> EVENT_KILLED_BEST = EVENT.KILLED_BEST;
    public static final Field<Integer> EVENT_KILLED_HIGH = EVENT.KILLED_HIGH;
    public static final Field<Integer> EVENT_INJURED_LOW = EVENT.INJURED_LOW;
    public static final Field<Integer> EVENT_INJURED_BEST = EVENT.INJURED_BEST;
    public static final Field<Integer> EVENT_INJURED_HIGH = EVENT.INJURED_HIGH;

    /** incident without an alias, for subqueries under the aliased one. */
    public static final Incident INCIDENT_PLAIN = Tables.INCIDENT;
    public static final Field<Long> PLAIN_ID = INCIDENT_PLAIN.ID;
    public static final Field<LocalDate> PLAIN_END_DATE = INCIDENT_PLAIN.END_DATE;
    public static final Field<String> PLAIN_COUNTRY_CODE = INCIDENT_PLAIN.COUNTRY_CODE;

    /** incident_actor: an actor's part in an incident. */
    public static final IncidentActor PARTICIPANT = Tables.INCIDENT_ACTOR;
    public static final Field<Long> PARTICIPANT_INCIDENT = PARTICIPANT.INCIDENT_ID;
    public static final Field<Long> PARTICIPANT_ACTOR = PARTICIPANT.ACTOR_ID;
    public static final Field<String> PARTICIPANT_ROLE = PARTICIPANT.ROLE;

    /**
     * incident_by_actor (V24): an actor's incidents in a role, with the incident's columns under their names there,
     * aliased {@code i} as the incident table is, so that the conditions and sort keys over the incident table apply.
     */
    public static final IncidentByActor BY_ACTOR = Tables.INCIDENT_BY_ACTOR.as("i");
    public static final Field<Long> BY_ACTOR_ACTOR = BY_ACTOR.ACTOR_ID;
    public static final Field<String> BY_ACTOR_ROLE = BY_ACTOR.ROLE;

    /** claim. */
    public static final Claim CLAIM = Tables.CLAIM;
    public static final Field<Long> CLAIM_INCIDENT = CLAIM.INCIDENT_ID;
    public static final Field<Long> CLAIM_ACTOR = CLAIM.ACTOR_ID;
    public static final Field<String> CLAIM_STANCE = CLAIM.STANCE;

    /** casualty and the names in its records. */
    public static final Casualty CASUALTY = Tables.CASUALTY;
    public static final Field<Long> CASUALTY_ID = CASUALTY.ID;
    public static final Field<Long> CASUALTY_INCIDENT = CASUALTY.INCIDENT_ID;
    public static final CasualtyName CASUALTY_NAME = Tables.CASUALTY_NAME;
    public static final Field<Long> CASUALTY_NAME_CASUALTY = CASUALTY_NAME.CASUALTY_ID;
    public static final Field<String> CASUALTY_NAME_NAME = CASUALTY_NAME.NAME;

    /** incident_tag. */
    public static final IncidentTag TAG = Tables.INCIDENT_TAG;
    public static final Field<Long> TAG_INCIDENT = TAG.INCIDENT_ID;
    public static final Field<String> TAG_TAG = TAG.TAG;

    /** incident_source and source. */
    public static final IncidentSource INCIDENT_SOURCE = Tables.INCIDENT_SOURCE;
    public static final Field<Long> INCIDENT_SOURCE_INCIDENT = INCIDENT_SOURCE.INCIDENT_ID;
    public static final Field<Long> INCIDENT_SOURCE_SOURCE = INCIDENT_SOURCE.SOURCE_ID;
    public static final Source SOURCE = Tables.SOURCE;
    public static final Field<Long> SOURCE_ID = SOURCE.ID;
    public static final Field<String> SOURCE_PUBLISHER = SOURCE.PUBLISHER;

    /** incident_external_ref. */
    public static final IncidentExternalRef EXTERNAL_REF = Tables.INCIDENT_EXTERNAL_REF;
    public static final Field<Long> EXTERNAL_REF_INCIDENT = EXTERNAL_REF.INCIDENT_ID;
    public static final Field<String> EXTERNAL_REF_DATASET = EXTERNAL_REF.DATASET;
    public static final Field<String> EXTERNAL_REF_ID = EXTERNAL_REF.EXTERNAL_ID;

    /** incident_tombstone. */
    public static final IncidentTombstone TOMBSTONE = Tables.INCIDENT_TOMBSTONE;
    public static final Field<Long> TOMBSTONE_INCIDENT = TOMBSTONE.INCIDENT_ID;
    public static final Field<Instant> TOMBSTONE_DELETED_AT = TOMBSTONE.DELETED_AT;

    /** incident_actor, as {@code gp}: the perpetrators statistics join to group by them. */
    public static final IncidentActor PERPETRATOR_PART = Tables.INCIDENT_ACTOR.as("gp");
    public static final Field<Long> PERPETRATOR_PART_INCIDENT = PERPETRATOR_PART.INCIDENT_ID;
    public static final Field<Long> PERPETRATOR_PART_ACTOR = PERPETRATOR_PART.ACTOR_ID;
    public static final Field<String> PERPETRATOR_PART_ROLE = PERPETRATOR_PART.ROLE;

    /** actor, as {@code perp}: the perpetrator statistics group by. */
    public static final Actor PERPETRATOR = Tables.ACTOR.as("perp");
    public static final Field<Long> PERPETRATOR_ID = PERPETRATOR.ID;
    public static final Field<String> PERPETRATOR_NAME = PERPETRATOR.NAME;

}
