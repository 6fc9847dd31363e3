-- Deduplicated statistics from the roll-ups: for every incident in an event of two or more (incident_event, V17),
-- what dedupe=events changes in its roll-up contribution, at the grains of V8, V10 and V12 with the same columns.
-- A member that is not its event's lead takes its whole contribution away (-1 incident, minus its figures); the lead
-- counts the event's low and high in place of its own (its best, and whether its figure is known, stay its own), and
-- its open column moves by whether the event has no high instead of whether it has none. Statistics and totals with
-- dedupe=events add these rows to the roll-up's (org.incidentkb.stats.EventRollup keeps them current); the rows are
-- built here from the events that exist.
create table event_rollup (
    perpetrator_id  bigint      not null,
    country_code    varchar(3)  not null,
    period          integer     not null,
    type_code       varchar(64) not null,
    category_code   varchar(64) not null,
    claim_status    varchar(16) not null,
    incidents       bigint      not null,
    killed_low      bigint      not null,
    killed_best     bigint      not null,
    killed_high     bigint      not null,
    killed_open     bigint      not null,
    injured_low     bigint      not null,
    injured_best    bigint      not null,
    injured_high    bigint      not null,
    injured_open    bigint      not null,
    killed_unknown  bigint      not null,
    injured_unknown bigint      not null,
    primary key (perpetrator_id, country_code, period, type_code, category_code, claim_status)
);

create table event_rollup_country (
    perpetrator_id  bigint     not null,
    country_code    varchar(3) not null,
    period          integer    not null,
    incidents       bigint     not null,
    killed_low      bigint     not null,
    killed_best     bigint     not null,
    killed_high     bigint     not null,
    killed_open     bigint     not null,
    injured_low     bigint     not null,
    injured_best    bigint     not null,
    injured_high    bigint     not null,
    injured_open    bigint     not null,
    killed_unknown  bigint     not null,
    injured_unknown bigint     not null,
    primary key (perpetrator_id, country_code, period)
);

create table event_rollup_year (
    perpetrator_id  bigint     not null,
    country_code    varchar(3) not null,
    period          integer    not null,
    incidents       bigint     not null,
    killed_low      bigint     not null,
    killed_best     bigint     not null,
    killed_high     bigint     not null,
    killed_open     bigint     not null,
    injured_low     bigint     not null,
    injured_best    bigint     not null,
    injured_high    bigint     not null,
    injured_open    bigint     not null,
    killed_unknown  bigint     not null,
    injured_unknown bigint     not null,
    primary key (perpetrator_id, country_code, period)
);

insert into event_rollup (perpetrator_id, country_code, period, type_code, category_code, claim_status, incidents,
                          killed_low, killed_best, killed_high, killed_open, injured_low, injured_best, injured_high,
                          injured_open, killed_unknown, injured_unknown)
select perpetrator_id, country_code, period, type_code, category_code, claim_status, sum(incidents),
       sum(killed_low), sum(killed_best), sum(killed_high), sum(killed_open), sum(injured_low), sum(injured_best),
       sum(injured_high), sum(injured_open), sum(killed_unknown), sum(injured_unknown)
