-- Lists and exports of one country (or one event type) in the default order, start date then id: with the id in
-- the index, H2 reads the rows in index order and stops after the page or the export's chunk, instead of sorting
-- every matching row for each page and chunk (at 1M incidents an export of Iraq sorted ~86,000 rows 170 times).
drop index ix_incident_country_date;
create index ix_incident_country_date on incident (country_code, start_date, id);
drop index ix_incident_type;
create index ix_incident_type on incident (type_code, start_date, id);
