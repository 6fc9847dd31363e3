-- The read model: each incident's full JSON representation, gzip-compressed, written in the transaction of every
-- change to the incident or its casualty records, claims and sources. A read by id is one primary-key lookup.
-- A missing row (an incident written before this table existed, or whose actor or source was renamed since) is
-- rebuilt on its next read.
create table incident_document (
    incident_id bigint primary key references incident (id) on delete cascade,
    version     bigint not null,
    body        bytea  not null
);
