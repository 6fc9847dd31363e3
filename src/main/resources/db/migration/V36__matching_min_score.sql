-- A matching run's threshold: the lowest score it proposes (issue 49; null for the runs before it).
alter table matching_job add column min_score double precision;
