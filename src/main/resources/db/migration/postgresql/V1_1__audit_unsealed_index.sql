-- The sealer looks for unsealed rows every second: a partial index keeps that cheap however long the trail grows.
CREATE INDEX audit_event_unsealed ON audit_event (id) WHERE seal_seq IS NULL;
