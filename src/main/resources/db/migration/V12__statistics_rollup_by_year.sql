-- The coarsest statistics roll-up: per perpetrator (0: all incidents, -1: none), country and year. Statistics by
-- year, country or perpetrator without a month (perpetrators per year over everything) add up a few thousand of
-- its rows instead of the per-month table's hundreds of thousands. period is year * 100 + 12, so that a `to` at
-- the end of a year compares with it as with the monthly tables.
create table incident_rollup_year (
    perpetrator_id bigint     not null,
    country_code   varchar(3) not null,
    period         integer    not null,
    incidents      bigint     not null,
    killed_low     bigint     not null,
    killed_best    bigint     not null,
    killed_high    bigint     not null,
    killed_open    bigint     not null,
    injured_low    bigint     not null,
    injured_best   bigint     not null,
    injured_high   bigint     not null,
    injured_open   bigint     not null,
    primary key (perpetrator_id, country_code, period)
);

insert into incident_rollup_year
select perpetrator_id, country_code, year_end, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open)
from (select r.*, (r.period / 100) * 100 + 12 as year_end from incident_rollup_country r) by_year
group by perpetrator_id, country_code, year_end;
