-- Webhooks out: each outbox message for the helpline or for notifications becomes one delivery per subscribed
-- partner, sent until the partner's endpoint answers 2xx, retried with back-off, and kept as failed for operators
-- to replay once retries run out. The id is the Standard Webhooks webhook-id: the same on every attempt. The body
-- (a CloudEvent naming a case reference and flags) is stored as an AEAD ciphertext bound to the delivery id.
-- A message that names no partner is recorded as undeliverable, with no body and no partner.
CREATE TABLE webhook_delivery (
    id              VARCHAR(40) NOT NULL PRIMARY KEY,
    message_id      VARCHAR(36) NOT NULL,
    partner         VARCHAR(64),
    event_type      VARCHAR(40) NOT NULL,
    subject_id      VARCHAR(64),
    body            BYTEA,
    state           VARCHAR(16) NOT NULL,
    reason          VARCHAR(24),
    attempts        INTEGER     NOT NULL,
    last_status     INTEGER,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_token     VARCHAR(36),
    finished_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_once UNIQUE (message_id, partner)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_subject ON webhook_delivery (partner, subject_id);
CREATE INDEX webhook_delivery_finished ON webhook_delivery (state, finished_at);

-- A subscription whose endpoint answered 410 Gone is switched off until an operator switches it on again; kept in
-- the database so that every node stops at once.
CREATE TABLE webhook_subscription_state (
    partner     VARCHAR(64) NOT NULL PRIMARY KEY,
    disabled_at TIMESTAMP WITH TIME ZONE
);
