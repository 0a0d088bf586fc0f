-- Age checks: one row per attempt to prove age with a provider. Only the outcome of a verified
-- attestation is kept (provider, method, age band, time): never the attestation, a document or a
-- birth date. The one-time nonce is kept only as its SHA-256 digest, and only until it is used.
CREATE TABLE age_check (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    status       VARCHAR(16)  NOT NULL,
    nonce_digest CHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    provider     VARCHAR(64),
    method       VARCHAR(32),
    age_band     VARCHAR(16),
    verified_at  TIMESTAMP WITH TIME ZONE,
    claimed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT age_check_status_known CHECK (status IN ('PENDING', 'VERIFIED', 'CLAIMED')),
    CONSTRAINT age_check_outcome_when_verified CHECK (
        (status = 'PENDING' AND provider IS NULL AND verified_at IS NULL)
        OR (status <> 'PENDING' AND provider IS NOT NULL AND method IS NOT NULL AND age_band IS NOT NULL
            AND verified_at IS NOT NULL AND nonce_digest IS NULL))
);
