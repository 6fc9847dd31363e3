-- The incident representation gained `dataset` (where the incident came from: ACLED, UCDP or GTD, from its external
-- references). The stored documents lack it, so they are dropped; DocumentRebuilder stores them again in the
-- background after start, and until then reads build incidents from their tables (correct, slower).
delete from incident_document;
