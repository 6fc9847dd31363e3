-- Users who sign in with HTTP Basic. Passwords are kept only as bcrypt hashes; roles are a comma list of
-- reader, editor, admin. Names are unique regardless of case (username_key is the lower-cased name).
create sequence kb_user_seq start with 1 increment by 50;

create table kb_user (
    id            bigint        primary key,
    version       bigint        not null,
    username      varchar(100)  not null,
    username_key  varchar(100)  not null,
    password_hash varchar(100)  not null,
    roles         varchar(100)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uk_kb_user_name unique (username_key)
);

-- The audit trail of incidents: one row per change to an incident or its casualty records, claims and sources,
-- written in the transaction of the change. No foreign key: a deleted incident's history stays.
create sequence incident_revision_seq start with 1 increment by 50;

create table incident_revision (
    id             bigint        primary key,
    incident_id    bigint        not null,
    revision       bigint        not null,
    changed_at     timestamp with time zone not null,
    author         varchar(200),
    operation      varchar(8)    not null,
    changed_fields varchar(4000),
    constraint uk_incident_revision unique (incident_id, revision)
);

-- Import jobs remember who submitted them (for the audit trail) and which instance runs them, so a restarted
-- instance can fail its own dead jobs at once.
alter table import_job add column submitted_by varchar(200);
alter table import_job add column instance_id varchar(36);
