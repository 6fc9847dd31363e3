-- One row that every change to the events (incident_event, from the SAME_EVENT links) locks first, so that two such
-- changes run one after the other: each then reads the links the other committed. Without it, two editors linking
-- A-B and B-C at once each computed their event from the links they could see and the later one overwrote the
-- other's rows: incidents shown as one event with no link between them, or the other way round.
create table event_lock (
    id int primary key
);
insert into event_lock (id) values (1);
