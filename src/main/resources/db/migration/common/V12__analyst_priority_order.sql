-- Packages for the analysts are leased in the documented order of their priority flags (docs/api-analysts.md), so
-- the priority becomes a rank (PriorityFlag.rank) instead of "any flag or none". A flagged package already waiting
-- takes the highest rank, so that nothing waiting is overtaken by packages queued after it.
ALTER TABLE outbox_message ADD COLUMN priority_rank INTEGER DEFAULT 0 NOT NULL;
UPDATE outbox_message SET priority_rank = 63 WHERE priority = TRUE;
DROP INDEX outbox_message_by_priority;
ALTER TABLE outbox_message DROP COLUMN priority;
ALTER TABLE outbox_message RENAME COLUMN priority_rank TO priority;
CREATE INDEX outbox_message_by_priority ON outbox_message (topic, priority, created_at);
