-- Each actor's incidents in each role, with the columns a list filters and sorts on: a list of one actor in one role
-- (perpetrator=…, target=…) reads its rows in order from one index range, instead of looking up every incident of the
-- actor in the incident table to test the rest of the filter (docs/adr/0018). A projection of incident and
-- incident_actor, written with every change of an incident (IncidentsByActor); the ids of a row are those of
-- incident_actor's rows, the other columns those of the incident.
create table incident_by_actor (
    actor_id      bigint      not null,
    role          varchar(16) not null,
    id            bigint      not null references incident (id) on delete cascade,
    start_date    date        not null,
    end_date      date,
    country_code  varchar(3),
    category_code varchar(64) not null,
    type_code     varchar(64),
    claim_status  varchar(16) not null,
    killed_best   integer,
    injured_best  integer,
    primary key (id, actor_id, role)
);
-- Every column in the index: H2 answers from an index alone only when it holds every column the query uses (it has no
-- INCLUDE); otherwise it reads the row of each entry (a count of an actor's incidents with killed >= 10: 8,603 row
-- reads at 200,000 incidents).
create index ix_incident_by_actor on incident_by_actor (actor_id, role, start_date, id, end_date, country_code,
    category_code, type_code, claim_status, killed_best, injured_best);
insert into incident_by_actor (actor_id, role, id, start_date, end_date, country_code, category_code, type_code,
                               claim_status, killed_best, injured_best)
select a.actor_id, a.role, i.id, i.start_date, i.end_date, i.country_code, i.category_code, i.type_code,
       i.claim_status, i.killed_best, i.injured_best
  from incident_actor a join incident i on i.id = a.incident_id;
