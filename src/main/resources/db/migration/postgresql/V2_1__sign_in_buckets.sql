-- Bucket4j's sign-in rate limit buckets, shared by every replica. Ids are digests of a username or an
-- address; the state is Bucket4j's own serialised form. (The embedded development database keeps its
-- buckets in memory instead.)
CREATE TABLE sign_in_bucket (
    id         VARCHAR(80) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