from (
    select coalesce(p.actor_id, -1) as perpetrator_id, c.*
    from (
        select i.id, coalesce(i.country_code, '') as country_code,
               cast(extract(year from i.start_date) * 100 + extract(month from i.start_date) as integer) as period,
               coalesce(i.type_code, '') as type_code, i.category_code, i.claim_status,
               case when e.event_id = e.incident_id then 0 else -1 end as incidents,
               case when e.event_id = e.incident_id then coalesce(e.killed_low, 0) - coalesce(i.killed_low, 0)
                    else -coalesce(i.killed_low, 0) end as killed_low,
               case when e.event_id = e.incident_id then 0 else -coalesce(i.killed_best, 0) end as killed_best,
               case when e.event_id = e.incident_id then coalesce(e.killed_high, 0) - coalesce(i.killed_high, 0)
                    else -coalesce(i.killed_high, 0) end as killed_high,
               case when e.event_id = e.incident_id
                    then (case when e.killed_high is null then 1 else 0 end) - (case when i.killed_high is null then 1 else 0 end)
                    else -(case when i.killed_best is not null and i.killed_high is null then 1 else 0 end) end as killed_open,
               case when e.event_id = e.incident_id then coalesce(e.injured_low, 0) - coalesce(i.injured_low, 0)
                    else -coalesce(i.injured_low, 0) end as injured_low,
               case when e.event_id = e.incident_id then 0 else -coalesce(i.injured_best, 0) end as injured_best,
               case when e.event_id = e.incident_id then coalesce(e.injured_high, 0) - coalesce(i.injured_high, 0)
                    else -coalesce(i.injured_high, 0) end as injured_high,
               case when e.event_id = e.incident_id
                    then (case when e.injured_high is null then 1 else 0 end) - (case when i.injured_high is null then 1 else 0 end)
                    else -(case when i.injured_best is not null and i.injured_high is null then 1 else 0 end) end as injured_open,
               case when e.event_id = e.incident_id or i.killed_best is not null then 0 else -1 end as killed_unknown,
               case when e.event_id = e.incident_id or i.injured_best is not null then 0 else -1 end as injured_unknown
        from incident_event e join incident i on i.id = e.incident_id
    ) c left join incident_actor p on p.incident_id = c.id and p.role = 'PERPETRATOR'
    union all
    select 0, c.*
    from (
        select i.id, coalesce(i.country_code, '') as country_code,
               cast(extract(year from i.start_date) * 100 + extract(month from i.start_date) as integer) as period,
               coalesce(i.type_code, '') as type_code, i.category_code, i.claim_status,
               case when e.event_id = e.incident_id then 0 else -1 end as incidents,
               case when e.event_id = e.incident_id then coalesce(e.killed_low, 0) - coalesce(i.killed_low, 0)
                    else -coalesce(i.killed_low, 0) end as killed_low,
               case when e.event_id = e.incident_id then 0 else -coalesce(i.killed_best, 0) end as killed_best,
               case when e.event_id = e.incident_id then coalesce(e.killed_high, 0) - coalesce(i.killed_high, 0)
                    else -coalesce(i.killed_high, 0) end as killed_high,
               case when e.event_id = e.incident_id
                    then (case when e.killed_high is null then 1 else 0 end) - (case when i.killed_high is null then 1 else 0 end)
                    else -(case when i.killed_best is not null and i.killed_high is null then 1 else 0 end) end as killed_open,
               case when e.event_id = e.incident_id then coalesce(e.injured_low, 0) - coalesce(i.injured_low, 0)
                    else -coalesce(i.injured_low, 0) end as injured_low,
               case when e.event_id = e.incident_id then 0 else -coalesce(i.injured_best, 0) end as injured_best,
               case when e.event_id = e.incident_id then coalesce(e.injured_high, 0) - coalesce(i.injured_high, 0)
                    else -coalesce(i.injured_high, 0) end as injured_high,
               case when e.event_id = e.incident_id
                    then (case when e.injured_high is null then 1 else 0 end) - (case when i.injured_high is null then 1 else 0 end)
                    else -(case when i.injured_best is not null and i.injured_high is null then 1 else 0 end) end as injured_open,
               case when e.event_id = e.incident_id or i.killed_best is not null then 0 else -1 end as killed_unknown,
               case when e.event_id = e.incident_id or i.injured_best is not null then 0 else -1 end as injured_unknown
        from incident_event e join incident i on i.id = e.incident_id
    ) c
) corrections
group by perpetrator_id, country_code, period, type_code, category_code, claim_status;

insert into event_rollup_country (perpetrator_id, country_code, period, incidents, killed_low, killed_best,
                                  killed_high, killed_open, injured_low, injured_best, injured_high, injured_open,
                                  killed_unknown, injured_unknown)
select perpetrator_id, country_code, period, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open),
       sum(killed_unknown), sum(injured_unknown)
from event_rollup
group by perpetrator_id, country_code, period;

insert into event_rollup_year (perpetrator_id, country_code, period, incidents, killed_low, killed_best,
                               killed_high, killed_open, injured_low, injured_best, injured_high, injured_open,
                               killed_unknown, injured_unknown)
select perpetrator_id, country_code, year_end, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open),
       sum(killed_unknown), sum(injured_unknown)
from (select r.*, (r.period / 100) * 100 + 12 as year_end from event_rollup_country r) by_year
group by perpetrator_id, country_code, year_end;
