-- The analyst exchange. Packages for the analysts wait in the outbox; a package raised by a priority flag
-- (threats, risk, under 13, self-declared age, altered imagery) is leased before older ones without.
ALTER TABLE outbox_message ADD COLUMN priority BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX outbox_message_by_priority ON outbox_message (topic, priority, created_at);

-- What the analyst side has told us about a case: one row per case that has heard back, holding when the
-- analysts closed it. Erasing the case erases this with it.
CREATE TABLE analyst_case_results (
    case_id     VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES report_case (id) ON DELETE CASCADE,
    closed_at   TIMESTAMP WITH TIME ZONE,
    version     BIGINT      NOT NULL
);

-- Per item assessments. The latest by assessed_at is the one that counts.
CREATE TABLE analyst_assessment (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36) NOT NULL REFERENCES analyst_case_results (case_id) ON DELETE CASCADE,
    item_reference  VARCHAR(24) NOT NULL,
    outcome         VARCHAR(20) NOT NULL,
    category        VARCHAR(12),
    reason          VARCHAR(30),
    assessed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id        VARCHAR(64) NOT NULL
);
CREATE INDEX analyst_assessment_case ON analyst_assessment (case_id);

-- Removal actions as they happen. A location (URL) is stored only as an AEAD ciphertext bound to the row id;
-- location_digest lets actions on the same place be matched without decrypting.
CREATE TABLE analyst_removal_action (
    id               VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id          VARCHAR(36) NOT NULL REFERENCES analyst_case_results (case_id) ON DELETE CASCADE,
    item_reference   VARCHAR(24),
    action           VARCHAR(20) NOT NULL,
    list_name        VARCHAR(64),
    location_sealed  BYTEA,
    location_digest  CHAR(64),
    platform         VARCHAR(20),
    blocked_count    INTEGER,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id         VARCHAR(64) NOT NULL
);
CREATE INDEX analyst_removal_action_case ON analyst_removal_action (case_id);

-- Every result event id ever applied or ignored, so that a replay changes nothing. Kept without a case link:
-- it outlives erased cases, and says nothing about them.
CREATE TABLE analyst_result_event (
    event_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    kind         VARCHAR(20) NOT NULL,
    outcome      VARCHAR(10) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bundles carried across an air gap, both ways: a result bundle id seen before is refused.
CREATE TABLE analyst_bundle (
    bundle_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    direction    VARCHAR(10) NOT NULL,
    line_count   INTEGER     NOT NULL,
    body_sha256  CHAR(64)    NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
