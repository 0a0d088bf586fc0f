-- Append-only audit trail. Writers insert rows freely; the sealer later chains them in order by
-- setting seal_seq and chain_hash once (see AuditChain), so writers never wait on one lock.
-- Rows hold who did what to which object and when: never content.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_role  VARCHAR(32)  NOT NULL,
    actor_id    VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    object_type VARCHAR(32)  NOT NULL,
    object_id   VARCHAR(100) NOT NULL,
    seal_seq    BIGINT,
    chain_hash  CHAR(64),
    CONSTRAINT audit_event_seal_seq_unique UNIQUE (seal_seq)
);

-- EclipseLink preallocates 50 ids per call and takes the value returned as the last of the block.
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

-- The end of the sealed chain: one row, locked by the sealer so that two replicas never chain
-- the same rows. Also lets the verifier notice rows cut from the end of the chain.
CREATE TABLE audit_chain_head (
    id         INTEGER  NOT NULL PRIMARY KEY,
    seal_seq   BIGINT   NOT NULL,
    chain_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, seal_seq, chain_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
