-- The statistics roll-up: incident counts and casualty sums per month of start, country, event type, category and
-- claim status, kept current in the transaction of every write (org.incidentkb.stats.StatsRollup). Statistics whose
-- filters and groups it can answer read a few thousand of its rows instead of every incident.
--
-- perpetrator_id 0 rows count each incident once. Rows with another perpetrator_id count each incident once per
-- perpetrator (-1: incidents without one), for groupBy=perpetrator. No value is '' (keys cannot be null).
-- A measure's high sums the known highs; its open column counts incidents with a best but no high, so that a group
-- with any of them reports no high.
create table incident_rollup (
    perpetrator_id bigint      not null,
    country_code   varchar(3)  not null,
    period         integer     not null,
    type_code      varchar(64) not null,
    category_code  varchar(64) not null,
    claim_status   varchar(16) not null,
    incidents      bigint      not null,
    killed_low     bigint      not null,
    killed_best    bigint      not null,
    killed_high    bigint      not null,
    killed_open    bigint      not null,
    injured_low    bigint      not null,
    injured_best   bigint      not null,
    injured_high   bigint      not null,
    injured_open   bigint      not null,
    primary key (perpetrator_id, country_code, period, type_code, category_code, claim_status)
);

insert into incident_rollup
select perpetrator_id, country_code, period, type_code, category_code, claim_status, count(*),
       coalesce(sum(killed_low), 0), coalesce(sum(killed_best), 0), coalesce(sum(killed_high), 0),
       sum(case when killed_best is not null and killed_high is null then 1 else 0 end),
       coalesce(sum(injured_low), 0), coalesce(sum(injured_best), 0), coalesce(sum(injured_high), 0),
       sum(case when injured_best is not null and injured_high is null then 1 else 0 end)
from (
    select coalesce(p.actor_id, -1) as perpetrator_id, coalesce(i.country_code, '') as country_code,
           cast(extract(year from i.start_date) * 100 + extract(month from i.start_date) as integer) as period,
           coalesce(i.type_code, '') as type_code, i.category_code, i.claim_status,
           i.killed_low, i.killed_best, i.killed_high, i.injured_low, i.injured_best, i.injured_high
    from incident i left join incident_actor p on p.incident_id = i.id and p.role = 'PERPETRATOR'
    union all
    select 0, coalesce(i.country_code, ''),
           cast(extract(year from i.start_date) * 100 + extract(month from i.start_date) as integer),
           coalesce(i.type_code, ''), i.category_code, i.claim_status,
           i.killed_low, i.killed_best, i.killed_high, i.injured_low, i.injured_best, i.injured_high
    from incident i
) contributions
group by perpetrator_id, country_code, period, type_code, category_code, claim_status;
