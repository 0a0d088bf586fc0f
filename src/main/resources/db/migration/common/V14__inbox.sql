-- A random id per account that a notification service may know a device by; "you have a new message" is sent to
-- it and nothing else. Filled for existing accounts by the database's own migration (V14_1).
ALTER TABLE account ADD COLUMN notification_id VARCHAR(36);

-- The young person's inbox. The service's messages hold a key into the wording (rendered in the case's language
-- when read), never text. once_key makes a milestone's message one of a kind per case, however many events arrive
-- and in whatever order, on however many nodes. Erased with the account, and with the case.
CREATE TABLE inbox_message (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id      VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    case_id         VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    case_reference  VARCHAR(24) NOT NULL,
    message_key     VARCHAR(64) NOT NULL,
    sender          VARCHAR(12) NOT NULL,
    once_key        VARCHAR(80),
    language        VARCHAR(2)  NOT NULL,
    under_13        BOOLEAN     NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbox_message_once UNIQUE (once_key)
);
CREATE INDEX inbox_message_account ON inbox_message (account_id, written_at, id);
CREATE INDEX inbox_message_case ON inbox_message (case_id, written_at);
