-- What a queued message is about (an id such as an analyst reference or a case reference, never content), so that
-- a withdrawal or an erasure can take back the messages no consumer has claimed yet, in its own transaction.
ALTER TABLE outbox_message ADD COLUMN subject_id VARCHAR(64);
CREATE INDEX outbox_message_subject ON outbox_message (topic, subject_id);

-- How many packages the exchange queued for a case, to tell on withdrawal whether any of them may have left:
-- when every one is still unclaimed, they are taken back and the analyst side never hears of the case at all.
-- Unknown (null) for cases handed over before this was counted: their withdrawal is always sent.
ALTER TABLE analyst_case ADD COLUMN packages_queued INTEGER;
