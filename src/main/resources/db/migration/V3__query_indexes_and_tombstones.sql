-- Indexes for the filters and sorts of GET /incidents and /stats/incidents, and the tombstones of the change feed.

-- A deleted incident leaves its id and the time of deletion, so a mirror following ?updatedSince= can drop it.
create table incident_tombstone (
    incident_id bigint primary key,
    deleted_at  timestamp with time zone not null
);
create index ix_incident_tombstone_deleted on incident_tombstone (deleted_at, incident_id);

create index ix_incident_end_date on incident (end_date);
create index ix_incident_created on incident (created_at, id);
create index ix_incident_claim_status on incident (claim_status, start_date);
create index ix_incident_killed on incident (killed_best, id);
create index ix_incident_injured on incident (injured_best, id);
create index ix_incident_coordinates on incident (latitude, longitude);
create index ix_incident_tag_incident on incident_tag (tag, incident_id);

create index ix_claim_stated_on on claim (stated_on, id);
create index ix_casualty_category on casualty (category, incident_id);
drop index ix_incident_tag_tag;
