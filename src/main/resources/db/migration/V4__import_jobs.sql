-- Import jobs: one row per POST /imports, updated as the job runs, with its first errors.
create table import_job (
    id            varchar(36)   primary key,
    format        varchar(16)   not null,
    state         varchar(16)   not null,
    charset       varchar(40)   not null,
    bytes_total   bigint        not null,
    bytes_read    bigint        not null,
    rows_read     bigint        not null,
    created       bigint        not null,
    updated       bigint        not null,
    skipped       bigint        not null,
    failed        bigint        not null,
    message       varchar(2000),
    created_at    timestamp with time zone not null,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    heartbeat_at  timestamp with time zone not null
);
create index ix_import_job_created on import_job (created_at);

create table import_error (
    job_id   varchar(36)   not null references import_job (id) on delete cascade,
    position integer       not null,
    line     bigint        not null,
    message  varchar(2000) not null,
    primary key (job_id, position)
);

-- Imports look up a batch of rows by external id (external_id in (...)); lead with it so the IN list is an
-- index lookup rather than a scan of the dataset's rows.
create index ix_incident_external_ref_id on incident_external_ref (external_id, dataset);
