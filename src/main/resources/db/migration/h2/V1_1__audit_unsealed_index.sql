-- H2 has no partial indexes; the embedded database is for development, where the trail stays small.
CREATE INDEX audit_event_unsealed ON audit_event (seal_seq, id);
