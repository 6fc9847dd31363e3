-- A counter every rename of an actor or source moves (in its transaction, before it drops the stored documents that
-- show the old label). The background rebuild of documents reads it before reading the entities and stores what it
-- built only while it is unchanged, holding its row locked, so a document built before a rename is never stored
-- after it.
create table document_epoch (
    id    integer primary key,
    epoch bigint  not null
);

insert into document_epoch (id, epoch) values (1, 0);
