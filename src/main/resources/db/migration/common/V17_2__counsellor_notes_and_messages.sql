-- A counsellor's notes on a case, for the counsellors of the same helpline partner only. The text is stored only as
-- an AEAD ciphertext bound to the note id. Erased with the case.
CREATE TABLE counsellor_note (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id      VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    partner      VARCHAR(64) NOT NULL,
    counsellor   VARCHAR(120) NOT NULL,
    text_sealed  BYTEA       NOT NULL,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX counsellor_note_case ON counsellor_note (case_id, partner, written_at);
