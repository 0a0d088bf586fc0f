-- Young people's cases. What they write (notes), where they fear the imagery is shared (locations) and how a
-- counsellor may follow up (consent details) are stored only as AEAD ciphertexts bound to the case id. The
-- case reference is shown to the young person; the analyst reference is a separate random id that only the
-- analyst side sees, so the two cannot be linked from outside.
CREATE TABLE report_case (
    id                    VARCHAR(36) NOT NULL PRIMARY KEY,
    case_reference        VARCHAR(17) NOT NULL,
    analyst_reference     VARCHAR(24) NOT NULL,
    account_id            VARCHAR(36) NOT NULL,
    status                VARCHAR(20) NOT NULL,
    language              VARCHAR(2)  NOT NULL,
    concerns              VARCHAR(100) NOT NULL,
    follow_up_consented   BOOLEAN     NOT NULL,
    notes_sealed          BYTEA,
    locations_sealed      BYTEA       NOT NULL,
    consent_sealed        BYTEA       NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT      NOT NULL,
    CONSTRAINT report_case_reference_unique UNIQUE (case_reference),
    CONSTRAINT report_case_analyst_reference_unique UNIQUE (analyst_reference)
);
CREATE INDEX report_case_account ON report_case (account_id);

-- One image or video of a case. The number is what the young person sees; the item reference is the
-- analyst side's.
CREATE TABLE case_item (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id        VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    item_number    INTEGER     NOT NULL,
    item_reference VARCHAR(24) NOT NULL,
    content_type   VARCHAR(10) NOT NULL,
    already_known  BOOLEAN     NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_item_number_unique UNIQUE (case_id, item_number),
    CONSTRAINT case_item_reference_unique UNIQUE (item_reference)
);

-- The signals (hashes) of an item, in lower-case hex. PDQ signals carry their quality.
CREATE TABLE case_signal (
    item_id      VARCHAR(36) NOT NULL REFERENCES case_item (id) ON DELETE CASCADE,
    signal_type  VARCHAR(10) NOT NULL,
    signal_value VARCHAR(64) NOT NULL,
    quality      INTEGER,
    CONSTRAINT case_signal_unique UNIQUE (item_id, signal_type, signal_value)
);

-- Idempotency keys of case submissions, per account: a retried submission gets the stored answer again. The
-- request is kept only as a digest (to tell a retry from a different request with the same key).
CREATE TABLE case_submission (
    account_id      VARCHAR(36) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_digest  CHAR(64)    NOT NULL,
    case_id         VARCHAR(36) NOT NULL,
    answer          TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
