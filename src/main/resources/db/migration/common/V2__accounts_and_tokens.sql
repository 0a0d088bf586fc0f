-- Young people's pseudonymous accounts. No name, email, phone number, birth date or age document:
-- only the username, an Argon2id hash of the passphrase and the outcome of the age check.
CREATE TABLE account (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    username              VARCHAR(32)  NOT NULL,
    username_key          VARCHAR(32)  NOT NULL,
    passphrase_hash       VARCHAR(255) NOT NULL,
    age_assurance         VARCHAR(20)  NOT NULL,
    age_band              VARCHAR(10)  NOT NULL,
    age_method            VARCHAR(20)  NOT NULL,
    age_provider          VARCHAR(64)  NOT NULL,
    age_assured_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    passphrase_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT       NOT NULL,
    -- Usernames are unique regardless of case: username_key is the lower-case form.
    CONSTRAINT account_username_key_unique UNIQUE (username_key)
);

-- Single-use recovery codes, stored as SHA-256 digests (each code carries 80 random bits).
CREATE TABLE recovery_code (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  CHAR(64)    NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_account ON recovery_code (account_id);

-- Refresh tokens, stored as SHA-256 digests, in families that are revoked together on reuse.
CREATE TABLE refresh_token (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    family_id  VARCHAR(36) NOT NULL,
    account_id VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash CHAR(64)    NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_account ON refresh_token (account_id);

-- Partner client assertion ids already used (as digests), until they expire: no replays.
CREATE TABLE used_client_assertion (
    assertion_key CHAR(64) NOT NULL PRIMARY KEY,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_client_assertion_expiry ON used_client_assertion (expires_at);
