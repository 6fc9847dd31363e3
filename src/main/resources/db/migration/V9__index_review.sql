-- Index review against the benchmark (src/bench/bench.sh, 1M incidents). Every index left on incident serves a
-- query the benchmark measures or a write that needs it; these five served neither, and each one costs every import
-- and every write:
--   category and claim status have a handful of values each, so a filter on one of them walks the start-date
--   index (the default order) and stops after a page, faster than reading a sixth or a third of the table by index;
--   injured_best only served minInjured/maxInjured (the injured sort is on coalesce(injured_best, -1), which it
--   never served);
--   casualty category has six values; event types are a table of a few dozen rows.
drop index ix_incident_category;
drop index ix_incident_claim_status;
drop index ix_incident_injured;
drop index ix_casualty_category;
drop index ix_event_type_category;
