-- Links between incidents (DESIGN §3): the same event in two datasets (SAME_EVENT), one incident part of another
-- (PART_OF), a response to another (RESPONSE_TO), or related without more said (RELATED). A pair is linked at most
-- once per relation whichever way round (low_id < high_id is the pair; from/to keep the direction). Deleting an
-- incident deletes its links.
create sequence incident_link_seq start with 1 increment by 50;

create table incident_link (
    id            bigint        primary key,
    version       bigint        not null,
    from_id       bigint        not null references incident (id) on delete cascade,
    to_id         bigint        not null references incident (id) on delete cascade,
    low_id        bigint        not null,
    high_id       bigint        not null,
    relation      varchar(16)   not null,
    status        varchar(10)   not null,
    score         double precision,
    distance_km   double precision,
    days_apart    integer,
    type_match    varchar(8),
    shared_actors varchar(4000),
    note          varchar(2000),
    created_by    varchar(200),
    decided_by    varchar(200),
    decided_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uk_incident_link unique (low_id, high_id, relation),
    constraint ck_incident_link_pair check (low_id < high_id)
);
create index ix_incident_link_high on incident_link (high_id);
create index ix_incident_link_review on incident_link (status, relation, id);

-- Every change to a link, shown in the history of both its incidents. No foreign key: history outlives links.
create sequence link_revision_seq start with 1 increment by 50;

create table link_revision (
    id             bigint        primary key,
    link_id        bigint        not null,
    from_id        bigint        not null,
    to_id          bigint        not null,
    relation       varchar(16)   not null,
    status         varchar(10)   not null,
    operation      varchar(8)    not null,
    changed_fields varchar(200),
    author         varchar(200),
    changed_at     timestamp with time zone not null
);
create index ix_link_revision_from on link_revision (from_id, id);
create index ix_link_revision_to on link_revision (to_id, id);

-- One event across datasets: the incidents joined by SAME_EVENT links that are not rejected. Only incidents in an
-- event of two or more have a row; event_id is the id of the incident shown for the event (the lead). The lead's
-- row carries the event's reconciled figures: the smallest known low, the largest high (null when any member's high
-- is unknown); the best figure is the lead's own.
create table incident_event (
    incident_id   bigint   primary key,
    event_id      bigint   not null,
    killed_low    integer,
    killed_high   integer,
    injured_low   integer,
    injured_high  integer
);
create index ix_incident_event_event on incident_event (event_id, incident_id);

-- Matching runs (POST /matching). `active` is 1 while a run is queued or running and null after: its unique key lets
-- one run at a time across every instance sharing the database.
create table matching_job (
    id                   varchar(36)   primary key,
    state                varchar(16)   not null,
    active               integer,
    spatial_window_km    double precision not null,
    temporal_window_days integer       not null,
    type_level           varchar(8)    not null,
    country_code         varchar(3),
    date_from            date,
    date_to              date,
    trigger_import       varchar(36),
    incidents            bigint        not null,
    compared             bigint        not null,
    proposed             bigint        not null,
    kept                 bigint        not null,
    removed              bigint        not null,
    message              varchar(2000),
    submitted_by         varchar(200),
    instance_id          varchar(100),
    created_at           timestamp with time zone not null,
    started_at           timestamp with time zone,
    finished_at          timestamp with time zone,
    heartbeat_at         timestamp with time zone not null,
    constraint uk_matching_job_active unique (active)
);
create index ix_matching_job_created on matching_job (created_at);
