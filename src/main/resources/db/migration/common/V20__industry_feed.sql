-- The industry feed: signals the analysts shared for blocking, each under a random feed id of its own.
-- An entry waits (added_seq null) until its hour's batch is published; publication gives it a place in the feed
-- (added_seq) and a day. A withdrawal gives it a removal place (removed_seq) and a day. The feed's positions come
-- from the single row of industry_feed_head, locked by whoever hands out positions, so positions commit in order
-- and a reader's checkpoint never skips one.
CREATE TABLE industry_feed_entry (
    feed_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    list_name     VARCHAR(64)  NOT NULL,
    signal_type   VARCHAR(16)  NOT NULL,
    signal_value  VARCHAR(128) NOT NULL,
    -- Only while it waits: the hour it joined, and an opaque key that keeps one case's signals apart when its
    -- batch is ordered. Both are cleared at publication.
    queued_hour   TIMESTAMP WITH TIME ZONE,
    batch_group   VARCHAR(64),
    added_seq     BIGINT,
    added_day     DATE,
    removed_seq   BIGINT,
    removed_day   DATE
);
CREATE UNIQUE INDEX industry_feed_entry_added ON industry_feed_entry (added_seq);
CREATE UNIQUE INDEX industry_feed_entry_removed ON industry_feed_entry (removed_seq);
CREATE INDEX industry_feed_entry_signal ON industry_feed_entry (list_name, signal_type, signal_value);
CREATE INDEX industry_feed_entry_waiting ON industry_feed_entry (queued_hour);

-- Why an entry is in the feed: the cases (and their items) whose shared signals it carries. A case erased without
-- withdrawal leaves the entry in the feed with a 'retained' source instead of its id. Withdrawing a case removes
-- the entries no other source keeps.
CREATE TABLE industry_feed_source (
    feed_id         VARCHAR(36) NOT NULL REFERENCES industry_feed_entry (feed_id) ON DELETE CASCADE,
    source_id       VARCHAR(36) NOT NULL,
    item_reference  VARCHAR(24) NOT NULL,
    PRIMARY KEY (feed_id, source_id, item_reference)
);
CREATE INDEX industry_feed_source_by_source ON industry_feed_source (source_id);

CREATE TABLE industry_feed_head (
    id          INTEGER     NOT NULL PRIMARY KEY,
    last_seq    BIGINT      NOT NULL,
    -- The batch key of the last entry published, so that the next batch does not start with the same case.
    last_group  VARCHAR(64),
    CONSTRAINT industry_feed_head_single_row CHECK (id = 1)
);
INSERT INTO industry_feed_head (id, last_seq) VALUES (1, 0);

-- Platforms' feedback, applied once per platform and event id.
CREATE TABLE industry_feedback (
    platform     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    feed_id      VARCHAR(36)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    item_count   INTEGER,
    reason       VARCHAR(32),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, event_id)
);

-- A platform's client id names it in removal actions it reports.
ALTER TABLE analyst_removal_action ALTER COLUMN platform SET DATA TYPE VARCHAR(64);
