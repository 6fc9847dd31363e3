-- dedupe=events without a join: each incident carries its part in its event (null alone, 1 the incident shown for the
-- event, 2 another record of it) and, when shown, the event's reconciled low and high figures. A projection of
-- incident_event, written with it (EventGroups); the incident's version and documents do not change with it.
alter table incident add column event_role smallint;
alter table incident add column event_killed_low integer;
alter table incident add column event_killed_high integer;
alter table incident add column event_injured_low integer;
alter table incident add column event_injured_high integer;
update incident set event_role = (select case when e.event_id = e.incident_id then 1 else 2 end
        from incident_event e where e.incident_id = incident.id),
    event_killed_low = (select e.killed_low from incident_event e where e.incident_id = incident.id),
    event_killed_high = (select e.killed_high from incident_event e where e.incident_id = incident.id),
    event_injured_low = (select e.injured_low from incident_event e where e.incident_id = incident.id),
    event_injured_high = (select e.injured_high from incident_event e where e.incident_id = incident.id)
    where id in (select incident_id from incident_event);
