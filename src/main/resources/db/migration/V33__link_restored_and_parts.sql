-- A link restored from a backup keeps who made and decided it as the file says (createdBy, decidedBy), which no user
-- of this knowledge base vouches for; these say who restored it here, and when. Null for links made here.
alter table incident_link add column restored_by varchar(200);
alter table incident_link add column restored_at timestamp with time zone;

-- The PART_OF cycle check walks from parts to wholes (from_id), which no index served.
create index ix_incident_link_from on incident_link (from_id, relation);
