-- Which evidence carried a proposed link (issue 49: a review queue that helps), as matching scored it: e.g.
-- "same day; same type; shared actor; agreeing fatalities". Null for links made by editors and those before it.
alter table incident_link add column carried_by varchar(200);
