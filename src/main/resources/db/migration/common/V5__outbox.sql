-- The transactional outbox: messages for other parties (the analyst side, the helpline), written in the
-- transaction of the change that causes them and sent later by workers. A worker claims rows (FOR UPDATE
-- SKIP LOCKED, then a lease in claimed_until) and deletes each once its consumer has acknowledged it.
-- Payloads may carry signals and locations, so they are stored as AEAD ciphertexts bound to the message id.
CREATE TABLE outbox_message (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    topic         VARCHAR(40) NOT NULL,
    message_type  VARCHAR(40) NOT NULL,
    payload       BYTEA       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    available_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_token   VARCHAR(36),
    attempts      INTEGER     NOT NULL
);
CREATE INDEX outbox_message_claimable ON outbox_message (topic, available_at, created_at);
