-- A counsellor's message in the young person's inbox carries its text, sealed (bound to the message id), with the
-- helpline partner and the counsellor that sent it; the service's own messages keep a wording key and no text.
ALTER TABLE inbox_message ADD COLUMN partner VARCHAR(64);
ALTER TABLE inbox_message ADD COLUMN counsellor VARCHAR(120);
ALTER TABLE inbox_message ADD COLUMN text_sealed BYTEA;

-- The young person's replies to a counsellor's message, sealed (bound to the reply id). They reach only the
-- helpline partner whose counsellor wrote the message. Erased with the account, and with the case.
CREATE TABLE inbox_reply (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    message_id   VARCHAR(36) NOT NULL REFERENCES inbox_message (id) ON DELETE CASCADE,
    account_id   VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    case_id      VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    partner      VARCHAR(64) NOT NULL,
    text_sealed  BYTEA       NOT NULL,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inbox_reply_case ON inbox_reply (case_id, partner, written_at);
CREATE INDEX inbox_reply_account ON inbox_reply (account_id);
