-- An event's figure is one triple, low <= best <= high (DESIGN §3, issue 49): the lead's row of incident_event now
-- carries the event's best too, taken from the first member in the dataset priority that knows it. The rows are
-- computed in Java (link.EventFigures); 'events' names the version of that rule the stored rows follow, and the first
-- instance that starts with a newer one recomputes every event (and with them the statistics' corrections).
alter table incident_event add column killed_best int;
alter table incident_event add column injured_best int;
insert into projection_rules (name, version) values ('events', 1);
