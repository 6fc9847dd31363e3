-- The version of the rules each projection was computed by. The statistics roll-ups (V8 to V30) are computed in Java
-- (stats.Contributions); when its rules change, the new version in the code makes the first instance that starts
-- rebuild them from the incidents (stats.RollupRebuild), so that no migration restates those rules in SQL.
create table projection_rules (
    name varchar(64) primary key,
    version int not null
);
insert into projection_rules (name, version) values ('rollups', 1);
