-- A coarser statistics roll-up beside V8's: per perpetrator (0: all incidents, -1: none), country and month only.
-- Statistics that filter and group on nothing finer (the monthly series of a country, perpetrators per year) read
-- a few hundred of its rows instead of the thousands of type and claim-status rows behind them.
create table incident_rollup_country (
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

insert into incident_rollup_country
select perpetrator_id, country_code, period, sum(incidents), sum(killed_low), sum(killed_best), sum(killed_high),
       sum(killed_open), sum(injured_low), sum(injured_best), sum(injured_high), sum(injured_open)
from incident_rollup
group by perpetrator_id, country_code, period;
