-- Unknown is not zero: each roll-up row also counts the incidents whose killed (injured) figure is unknown, so a
-- group can say how many of its incidents have no figure, and report no high (no upper bound) when any has none.
-- The rows are rebuilt from the incidents with the new counts, as V8, V10 and V12 first built them.
alter table incident_rollup add column killed_unknown bigint default 0 not null;
alter table incident_rollup add column injured_unknown bigint default 0 not null;
alter table incident_rollup_country add column killed_unknown bigint default 0 not null;
alter table incident_rollup_country add column injured_unknown bigint default 0 not null;
alter table incident_rollup_year add column killed_unknown bigint default 0 not null;
alter table incident_rollup_year add column injured_unknown bigint default 0 not null;

delete from incident_rollup;
delete from incident_rollup_country;
delete from incident_rollup_year;

insert into incident_rollup (perpetrator_id, country_code, period, type_code, category_code, claim_status, incidents,
                             killed_low, killed_best, killed_high, killed_open, injured_low, injured_best,
                             injured_high, injured_open, killed_unknown, injured_unknown)
select perpetrator_id, country_code, period, type_code, category_code, claim_status, count(*),
       coalesce(sum(killed_low), 0), coalesce(sum(killed_best), 0), coalesce(sum(killed_high), 0),
       sum(case when killed_best is not null and killed_high is null then 1 else 0 end),
       coalesce(sum(injured_low), 0), coalesce(sum(injured_best), 0), coalesce(sum(injured_high), 0),
       sum(case when injured_best is not null and injured_high is null then 1 else 0 end),
       sum(case when killed_best is null then 1 else 0 end),
       sum(case when injured_best is null then 1 else 0 end)
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

insert into incident_rollup_country (perpetrator_id, country_code, period, incidents, killed_low, killed_best,
                                     killed_high, killed_open, injured_low, injured_best, injured_high, injured_open,
                                     killed_unknown, injured_unknown)
select perpetrator_id, country_code, period, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open),
       sum(killed_unknown), sum(injured_unknown)
from incident_rollup
group by perpetrator_id, country_code, period;

insert into incident_rollup_year (perpetrator_id, country_code, period, incidents, killed_low, killed_best,
                                  killed_high, killed_open, injured_low, injured_best, injured_high, injured_open,
                                  killed_unknown, injured_unknown)
select perpetrator_id, country_code, year_end, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open),
       sum(killed_unknown), sum(injured_unknown)
from (select r.*, (r.period / 100) * 100 + 12 as year_end from incident_rollup_country r) by_year
group by perpetrator_id, country_code, year_end;
