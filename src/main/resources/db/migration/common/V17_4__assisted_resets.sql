-- One-time reset codes a helpline counsellor issues for an account that consented to their helpline, stored only as
-- a digest with who issued them; short-lived, one live code per account, erased with the account.
CREATE TABLE assisted_reset (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   VARCHAR(64)  NOT NULL,
    issued_by   VARCHAR(120) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assisted_reset_account ON assisted_reset (account_id);
