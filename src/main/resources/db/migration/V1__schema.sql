-- Incident KB schema. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
-- Identifiers come from sequences that hand out blocks of 50 (Hibernate's pooled optimizer),
-- so batched inserts need no round trip per row.

create table event_category (
    code        varchar(64)   primary key,
    label       varchar(120)  not null,
    description varchar(1000),
    position    integer       not null
);

create table event_type (
    code          varchar(64)   primary key,
    category_code varchar(64)   not null references event_category (code),
    label         varchar(120)  not null,
    description   varchar(1000),
    position      integer       not null
);
create index ix_event_type_category on event_type (category_code);

-- ---------------------------------------------------------------- actors
create sequence actor_seq start with 1 increment by 50;

create table actor (
    id           bigint        primary key,
    version      bigint        not null,
    name         varchar(300)  not null,
    name_key     varchar(300)  not null,
    kind         varchar(32)   not null,
    country_code varchar(3),
    description  varchar(4000),
    parent_id    bigint        references actor (id),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint uk_actor_name unique (name_key)
);
create index ix_actor_parent on actor (parent_id);

create table actor_alias (
    actor_id  bigint       not null references actor (id) on delete cascade,
    alias     varchar(300) not null,
    alias_key varchar(300) not null,
    primary key (actor_id, alias_key)
);
create index ix_actor_alias_key on actor_alias (alias_key);

create table actor_backer (
    actor_id  bigint not null references actor (id) on delete cascade,
    backer_id bigint not null references actor (id),
    primary key (actor_id, backer_id)
);
create index ix_actor_backer_backer on actor_backer (backer_id);

create table actor_designation (
    actor_id      bigint       not null references actor (id) on delete cascade,
    position      integer      not null,
    designated_by varchar(200) not null,
    designation   varchar(200) not null,
    since         date,
    primary key (actor_id, position)
);

-- ---------------------------------------------------------------- sources
create sequence source_seq start with 1 increment by 50;

create table source (
    id           bigint        primary key,
    version      bigint        not null,
    publisher    varchar(200)  not null,
    url          varchar(2000),
    title        varchar(1000),
    published_on date,
    language     varchar(35),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint uk_source_url unique (url)
);
create index ix_source_publisher on source (publisher);

-- ---------------------------------------------------------------- incidents
create sequence incident_seq start with 1 increment by 50;

create table incident (
    id             bigint        primary key,
    version        bigint        not null,
    title          varchar(300)  not null,
    summary        varchar(20000),
    category_code  varchar(64)   not null references event_category (code),
    type_code      varchar(64)   references event_type (code),
    start_date     date          not null,
    end_date       date,
    date_precision varchar(8)    not null,
    country_code   varchar(3),
    admin1         varchar(200),
    admin2         varchar(200),
    locality       varchar(300),
    latitude       double precision,
    longitude      double precision,
    geo_precision  varchar(8),
    killed_low     integer,
    killed_best    integer,
    killed_high    integer,
    injured_low    integer,
    injured_best   integer,
    injured_high   integer,
    claim_status   varchar(16)   not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index ix_incident_start_date on incident (start_date, id);
create index ix_incident_country_date on incident (country_code, start_date);
create index ix_incident_type on incident (type_code, start_date);
create index ix_incident_category on incident (category_code, start_date);
create index ix_incident_updated on incident (updated_at, id);

create table incident_actor (
    incident_id bigint      not null references incident (id) on delete cascade,
    actor_id    bigint      not null references actor (id),
    role        varchar(16) not null,
    confidence  varchar(16) not null,
    primary key (incident_id, actor_id, role)
);
create index ix_incident_actor_actor on incident_actor (actor_id, role);

create table incident_tag (
    incident_id bigint       not null references incident (id) on delete cascade,
    tag         varchar(100) not null,
    primary key (incident_id, tag)
);
create index ix_incident_tag_tag on incident_tag (tag);

create table incident_external_ref (
    incident_id bigint       not null references incident (id) on delete cascade,
    dataset     varchar(32)  not null,
    external_id varchar(100) not null,
    constraint uk_incident_external_ref unique (dataset, external_id)
);
create index ix_incident_external_ref_incident on incident_external_ref (incident_id);

create table incident_source (
    incident_id bigint not null references incident (id) on delete cascade,
    source_id   bigint not null references source (id),
    primary key (incident_id, source_id)
);
create index ix_incident_source_source on incident_source (source_id);

-- ---------------------------------------------------------------- casualties
create sequence casualty_seq start with 1 increment by 50;

create table casualty (
    id                   bigint       primary key,
    version              bigint       not null,
    incident_id          bigint       not null references incident (id) on delete cascade,
    category             varchar(20)  not null,
    affiliation_actor_id bigint       references actor (id),
    affiliation_text     varchar(300),
    killed_low           integer,
    killed_best          integer,
    killed_high          integer,
    injured_low          integer,
    injured_best         integer,
    injured_high         integer,
    missing_low          integer,
    missing_best         integer,
    missing_high         integer,
    source_id            bigint       references source (id),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
create index ix_casualty_incident on casualty (incident_id);
create index ix_casualty_affiliation on casualty (affiliation_actor_id);
create index ix_casualty_source on casualty (source_id);

create table casualty_name (
    casualty_id bigint        not null references casualty (id) on delete cascade,
    position    integer       not null,
    name        varchar(300)  not null,
    description varchar(1000),
    primary key (casualty_id, position)
);

-- ---------------------------------------------------------------- claims
create sequence claim_seq start with 1 increment by 50;

create table claim (
    id                 bigint       primary key,
    version            bigint       not null,
    incident_id        bigint       not null references incident (id) on delete cascade,
    actor_id           bigint       not null references actor (id),
    stance             varchar(16)  not null,
    stated_by_actor_id bigint       references actor (id),
    stated_by_text     varchar(300),
    stated_on          date,
    channel            varchar(20)  not null,
    quote              varchar(5000),
    credibility        varchar(16)  not null,
    source_id          bigint       references source (id),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create index ix_claim_incident on claim (incident_id);
create index ix_claim_actor on claim (actor_id, stance);
create index ix_claim_stated_by on claim (stated_by_actor_id);
create index ix_claim_source on claim (source_id);

-- ---------------------------------------------------------------- bookkeeping
-- One row per data set loaded at start-up; its primary key makes the load happen once,
-- even when several instances start against the same empty database.
create table kb_seed (
    name      varchar(64) primary key,
    loaded_at timestamp with time zone not null
);
