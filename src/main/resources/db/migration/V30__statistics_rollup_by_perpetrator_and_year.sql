-- The coarsest statistics roll-up: per perpetrator (0: all incidents, -1: none) and year, every country together.
-- Statistics by year or by perpetrator and year over all countries read one row per group here: over the roll-up
-- by country and year (V12), perpetrators per year at a million incidents added up 66,480 rows into 63,717 groups
-- for each request. period is year * 100 + 12, as in V12. Its corrections for dedupe=events (as V22's) beside it.
create table incident_rollup_perpetrator_year (
    perpetrator_id  bigint  not null,
    period          integer not null,
    incidents       bigint  not null,
    killed_low      bigint  not null,
    killed_best     bigint  not null,
    killed_high     bigint  not null,
    killed_open     bigint  not null,
    injured_low     bigint  not null,
    injured_best    bigint  not null,
    injured_high    bigint  not null,
    injured_open    bigint  not null,
    killed_unknown  bigint  not null,
    injured_unknown bigint  not null,
    primary key (perpetrator_id, period)
);

create table event_rollup_perpetrator_year (
    perpetrator_id  bigint  not null,
    period          integer not null,
    incidents       bigint  not null,
    killed_low      bigint  not null,
    killed_best     bigint  not null,
    killed_high     bigint  not null,
    killed_open     bigint  not null,
    injured_low     bigint  not null,
    injured_best    bigint  not null,
    injured_high    bigint  not null,
    injured_open    bigint  not null,
    killed_unknown  bigint  not null,
    injured_unknown bigint  not null,
    primary key (perpetrator_id, period)
);

insert into incident_rollup_perpetrator_year (perpetrator_id, period, incidents, killed_low, killed_best, killed_high,
                                              killed_open, injured_low, injured_best, injured_high, injured_open,
                                              killed_unknown, injured_unknown)
select perpetrator_id, period, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high), sum(killed_open),
       sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open), sum(killed_unknown),
       sum(injured_unknown)
from incident_rollup_year
group by perpetrator_id, period;

insert into event_rollup_perpetrator_year (perpetrator_id, period, incidents, killed_low, killed_best, killed_high,
                                           killed_open, injured_low, injured_best, injured_high, injured_open,
                                           killed_unknown, injured_unknown)
select perpetrator_id, period, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high), sum(killed_open),
       sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open), sum(killed_unknown),
       sum(injured_unknown)
from event_rollup_year
group by perpetrator_id, period;
